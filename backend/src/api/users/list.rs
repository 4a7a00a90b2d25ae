//! `GET /api/v1/users`.

use axum::extract::State;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::store::users::{self, UserView};

/// Every account (administrators).
#[utoipa::path(get, operation_id = "list_users", path = "/api/v1/users", tag = "users", security(("bearer" = [])),
    responses((status = 200, body = Vec<UserView>), (status = 403, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Json<Vec<UserView>>, ApiError> {
    Ok(Json(users::list(&state.store, &actor).await?))
}
