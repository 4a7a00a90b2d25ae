//! `GET /api/v1/cases/{id}`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::cases::{self, CaseView};

/// Reads a case in the caller's scope (audited). NGO workers see no narrative and only the
/// victims.
#[utoipa::path(get, operation_id = "get_case", path = "/api/v1/cases/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses((status = 200, body = CaseView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
) -> Result<Json<CaseView>, ApiError> {
    Ok(Json(cases::get(&state.store, &actor, id).await?))
}
