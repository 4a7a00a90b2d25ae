//! `PATCH /api/v1/agencies/{id}`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::agencies::{self, AgencyPatch, AgencyView};

/// Renames or (de)activates an agency (administrators). Deactivation stops its users at once.
#[utoipa::path(patch, operation_id = "update_agency", path = "/api/v1/agencies/{id}", tag = "agencies", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "agency id")), request_body = AgencyPatch,
    responses((status = 200, body = AgencyView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn patch(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<AgencyPatch>,
) -> Result<Json<AgencyView>, ApiError> {
    Ok(Json(
        agencies::update(&state.store, &actor, id, input).await?,
    ))
}
