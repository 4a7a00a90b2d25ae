//! `GET /api/v1/agencies`.

use axum::extract::State;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::store::agencies::{self, AgencyView};

/// Every agency: the directory users need to share cases and send referrals.
#[utoipa::path(get, operation_id = "list_agencies", path = "/api/v1/agencies", tag = "agencies", security(("bearer" = [])),
    responses((status = 200, body = Vec<AgencyView>), (status = 401, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    _actor: Actor,
) -> Result<Json<Vec<AgencyView>>, ApiError> {
    Ok(Json(agencies::list(&state.store).await?))
}
