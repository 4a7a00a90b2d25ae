//! `POST /api/v1/auth/login`: a token for a username and password.

use axum::extract::State;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{ClientAddr, Json};
use crate::api::state::AppState;
use crate::auth;

/// Credentials.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Username (case-insensitive).
    pub username: String,
    /// Password.
    #[schema(value_type = String, format = Password)]
    pub password: SecretString,
}

/// A bearer token.
#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenResponse {
    /// Send as `Authorization: Bearer <access_token>`.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: &'static str,
    /// Lifetime in seconds.
    pub expires_in: i64,
}

/// Logs in. Five failures in a row lock the account for 15 minutes (configurable).
#[utoipa::path(post, operation_id = "login", path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = TokenResponse),
        (status = 401, description = "wrong username or password, or deactivated", body = ErrorBody),
        (status = 423, description = "locked after repeated failures", body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn login(
    State(state): State<AppState>,
    ClientAddr(addr): ClientAddr,
    Json(body): Json<LoginRequest>,
) -> Result<Json<TokenResponse>, ApiError> {
    let outcome = auth::login(
        &state.store.db,
        &state.keys,
        state.lockout(),
        &body.username,
        body.password,
        addr,
    )
    .await?;
    Ok(Json(TokenResponse {
        access_token: outcome.access_token,
        token_type: "Bearer",
        expires_in: outcome.expires_in,
    }))
}
