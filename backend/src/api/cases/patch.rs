//! `PATCH /api/v1/cases/{id}`.

use axum::extract::State;
use korgon_domain::{CasePatchInput, dates};
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::cases::{self, CaseView};

/// Changes a case. Carries the `version` last read (a stale one gets 409); changing articles,
/// forms of exploitation or status needs a `reason`, kept in the history.
#[utoipa::path(patch, operation_id = "update_case", path = "/api/v1/cases/{id}", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")), request_body = CasePatchInput,
    responses(
        (status = 200, body = CaseView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "stale version or illegal status change", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn patch(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<CasePatchInput>,
) -> Result<Json<CaseView>, ApiError> {
    crate::access::require(&actor, crate::access::Action::EditCase)?;
    let patch = input
        .validate(&state.store.profile, dates::today())
        .map_err(crate::error::Error::from)?;
    Ok(Json(cases::update(&state.store, &actor, id, patch).await?))
}
