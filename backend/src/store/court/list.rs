//! Reading the court proceedings of a case (audited, like every read of case content).

use std::collections::HashMap;

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::view::CourtProceedingView;
use crate::access::{Action, Actor, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::{court_defendant, court_proceeding};
use crate::error::Result;
use crate::store::cases::{load_visible, nameable_parties};
use crate::store::{Store, agencies};

/// The decisions on a case in the actor's scope, oldest first.
#[tracing::instrument(skip_all, fields(user = %actor.user_id, case = %case_id))]
pub async fn list(store: &Store, actor: &Actor, case_id: Uuid) -> Result<Vec<CourtProceedingView>> {
    require(actor, Action::ReadCourtProceedings)?;
    let conn = &store.db.reader;
    load_visible(conn, actor, case_id).await?;
    let proceedings = court_proceeding::Entity::find()
        .filter(court_proceeding::Column::CaseId.eq(case_id))
        .order_by_asc(court_proceeding::Column::DecisionDate)
        .order_by_asc(court_proceeding::Column::Id)
        .all(conn)
        .await?;
    let defendants = if proceedings.is_empty() {
        Vec::new()
    } else {
        court_defendant::Entity::find()
            .filter(
                court_defendant::Column::ProceedingId
                    .is_in(proceedings.iter().map(|p| p.id).collect::<Vec<_>>()),
            )
            .order_by_asc(court_defendant::Column::Id)
            .all(conn)
            .await?
    };
    let mut person_ids: Vec<Uuid> = defendants.iter().map(|d| d.person_id).collect();
    person_ids.sort();
    person_ids.dedup();
    let names = if person_ids.is_empty() {
        HashMap::new()
    } else {
        nameable_parties(conn, actor, case_id).await?
    };
    let codes = agencies::codes(
        conn,
        proceedings
            .iter()
            .flat_map(|p| [p.court_agency_id, p.recorded_by_agency_id]),
    )
    .await?;
    let event = AuditEvent::new("court.list", "case", Some(case_id))
        .with(
            "proceedings",
            Detail::Ids(proceedings.iter().map(|p| p.id).collect()),
        )
        .with("persons", Detail::Ids(person_ids));
    store.audit.record(actor.audit(), vec![event]).await?;
    let mut by_proceeding: HashMap<Uuid, Vec<_>> = HashMap::new();
    for d in defendants {
        by_proceeding.entry(d.proceeding_id).or_default().push(d);
    }
    Ok(proceedings
        .into_iter()
        .map(|p| {
            let defendants = by_proceeding.remove(&p.id).unwrap_or_default();
            CourtProceedingView::build(p, defendants, &names, &codes)
        })
        .collect())
}
