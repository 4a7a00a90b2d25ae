//! `GET /api/v1/persons`.

use axum::extract::State;
use serde::Deserialize;

use crate::access::Actor;
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Query};
use crate::api::state::AppState;
use crate::store::page::{Page, PageRequest};
use crate::store::persons::{self, PersonSummary};

/// Page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PersonListQuery {
    /// Page size, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// Lists the persons in the caller's scope, newest first (no protected fields).
#[utoipa::path(get, operation_id = "list_persons", path = "/api/v1/persons", tag = "persons", security(("bearer" = [])), params(PersonListQuery),
    responses((status = 200, body = Page<PersonSummary>), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<PersonListQuery>,
) -> Result<Json<Page<PersonSummary>>, ApiError> {
    let page = PageRequest::parse(query.limit, query.cursor.as_deref())?;
    Ok(Json(persons::list(&state.store, &actor, page).await?))
}
