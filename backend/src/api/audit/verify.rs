//! `GET /api/v1/audit/verify`.

use axum::extract::State;

use crate::access::{Action, Actor, require};
use crate::api::error::{ApiError, ErrorBody};
use crate::api::extract::Json;
use crate::api::state::AppState;
use crate::audit::{self, AuditEvent, Detail, Verification};

/// Walks the hash chain and reports the first broken link (auditors).
#[utoipa::path(get, operation_id = "verify_audit_log", path = "/api/v1/audit/verify", tag = "audit", security(("bearer" = [])),
    responses((status = 200, body = Verification), (status = 403, body = ErrorBody)))]
#[tracing::instrument(skip_all)]
pub async fn verify(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Json<Verification>, ApiError> {
    require(&actor, Action::ReadAudit)?;
    let result = audit::verify(&state.store.db.reader).await?;
    let event = AuditEvent::new("audit.verify", "audit", None)
        .with("intact", Detail::Flag(result.is_intact()));
    state.store.audit.record(actor.audit(), vec![event]).await?;
    Ok(Json(result))
}
