//! `POST /api/v1/cases/{id}/court-proceedings`.

use axum::extract::State;
use axum::http::StatusCode;
use korgon_domain::{CourtProceedingInput, dates};
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::court::{self, CourtProceedingView};

/// Records a court decision on a case: court, court case number, instance, date and, per
/// defendant (a suspect in the case), the articles, verdict and sentence. Prosecutors of an
/// agency owning the case or holding a full grant on it.
#[utoipa::path(post, operation_id = "record_court_proceeding", path = "/api/v1/cases/{id}/court-proceedings", tag = "cases", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "case id")), request_body = CourtProceedingInput,
    responses(
        (status = 201, body = CourtProceedingView), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "number taken by the court, or the case was never in court", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<CourtProceedingInput>,
) -> Result<(StatusCode, Json<CourtProceedingView>), ApiError> {
    require(&actor, Action::RecordCourtOutcome)?;
    let input = input
        .validate(&state.store.profile, dates::today())
        .map_err(Error::from)?;
    Ok((
        StatusCode::CREATED,
        Json(court::record(&state.store, &actor, id, input).await?),
    ))
}
