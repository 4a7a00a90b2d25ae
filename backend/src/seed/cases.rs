//! Cases: validated exactly as `POST /api/v1/cases` validates them, then brought to the status
//! their timeline reaches. Every step of the timeline after registration is a status change
//! kept in `classification_changes` with its reason and day, by whoever the API would have
//! let make it (the police unit; the prosecutor's office for the steps it takes). A case sent
//! to the prosecutor is shared in full with the prosecutor's office of its region on that day.
//! Reference counters continue after the highest reference stored.

use std::collections::BTreeMap;

use anyhow::Context as _;
use korgon_domain::{ArticleInput, CaseStatus, ClosureReason};
use korgon_synth::{CaseRecord, Records};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};
use serde_json::json;

use super::batch::{BatchIds, StoredCase};
use super::context::SeedContext;
use super::{SeedCounts, bulk, ids};
use crate::access::scope::GrantLevel;
use crate::entity::json::{ArticleList, StringList};
use crate::entity::{case, classification_change, reference_counter};
use crate::store::grants::NewGrant;

/// Whether the prosecutor's office takes the step `from` → `to` (bringing a case to court,
/// returning it for investigation, recording the court's outcome); else the police unit.
fn prosecutors_step(from: CaseStatus) -> bool {
    matches!(from, CaseStatus::SentToProsecutor | CaseStatus::InCourt)
}

fn status_value(status: CaseStatus, reason: Option<ClosureReason>) -> serde_json::Value {
    json!({"status": status.as_str(), "closure_reason": reason.map(|r| r.as_str())})
}

/// Checks the timeline against the lifecycle the API enforces.
fn check_timeline(c: &CaseRecord) -> anyhow::Result<()> {
    let first = c
        .timeline
        .first()
        .with_context(|| format!("case #{} has no timeline", c.index))?;
    if first.status != CaseStatus::Registered {
        anyhow::bail!("case #{}: the timeline does not start registered", c.index);
    }
    for pair in c.timeline.windows(2) {
        let (from, to) = (&pair[0], &pair[1]);
        let reason_ok = match to.closure_reason {
            Some(reason) => to.status == CaseStatus::Closed && reason.allowed_from(from.status),
            None => to.status != CaseStatus::Closed,
        };
        if !from.status.may_become(to.status) || !reason_ok || to.on < from.on {
            anyhow::bail!(
                "case #{}: the step {} → {} breaks the lifecycle",
                c.index,
                from.status.as_str(),
                to.status.as_str()
            );
        }
    }
    Ok(())
}

/// Stores the batch's cases with their status history and prosecutor grants.
pub(crate) async fn persist(
    txn: &DatabaseTransaction,
    ctx: &SeedContext,
    batch: &Records,
    ids: &mut BatchIds,
    counts: &mut SeedCounts,
) -> anyhow::Result<()> {
    let mut cases = Vec::with_capacity(batch.cases.len());
    let mut changes = Vec::new();
    let mut grants = Vec::new();
    let mut counters: BTreeMap<String, i64> = BTreeMap::new();
    for c in &batch.cases {
        let new = c
            .input
            .clone()
            .validate(&ctx.profile, ctx.today)
            .with_context(|| format!("case #{}", c.index))?;
        check_timeline(c)?;
        let reference = new
            .reference
            .clone()
            .with_context(|| format!("case #{} has no reference", c.index))?;
        let (prefix, number) = reference
            .as_str()
            .rsplit_once('-')
            .and_then(|(prefix, n)| Some((prefix.to_owned(), n.parse::<i64>().ok()?)))
            .with_context(|| format!("case #{}: malformed reference", c.index))?;
        let counter = counters.entry(prefix).or_default();
        *counter = (*counter).max(number);
        let owner = ctx.agency(&c.owner_agency)?;
        let investigator = ctx.clerk(&c.owner_agency)?;
        let created_at = ids::time_of(c.id);
        let sent = c
            .timeline
            .iter()
            .find(|s| s.status == CaseStatus::SentToProsecutor);
        let prosecutor = match sent {
            Some(step) => {
                let code = ctx.generator.prosecutor_for(new.region.as_str()).to_owned();
                let agency = ctx.agency(&code)?;
                let at = ids::on_day(step.on, created_at);
                let grant = NewGrant {
                    id: ids::derived(at, &[b"grant", c.id.as_bytes()]),
                    agency_id: agency.id,
                    level: GrantLevel::Full,
                    origin: "share",
                    origin_id: None,
                    granted_by: investigator,
                    at,
                };
                grants.push(grant.on_case(c.id));
                Some(code)
            }
            None => None,
        };
        let mut updated_at = created_at;
        for (n, pair) in c.timeline.windows(2).enumerate() {
            let (from, to) = (&pair[0], &pair[1]);
            let (by, agency_id) = match (&prosecutor, prosecutors_step(from.status)) {
                (Some(code), true) => (ctx.clerk(code)?, ctx.agency(code)?.id),
                _ => (investigator, owner.id),
            };
            let at = ids::plus_millis(ids::on_day(to.on, created_at), n);
            updated_at = at;
            changes.push(classification_change::ActiveModel {
                id: Set(ids::derived(
                    at,
                    &[b"status", c.id.as_bytes(), &(n as u64).to_le_bytes()],
                )),
                case_id: Set(c.id),
                field: Set("status".to_owned()),
                old_value: Set(status_value(from.status, from.closure_reason)),
                new_value: Set(status_value(to.status, to.closure_reason)),
                reason: Set(to.reason.clone()),
                changed_by: Set(by),
                agency_id: Set(agency_id),
                changed_at: Set(at),
            });
        }
        let last = c
            .timeline
            .last()
            .with_context(|| format!("case #{}", c.index))?;
        cases.push(case::ActiveModel {
            id: Set(c.id),
            reference: Set(reference.as_str().to_owned()),
            owner_agency_id: Set(owner.id),
            title: Set(new.title),
            summary: Set(new.summary),
            status: Set(last.status.as_str().to_owned()),
            closure_reason: Set(last.closure_reason.map(|r| r.as_str().to_owned())),
            region: Set(new.region.as_str().to_owned()),
            place: Set(new.place),
            exploitation_forms: Set(StringList(
                new.exploitation_forms
                    .iter()
                    .map(|f| f.as_str().to_owned())
                    .collect(),
            )),
            articles: Set(ArticleList(
                new.articles.iter().map(ArticleInput::from).collect(),
            )),
            incident_from: Set(new.incident_from),
            incident_to: Set(new.incident_to),
            transnational: Set(new.transnational),
            countries: Set(StringList(
                new.countries
                    .iter()
                    .map(|c| c.as_str().to_owned())
                    .collect(),
            )),
            opened_on: Set(new.opened_on),
            closed_on: Set((last.status == CaseStatus::Closed).then_some(last.on)),
            created_by: Set(investigator),
            version: Set(i64::try_from(c.timeline.len()).unwrap_or(1)),
            created_at: Set(created_at),
            updated_at: Set(updated_at),
        });
        ids.cases.insert(
            c.index,
            StoredCase {
                id: c.id,
                owner: c.owner_agency.clone(),
                prosecutor,
                created_at,
                region: new.region.as_str().to_owned(),
                owner_id: owner.id,
            },
        );
    }
    counts.cases += cases.len() as u64;
    counts.status_changes += changes.len() as u64;
    counts.grants += grants.len() as u64;
    bulk::insert(txn, cases).await?;
    bulk::insert(txn, changes).await?;
    bulk::insert(txn, grants).await?;
    continue_references(txn, counters).await
}

/// Raises each year's reference counter to the highest number stored, so that cases opened
/// through the API continue the numbering.
async fn continue_references(
    txn: &DatabaseTransaction,
    counters: BTreeMap<String, i64>,
) -> anyhow::Result<()> {
    if counters.is_empty() {
        return Ok(());
    }
    let stored: Vec<reference_counter::Model> = reference_counter::Entity::find()
        .filter(reference_counter::Column::Prefix.is_in(counters.keys().cloned()))
        .all(txn)
        .await?;
    let rows: Vec<reference_counter::ActiveModel> = counters
        .into_iter()
        .map(|(prefix, number)| {
            let kept = stored
                .iter()
                .find(|s| s.prefix == prefix)
                .map_or(0, |s| s.last_number);
            reference_counter::ActiveModel {
                prefix: Set(prefix),
                last_number: Set(number.max(kept)),
            }
        })
        .collect();
    reference_counter::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(reference_counter::Column::Prefix)
                .update_column(reference_counter::Column::LastNumber)
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
    Ok(())
}
