//! `GET /api/v1/referrals/{id}`.

use axum::extract::State;
use uuid::Uuid;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Path};
use crate::api::state::AppState;
use crate::store::referrals::{self, ReferralView};

/// Reads a referral your agency sent or received (audited). The receiver sees who it is about
/// only after accepting a referral that is not anonymous.
#[utoipa::path(get, operation_id = "get_referral", path = "/api/v1/referrals/{id}", tag = "referrals", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "referral id")),
    responses((status = 200, body = ReferralView), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn get(
    State(state): State<AppState>,
    actor: Actor,
    Path(id): Path<Uuid>,
) -> Result<Json<ReferralView>, ApiError> {
    Ok(Json(
        referrals::get(
            &state.store,
            &actor,
            id,
            state.settings.referral_overdue_days,
        )
        .await?,
    ))
}
