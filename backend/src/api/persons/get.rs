//! `GET /api/v1/persons/{id}`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::persons::{self, PersonView};

/// Reads a person in the caller's scope; every read is audited. Protected fields appear only
/// for the registering agency and full grants.
#[utoipa::path(get, operation_id = "get_person", path = "/api/v1/persons/{id}", tag = "persons", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "person id")),
    responses((status = 200, body = PersonView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
) -> Result<Json<PersonView>, ApiError> {
    Ok(Json(persons::get(&state.store, &actor, id).await?))
}
