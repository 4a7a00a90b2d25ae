//! `POST /api/v1/cases/{id}/parties`.

use axum::extract::State;
use axum::http::StatusCode;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::cases::{self, NewParty, PartyView};

/// Adds a person (visible to the caller) to a case as victim, suspect, witness or reporter.
#[utoipa::path(post, operation_id = "add_case_party", path = "/api/v1/cases/{id}/parties", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")), request_body = NewParty,
    responses(
        (status = 201, body = PartyView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "already a party in this role", body = ErrorBody), (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn add(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<NewParty>,
) -> Result<(StatusCode, Json<PartyView>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(cases::add_party(&state.store, &actor, id, input).await?),
    ))
}
