//! `GET /api/v1/audit`.

use axum::extract::State;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use uuid::Uuid;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::{Json, Query};
use crate::api::state::AppState;
use crate::audit::{self, AuditEvent, AuditFilter, AuditPage, Detail};
use crate::store::page::{DEFAULT_LIMIT, MAX_LIMIT};

/// Filters and page.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Only this user's events.
    pub user_id: Option<Uuid>,
    /// Only events on this kind of object (`case`, `person`…).
    pub object_type: Option<String>,
    /// Only events on this object.
    pub object_id: Option<String>,
    /// Only this action (`person.read`…).
    pub action: Option<String>,
    /// From this time (RFC 3339).
    pub from: Option<DateTime<Utc>>,
    /// Before this time (RFC 3339).
    pub to: Option<DateTime<Utc>>,
    /// The `next_before` of the previous page.
    pub before: Option<i64>,
    /// Page size, 1–200 (default 50).
    pub limit: Option<u64>,
}

/// Lists audit events, newest first (auditors). Reading the log is itself audited.
#[utoipa::path(get, operation_id = "list_audit_events", path = "/api/v1/audit", tag = "audit", security(("bearer" = [])), params(AuditQuery),
    responses((status = 200, body = AuditPage), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn list(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    require(&actor, Action::ReadAudit)?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(crate::error::Error::from(korgon_domain::FieldError::new(
            "limit",
            format!("must be between 1 and {MAX_LIMIT}"),
        ))
        .into());
    }
    let filter = AuditFilter {
        user_id: query.user_id,
        object_type: query.object_type,
        object_id: query.object_id,
        action: query.action,
        from: query.from,
        to: query.to,
        before: query.before,
        limit,
    };
    let page = audit::list(&state.store.db.reader, &filter).await?;
    let event = AuditEvent::new("audit.read", "audit", None)
        .with("count", Detail::Count(page.items.len() as i64));
    state.store.audit.record(actor.audit(), vec![event]).await?;
    Ok(Json(page))
}
