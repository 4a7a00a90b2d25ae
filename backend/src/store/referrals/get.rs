//! Reading one referral; every read is audited (with the person, when the view shows one).

use uuid::Uuid;

use super::load::{load_visible, view};
use super::view::ReferralView;
use crate::access::{Action, Actor, require};
use crate::audit::{AuditEvent, Detail};
use crate::error::Result;
use crate::store::{Store, now};

/// Reads a referral the actor's agency sent or received.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, referral = %id))]
pub async fn get(
    store: &Store,
    actor: &Actor,
    id: Uuid,
    overdue_days: u32,
) -> Result<ReferralView> {
    require(actor, Action::ReadReferrals)?;
    let conn = &store.db.reader;
    let (model, direction) = load_visible(conn, actor, id).await?;
    let view = view(conn, model, direction, now(), overdue_days).await?;
    let mut event = AuditEvent::new("referral.read", "referral", Some(id))
        .with("direction", Detail::Code(direction.as_str()));
    if let Some(person) = view.person_id {
        event = event.with("person", Detail::Id(person));
    }
    store.audit.record(actor.audit(), vec![event]).await?;
    Ok(view)
}
