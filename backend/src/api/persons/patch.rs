//! `PATCH /api/v1/persons/{id}`.

use axum::extract::State;
use korgon_domain::{PersonPatchInput, dates};
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::persons::{self, PersonView};

/// Changes a person (registering agency or full grant); carries the `version` last read.
#[utoipa::path(patch, operation_id = "update_person", path = "/api/v1/persons/{id}", tag = "persons", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "person id")), request_body = PersonPatchInput,
    responses((status = 200, body = PersonView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn patch(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<PersonPatchInput>,
) -> Result<Json<PersonView>, ApiError> {
    require(&actor, Action::EditPerson)?;
    let patch = input
        .validate(&state.store.profile, dates::today())
        .map_err(Error::from)?;
    Ok(Json(
        persons::update(&state.store, &actor, id, patch).await?,
    ))
}
