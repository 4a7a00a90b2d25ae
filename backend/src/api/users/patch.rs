//! `PATCH /api/v1/users/{id}`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::users::{self, UserPatch, UserView};

/// Changes an account: name, role, active flag, lock-out, password (administrators).
#[utoipa::path(patch, operation_id = "update_user", path = "/api/v1/users/{id}", tag = "users", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "user id")), request_body = UserPatch,
    responses((status = 200, body = UserView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn patch(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<UserPatch>,
) -> Result<Json<UserView>, ApiError> {
    Ok(Json(
        users::update(&state.store, Some(&actor), id, input).await?,
    ))
}
