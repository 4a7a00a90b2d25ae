//! Refused reads are audited too: an official asking for records outside their scope (or
//! their role) is exactly what the log exists to reveal. The refusal itself stands even if
//! its event cannot be stored.

use uuid::Uuid;

use super::event::{AuditContext, AuditEvent, Detail};
use super::sink::AuditSink;
use crate::error::Error;

/// Passes `result` through; when it is a 404 or 403, first records `action` on the object
/// with the reason (`not_found` or `forbidden`).
pub async fn on_refusal<T>(
    sink: &AuditSink,
    ctx: AuditContext,
    action: &'static str,
    object_type: &'static str,
    object_id: Uuid,
    result: Result<T, Error>,
) -> Result<T, Error> {
    let reason = match &result {
        Err(Error::NotFound(_)) => "not_found",
        Err(Error::Forbidden(_)) => "forbidden",
        _ => return result,
    };
    let event =
        AuditEvent::new(action, object_type, Some(object_id)).with("refused", Detail::Code(reason));
    if let Err(error) = sink.record(ctx, vec![event]).await {
        tracing::warn!(%error, action, "could not audit a refused read");
    }
    result
}
