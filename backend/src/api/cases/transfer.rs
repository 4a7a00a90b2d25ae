//! `POST /api/v1/cases/{id}/transfer`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::cases::{self, TransferInput, TransferView};

/// Transfers a case your agency owns to a police unit or a prosecutor's office; your agency
/// keeps a `full` grant. Sent to a prosecutor's office while `under_investigation`, the case
/// moves to `sent_to_prosecutor` (recorded in the history with the reason).
#[utoipa::path(post, operation_id = "transfer_case", path = "/api/v1/cases/{id}/transfer", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")), request_body = TransferInput,
    responses(
        (status = 200, body = TransferView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "stale version", body = ErrorBody), (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn transfer(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<TransferInput>,
) -> Result<Json<TransferView>, ApiError> {
    require(&actor, Action::TransferCase)?;
    Ok(Json(
        cases::transfer(&state.store, &actor, id, input).await?,
    ))
}
