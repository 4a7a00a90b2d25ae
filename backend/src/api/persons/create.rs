//! `POST /api/v1/persons`.

use axum::extract::State;
use axum::http::StatusCode;
use korgon_domain::{PersonInput, dates};

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::persons::{self, PersonView};

/// Registers a person for the caller's agency. A PIN whose digits disagree with sex or birth
/// date is stored, with a warning in the response.
#[utoipa::path(post, operation_id = "create_person", path = "/api/v1/persons", tag = "persons", security(("bearer" = [])), request_body = PersonInput,
    responses((status = 201, body = PersonView), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Json(input): Json<PersonInput>,
) -> Result<(StatusCode, Json<PersonView>), ApiError> {
    require(&actor, Action::CreatePerson)?;
    let (person, warnings) = input
        .validate(&state.store.profile, dates::today())
        .map_err(Error::from)?;
    Ok((
        StatusCode::CREATED,
        Json(persons::create(&state.store, &actor, person, warnings).await?),
    ))
}
