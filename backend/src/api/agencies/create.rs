//! `POST /api/v1/agencies`.

use axum::extract::State;
use axum::http::StatusCode;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::store::agencies::{self, AgencyView, NewAgency};

/// Creates an agency (administrators).
#[utoipa::path(post, operation_id = "create_agency", path = "/api/v1/agencies", tag = "agencies", security(("bearer" = [])), request_body = NewAgency,
    responses((status = 201, body = AgencyView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Json(input): Json<NewAgency>,
) -> Result<(StatusCode, Json<AgencyView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(agencies::create(&state.store, Some(&actor), input).await?),
    ))
}
