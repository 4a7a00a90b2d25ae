//! Assistance records: each validated as `POST /api/v1/persons/{id}/assistance` validates it
//! and stored as `store::assistance::row` builds it, by a provider that reaches the person
//! (its own record, or one referred to it and accepted), entered by the provider's clerk.

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
        let (person_id, registrar) = ids.person(a.person)?;
        if registrar != a.provider_agency
            && !ids
                .referred
                .contains(&(a.person, a.provider_agency.clone()))
        {
            anyhow::bail!(
                "{}: {} neither registered the person nor accepted a referral of them",
                context(),
                a.provider_agency
            );
        }
        let input = a.input().validate(ctx.today).with_context(context)?;
        let provided = Provided {
            id: a.id,
            person_id,
            provider_agency_id: ctx.agency(&a.provider_agency)?.id,
            recorded_by: ctx.clerk(&a.provider_agency)?,
            at: ids::time_of(a.id),
        };
        rows.push(row(&input, provided));
    }
    counts.assistance += rows.len() as u64;
    bulk::insert(txn, rows).await?;
    Ok(())
}
