//! `GET /api/v1/referrals`.

use axum::extract::State;
use korgon_domain::ReferralStatus;
use serde::Deserialize;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Query};
use crate::api::state::AppState;
use crate::store::page::PageRequest;
use crate::store::referrals::{self, Direction, ReferralFilter, ReferralInbox};

/// Direction, filters and page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct ReferralListQuery {
    /// `incoming` (received by your agency) or `outgoing` (sent); both when absent.
    #[param(inline)]
    pub direction: Option<Direction>,
    /// Only referrals in this status.
    #[param(inline)]
    pub status: Option<ReferralStatus>,
    /// `true`: only overdue referrals; `false`: only the others.
    pub overdue: Option<bool>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The referrals your agency received or sent, newest first, with counts per status and of
/// the overdue ones (submitted and unanswered for more than `referral_overdue_days`).
#[utoipa::path(get, operation_id = "list_referrals", path = "/api/v1/referrals", tag = "referrals", security(("bearer" = [])), params(ReferralListQuery),
    responses((status = 200, body = ReferralInbox), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<ReferralListQuery>,
) -> Result<Json<ReferralInbox>, ApiError> {
    require(&actor, Action::ReadReferrals)?;
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let filter = ReferralFilter {
        direction: query.direction,
        status: query.status,
        overdue: query.overdue,
    };
    Ok(Json(
        referrals::list(
            &state.store,
            &actor,
            &filter,
            page,
            state.settings.referral_overdue_days,
        )
        .await?,
    ))
}
