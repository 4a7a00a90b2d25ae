//! `POST /api/v1/referrals/{id}/decline`.

use axum::extract::State;
use korgon_domain::DeclineInput;
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, OptionalJson, Path};
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::referrals::{self, ReferralView};

/// Declines a submitted referral with a `reason` (receiving agency); nothing is granted.
#[utoipa::path(post, operation_id = "decline_referral", path = "/api/v1/referrals/{id}/decline", tag = "referrals", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "referral id")), request_body = DeclineInput,
    responses(
        (status = 200, body = ReferralView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "not submitted, or your agency sent it (the message names the current status), or a stale version", body = ErrorBody),
        (status = 422, description = "no reason", body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn decline(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    OptionalJson(input): OptionalJson<DeclineInput>,
) -> Result<Json<ReferralView>, ApiError> {
    require(&actor, Action::AnswerReferral)?;
    let (version, reason) = input.validate().map_err(Error::from)?;
    Ok(Json(
        referrals::decline(
            &state.store,
            &actor,
            id,
            version,
            reason,
            state.settings.referral_overdue_days,
        )
        .await?,
    ))
}
