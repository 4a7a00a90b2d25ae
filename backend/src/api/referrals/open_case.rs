//! `POST /api/v1/referrals/{id}/open-case`.

use axum::extract::State;
use axum::http::StatusCode;
use korgon_domain::{CaseInput, dates};
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::cases::CaseView;
use crate::store::referrals;

/// Opens a case of your agency from a referral it accepted (investigators), in one step: the
/// body holds the case's fields; the victim is linked as a `victim` party and the referral
/// records the case (`opened_case_id`).
#[utoipa::path(post, operation_id = "open_case_from_referral", path = "/api/v1/referrals/{id}/open-case", tag = "referrals", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "referral id")), request_body = CaseInput,
    responses(
        (status = 201, body = CaseView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "not accepted, anonymous, revoked, a case already opened, or your agency sent it", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn open_case(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    Json(input): Json<CaseInput>,
) -> Result<(StatusCode, Json<CaseView>), ApiError> {
    require(&actor, Action::AnswerReferral)?;
    require(&actor, Action::CreateCase)?;
    let input = input
        .validate(&state.store.profile, dates::today())
        .map_err(Error::from)?;
    Ok((
        StatusCode::CREATED,
        Json(referrals::open_case(&state.store, &actor, id, None, input).await?),
    ))
}
