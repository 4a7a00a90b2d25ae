//! `GET /api/v1/cases/{id}/history`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::cases::{self, ClassificationChangeView};

/// Every reclassification of the case (old value, new value, who, when, why), oldest first.
#[utoipa::path(get, operation_id = "case_history", path = "/api/v1/cases/{id}/history", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses((status = 200, body = Vec<ClassificationChangeView>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn history(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<ClassificationChangeView>>, ApiError> {
    Ok(Json(cases::history(&state.store, &actor, id).await?))
}
