//! `POST /api/v1/referrals`.

use axum::extract::State;
use axum::http::StatusCode;
use korgon_domain::{ReferralInput, dates};

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::error::Error;
use crate::store::referrals::{self, ReferralView};

/// Submits a referral of a victim your agency can see to another agency, with the consent
/// record. `consent.given_by: none` makes it anonymous: no identity travels.
#[utoipa::path(post, operation_id = "create_referral", path = "/api/v1/referrals", tag = "referrals", security(("bearer" = [])), request_body = ReferralInput,
    responses(
        (status = 201, body = ReferralView), (status = 400, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "a referral of this person to this agency awaits an answer", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
#[tracing::instrument(skip_all)]
pub async fn create(
    State(state): State<AppState>,
    actor: Actor,
    Json(input): Json<ReferralInput>,
) -> Result<(StatusCode, Json<ReferralView>), ApiError> {
    require(&actor, Action::SubmitReferral)?;
    let input = input
        .validate(&state.store.profile, dates::today())
        .map_err(Error::from)?;
    Ok((
        StatusCode::CREATED,
        Json(
            referrals::submit(
                &state.store,
                &actor,
                input,
                state.settings.referral_overdue_days,
            )
            .await?,
        ),
    ))
}
