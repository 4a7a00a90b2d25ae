//! `GET /api/v1/cases/{id}/court-proceedings`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::court::{self, CourtProceedingView};

/// The court decisions on a case in the caller's scope, oldest first (investigators and
/// prosecutors; audited).
#[utoipa::path(get, operation_id = "list_court_proceedings", path = "/api/v1/cases/{id}/court-proceedings", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses((status = 200, body = Vec<CourtProceedingView>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<CourtProceedingView>>, ApiError> {
    Ok(Json(court::list(&state.store, &actor, id).await?))
}
