//! `POST /api/v1/referrals/{id}/close`.

use axum::extract::State;
use korgon_domain::ReferralStepInput;
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, OptionalJson, Path};
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::referrals::{self, ReferralView};

/// Closes an accepted referral (receiving agency); the access it granted stays until the sender revokes it.
#[utoipa::path(post, operation_id = "close_referral", path = "/api/v1/referrals/{id}/close", tag = "referrals", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "referral id")), request_body(content = Option<ReferralStepInput>, description = "optional: `version` last read and a note"),
    responses(
        (status = 200, body = ReferralView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "not accepted, or your agency sent it (the message names the current status), or a stale version", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn close(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
    OptionalJson(input): OptionalJson<ReferralStepInput>,
) -> Result<Json<ReferralView>, ApiError> {
    require(&actor, Action::AnswerReferral)?;
    let (version, note) = input.validate().map_err(Error::from)?;
    Ok(Json(
        referrals::close(
            &state.store,
            &actor,
            id,
            version,
            note,
            state.settings.referral_overdue_days,
        )
        .await?,
    ))
}
