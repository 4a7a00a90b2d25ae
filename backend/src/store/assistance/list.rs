//! The assistance a person received, for those who can see the person; audited.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::record::reach;
use super::view::AssistanceView;
use crate::access::{Action, Actor, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::assistance_record;
use crate::error::Result;
use crate::store::{Store, agencies};

/// Every assistance record of person `person_id`, latest start first.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, person = %person_id))]
pub async fn list(store: &Store, actor: &Actor, person_id: Uuid) -> Result<Vec<AssistanceView>> {
    require(actor, Action::ReadAssistance)?;
    let conn = &store.db.reader;
    let access = reach(conn, actor, person_id).await?;
    let rows = assistance_record::Entity::find()
        .filter(assistance_record::Column::PersonId.eq(person_id))
        .order_by_desc(assistance_record::Column::StartedOn)
        .order_by_desc(assistance_record::Column::Id)
        .all(conn)
        .await?;
    let codes = agencies::codes(conn, rows.iter().map(|r| r.provider_agency_id)).await?;
    let event = AuditEvent::new("assistance.list", "person", Some(person_id))
        .with("count", Detail::Count(rows.len() as i64))
        .with("notes_shown", Detail::Flag(access.sees_protected()));
    store.audit.record(actor.audit(), vec![event]).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let sees_notes = r.provider_agency_id == actor.agency_id || access.sees_protected();
            let provider = codes
                .get(&r.provider_agency_id)
                .cloned()
                .unwrap_or_default();
            AssistanceView::build(r, provider, sees_notes)
        })
        .collect())
}
