//! Assistance records: each validated as `POST /api/v1/persons/{id}/assistance` validates it
//! and stored as `store::assistance::row` builds it, by a provider that reaches the person
//! (its own record, or one referred to it with an identity and accepted), entered by the
//! provider's clerk once the dates are known.

use anyhow::Context as _;
use korgon_synth::Records;
use sea_orm::DatabaseTransaction;

use super::batch::BatchIds;
use super::context::SeedContext;
use super::{SeedCounts, bulk, ids};
use crate::store::assistance::{Provided, row};

/// Stores the batch's assistance records.
pub(crate) async fn persist(
    txn: &DatabaseTransaction,
    ctx: &SeedContext,
    batch: &Records,
    ids: &mut BatchIds,
    counts: &mut SeedCounts,
) -> anyhow::Result<()> {
    let mut rows = Vec::with_capacity(batch.assistance.len());
    for a in &batch.assistance {
        let context = || format!("assistance record #{}", a.index);
        let (person_id, _) = ids.person(a.person)?;
        let Some(reached) = ids.reached_at(a.person, &a.provider_agency)? else {
            anyhow::bail!(
                "{}: {} neither registered the person nor accepted a referral carrying their identity",
                context(),
                a.provider_agency
            );
        };
        // Recorded at the time its id carries or, on the same day, just after the provider
        // came to reach the person; validated as on that day.
        let at = ids::time_of(a.id).max(ids::plus_millis(reached, 1));
        let input = a.input().validate(at.date_naive()).with_context(context)?;
        let provided = Provided {
            id: a.id,
            person_id,
            provider_agency_id: ctx.agency(&a.provider_agency)?.id,
            recorded_by: ctx.clerk(&a.provider_agency)?,
            at,
        };
        rows.push(row(&input, provided));
    }
    counts.assistance += rows.len() as u64;
    bulk::insert(txn, rows).await?;
    Ok(())
}
