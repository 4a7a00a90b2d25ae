//! Case parties: each role's details validated as `POST /api/v1/cases/{id}/parties` does;
//! the person must be one the case's agency registered (the API requires the person to be
//! visible to whoever adds them).

use anyhow::Context as _;
use korgon_domain::PartyRole;
use korgon_synth::Records;
use sea_orm::ActiveValue::Set;
use sea_orm::DatabaseTransaction;

use super::batch::BatchIds;
use super::context::SeedContext;
use super::{SeedCounts, bulk, ids};
use crate::entity::case_party;
use crate::entity::json::Details;

/// Stores the parties of the batch's cases.
pub(crate) async fn persist(
    txn: &DatabaseTransaction,
    ctx: &SeedContext,
    batch: &Records,
    ids: &mut BatchIds,
    counts: &mut SeedCounts,
) -> anyhow::Result<()> {
    let mut rows = Vec::new();
    for c in &batch.cases {
        let case = ids.case(c.index)?.clone();
        let owner = ctx.agency(&case.owner)?;
        let clerk = ctx.clerk(&case.owner)?;
        for (n, party) in c.parties.iter().enumerate() {
            let details = party
                .details
                .clone()
                .validate(party.role)
                .with_context(|| format!("case #{} party {n}", c.index))?;
            let (person_id, registrar) = ids.person(party.person)?;
            if registrar != case.owner {
                anyhow::bail!(
                    "case #{} party {n}: person #{} is not registered by the case's agency",
                    c.index,
                    party.person
                );
            }
            if party.role == PartyRole::Suspect {
                ids.suspects.insert((c.index, party.person));
            }
            let at = ids::plus_millis(case.created_at, n + 1);
            rows.push(case_party::ActiveModel {
                id: Set(ids::derived(
                    at,
                    &[b"party", case.id.as_bytes(), &(n as u64).to_le_bytes()],
                )),
                case_id: Set(case.id),
                person_id: Set(person_id),
                role: Set(party.role.as_str().to_owned()),
                details: Set(Details(details)),
                added_by: Set(clerk),
                added_by_agency_id: Set(owner.id),
                version: Set(1),
                created_at: Set(at),
                updated_at: Set(at),
            });
        }
    }
    counts.parties += rows.len() as u64;
    bulk::insert(txn, rows).await?;
    Ok(())
}
