//! Listing the persons in the actor's scope.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::view::PersonSummary;
use crate::access::scope::visible_persons;
use crate::access::{Action, Actor, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::person;
use crate::error::Result;
use crate::store::page::{Page, PageRequest};
use crate::store::{Store, agencies};

/// One page of the persons visible to the actor, newest first; audited with the ids shown.
#[tracing::instrument(skip_all, fields(user = %actor.user_id))]
pub async fn list(store: &Store, actor: &Actor, page: PageRequest) -> Result<Page<PersonSummary>> {
    require(actor, Action::ReadPersons)?;
    let conn = &store.db.reader;
    let mut query = person::Entity::find().filter(visible_persons(actor));
    if let Some(after) = page.after {
        query = query.filter(person::Column::Id.lt(after));
    }
    let rows = query
        .order_by_desc(person::Column::Id)
        .limit(page.limit + 1)
        .all(conn)
        .await?;
    let rows = Page::from_fetched(rows, page.limit, |p| p.id);
    let codes = agencies::codes(conn, rows.items.iter().map(|p| p.registering_agency_id)).await?;
    let ids: Vec<uuid::Uuid> = rows.items.iter().map(|p| p.id).collect();
    let event = AuditEvent::new("person.list", "person", None)
        .with("count", Detail::Count(ids.len() as i64))
        .with("persons", Detail::Ids(ids));
    store.audit.record(actor.audit(), vec![event]).await?;
    let items = rows
        .items
        .into_iter()
        .map(|p| {
            let code = codes
                .get(&p.registering_agency_id)
                .cloned()
                .unwrap_or_default();
            PersonSummary::build(p, code)
        })
        .collect();
    Ok(Page {
        items,
        next_cursor: rows.next_cursor,
    })
}
