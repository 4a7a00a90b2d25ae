//! Person records: validated exactly as `POST /api/v1/persons` validates them, then stored as
//! `store::persons::new_row` builds them, registered by the agency's clerk on the day the
//! generator says.

use anyhow::Context as _;
use korgon_synth::Records;
use sea_orm::ActiveValue::Set;
use sea_orm::DatabaseTransaction;

use super::batch::BatchIds;
use super::context::SeedContext;
use super::{SeedCounts, bulk, ids};
use crate::store::persons::new_row;
use crate::store::referrals::Subject;

/// Stores the batch's persons.
pub(crate) async fn persist(
    txn: &DatabaseTransaction,
    ctx: &SeedContext,
    batch: &Records,
    ids: &mut BatchIds,
    counts: &mut SeedCounts,
) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(batch.persons.len());
    for p in &batch.persons {
        let agency = ctx.agency(&p.agency)?;
        let clerk = ctx.clerk(&p.agency)?;
        let (person, _warnings) = p
            .input
            .clone()
            .validate(&ctx.profile, ctx.today)
            .with_context(|| format!("person record #{}", p.index))?;
        let at = ids::time_of(p.id);
        let subject = Subject {
            sex: person.sex.as_str().to_owned(),
            date_of_birth: person.date_of_birth,
            citizenship: person.citizenship.as_ref().map(|c| c.as_str().to_owned()),
        };
        ids.subjects
            .insert(p.index, (subject, p.home_region.clone()));
        let mut row = new_row(person, p.id, agency.id, clerk);
        row.created_at = Set(at);
        row.updated_at = Set(at);
        rows.push(row);
        ids.persons.insert(p.index, (p.id, p.agency.clone()));
    }
    counts.persons += rows.len() as u64;
    bulk::insert(txn, rows).await?;
    Ok(())
}
