//! `GET /api/v1/cases`.

use axum::extract::State;
use korgon_domain::CaseStatus;
use serde::Deserialize;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Query};
use crate::api::state::AppState;
use crate::store::cases::{self, CaseFilter, CaseSummary};
use crate::store::page::{Page, PageRequest};

/// Filters and page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct CaseListQuery {
    /// Only cases in this status.
    pub status: Option<CaseStatus>,
    /// Only cases in this region (`KG-C`).
    pub region: Option<String>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Lists the cases in the caller's scope, newest first.
#[utoipa::path(get, operation_id = "list_cases", path = "/api/v1/cases", tag = "cases", security(("bearer" = [])), params(CaseListQuery),
    responses((status = 200, body = Page<CaseSummary>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<CaseListQuery>,
) -> Result<Json<Page<CaseSummary>>, ApiError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    let region = match query.region.as_deref() {
        Some(r) => Some(
            state
                .store
                .profile
                .parse_region("region", r)
                .map_err(crate::error::Error::from)?,
        ),
        None => None,
    };
    let filter = CaseFilter {
        status: query.status,
        region,
    };
    Ok(Json(
        cases::list(&state.store, &actor, &filter, page).await?,
    ))
}
