//! `POST /api/v1/users`.

use axum::extract::State;
use axum::http::StatusCode;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::store::users::{self, NewUser, UserView};

/// Creates an account (administrators). The role must fit the agency's kind.
#[utoipa::path(post, operation_id = "create_user", path = "/api/v1/users", tag = "users", security(("bearer" = [])), request_body = NewUser,
    responses((status = 201, body = UserView), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Json(input): Json<NewUser>,
) -> Result<(StatusCode, Json<UserView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(users::create(&state.store, Some(&actor), input).await?),
    ))
}
