//! `POST/GET /api/v1/persons/{id}/assistance`.

use axum::extract::State;
use axum::http::StatusCode;
use korgon_domain::{AssistanceInput, dates};
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::assistance::{self, AssistanceView};

/// Records assistance your agency gave a person it can see (NGO and shelter workers,
/// investigators); your agency is the provider.
#[utoipa::path(post, operation_id = "record_assistance", path = "/api/v1/persons/{id}/assistance", tag = "persons", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "person id")), request_body = AssistanceInput,
    responses((status = 201, body = AssistanceView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<AssistanceInput>,
) -> Result<(StatusCode, Json<AssistanceView>), ApiError> {
    require(&actor, Action::RecordAssistance)?;
    let input = input.validate(dates::today()).map_err(Error::from)?;
    Ok((
        StatusCode::CREATED,
        Json(assistance::record(&state.store, &actor, id, input).await?),
    ))
}

/// The assistance a person you can see received, latest first (audited). Notes only for the
/// providing agency and agencies with full access to the person.
#[utoipa::path(get, operation_id = "list_assistance", path = "/api/v1/persons/{id}/assistance", tag = "persons", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "person id")),
    responses((status = 200, body = Vec<AssistanceView>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
) -> Result<Json<Vec<AssistanceView>>, ApiError> {
    Ok(Json(assistance::list(&state.store, &actor, id).await?))
}
