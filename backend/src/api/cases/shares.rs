//! `POST/GET /api/v1/cases/{id}/shares` and `DELETE /api/v1/cases/{id}/shares/{grant_id}`.

use axum::extract::State;
use axum::http::StatusCode;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::cases::{self, GrantView, NewShare};

/// Shares a case with another agency (`read` or `full`); owning agency only.
#[utoipa::path(post, operation_id = "share_case", path = "/api/v1/cases/{id}/shares", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")), request_body = NewShare,
    responses((status = 201, body = GrantView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<NewShare>,
) -> Result<(StatusCode, Json<GrantView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(cases::share(&state.store, &actor, id, input).await?),
    ))
}

/// The active grants of a case; owning agency only.
#[utoipa::path(get, operation_id = "list_case_shares", path = "/api/v1/cases/{id}/shares", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")),
    responses((status = 200, body = Vec<GrantView>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<GrantView>>, ApiError> {
    Ok(Json(cases::list_shares(&state.store, &actor, id).await?))
}

/// Revokes a grant; it stops working on the agency's next request.
#[utoipa::path(delete, operation_id = "revoke_case_share", path = "/api/v1/cases/{id}/shares/{grant_id}", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id"), ("grant_id" = Uuid, Path, description = "grant id")),
    responses((status = 200, body = GrantView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn revoke(
    State(state): State<AppState>,
    actor: Actor,
    Path((id, grant_id)): Path<(Uuid, Uuid)>,
) -> Result<Json<GrantView>, ApiError> {
    Ok(Json(
        cases::revoke_share(&state.store, &actor, id, grant_id).await?,
    ))
}
