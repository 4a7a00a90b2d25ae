//! Referrals: each built as the `POST /api/v1/referrals` body it would have been and validated
//! as that route validates it (consent and its scope, a guardian for a minor, the receiving
//! agency's kind, the sender's own record and case), stored as `store::referrals::row` builds
//! a submission, then taken through its status history by the two agencies' clerks. An
//! accepted referral grants what `store::referrals::grant_rows` grants on acceptance.

use anyhow::Context as _;
use korgon_domain::ReferralStatus;
use korgon_synth::Records;
use sea_orm::ActiveValue::{self, Set};
use sea_orm::{ActiveModelTrait, DatabaseTransaction, IntoActiveModel, Iterable};

use super::batch::BatchIds;
use super::context::SeedContext;
use super::{SeedCounts, bulk, ids};
use crate::entity::referral;
use crate::store::referrals::{Submitted, grant_rows, row, status_change, takes_referrals};

/// Stores the batch's referrals and the grants of those accepted.
pub(crate) async fn persist(
    txn: &DatabaseTransaction,
    ctx: &SeedContext,
    batch: &Records,
    ids: &mut BatchIds,
    counts: &mut SeedCounts,
) -> anyhow::Result<()> {
    let mut referrals = Vec::with_capacity(batch.referrals.len());
    let mut person_grants = Vec::new();
    let mut case_grants = Vec::new();
    for r in &batch.referrals {
        let context = || format!("referral #{}", r.index);
        let (person_id, registrar) = ids.person(r.person)?;
        if registrar != r.from_agency {
            anyhow::bail!("{}: the person is not the sender's own record", context());
        }
        let case = match r.case {
            Some(index) => {
                let case = ids.case(index)?;
                if case.owner != r.from_agency {
                    anyhow::bail!("{}: the sender does not own the attached case", context());
                }
                Some(case)
            }
            None => None,
        };
        // Submitted once the person (and the case) were on record, at the time its id carries
        // or, on the same day, just after them.
        let at = [
            Some(ids::time_of(r.id)),
            Some(ids::plus_millis(ids::time_of(person_id), 1)),
            case.map(|c| ids::plus_millis(c.created_at, 1)),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or_default();
        let (subject, home_region) = ids.subject(r.person)?;
        let input = r
            .input(person_id, case.map(|c| c.id), Some(home_region))
            .validate(&ctx.profile, at.date_naive())
            .with_context(context)?;
        input
            .consent
            .check_guardian(subject.date_of_birth.as_ref())
            .map_err(|e| anyhow::anyhow!("{}: {e}", context()))?;
        let from = ctx.agency(&r.from_agency)?;
        let to = ctx.agency(&r.to_agency)?;
        if from.id == to.id || !takes_referrals(to.kind.as_str()) {
            anyhow::bail!("{}: {} cannot receive it", context(), r.to_agency);
        }
        let sender = ctx.clerk(&r.from_agency)?;
        let receiver = ctx.clerk(&r.to_agency)?;
        let submitted = Submitted {
            id: r.id,
            from_agency_id: from.id,
            to_agency_id: to.id,
            case: case.map(|c| (c.id, c.region.as_str())),
            submitted_by: sender,
            at,
        };
        let model = row(&input, subject, submitted);
        // The submission decides the grants; the steps change only status columns.
        let mut stored = model.clone().into_active_model().reset_all();
        let mut current = ReferralStatus::Submitted;
        let mut accepted_at = None;
        let mut last = at;
        for (n, step) in r.timeline.iter().enumerate().skip(1) {
            let next: ReferralStatus = step
                .status
                .parse()
                .map_err(|e| anyhow::anyhow!("{}: {e}", context()))?;
            if !current.may_become(next) {
                anyhow::bail!("{}: {current} cannot become {next}", context());
            }
            if next == ReferralStatus::Declined && step.note.as_deref().is_none_or(str::is_empty) {
                anyhow::bail!("{}: a decline needs a reason", context());
            }
            // At the hour of the submission on the step's day, and after the step before.
            let when = ids::on_day(step.on, at).max(ids::plus_millis(last, 1));
            last = when;
            // The sender withdraws; the receiver answers and closes.
            let by = if next == ReferralStatus::Withdrawn {
                sender
            } else {
                receiver
            };
            apply(
                &mut stored,
                status_change(next, when, by, step.note.clone()),
            )?;
            stored.version = Set(model.version + n as i64);
            stored.updated_at = Set(when);
            if next == ReferralStatus::Accepted {
                accepted_at = Some(when);
            }
            current = next;
        }
        if let Some(when) = accepted_at {
            let mut k = 0u8;
            let (person, case_grant) =
                grant_rows(&model, case.map(|c| c.owner_id), receiver, when, || {
                    k += 1;
                    ids::derived(when, &[b"referral-grant", r.id.as_bytes(), &[k]])
                });
            if person.is_some() {
                ids.referred.insert((r.person, r.to_agency.clone()), when);
            }
            person_grants.extend(person);
            case_grants.extend(case_grant);
        }
        referrals.push(stored);
    }
    counts.referrals += referrals.len() as u64;
    counts.grants += (person_grants.len() + case_grants.len()) as u64;
    bulk::insert(txn, referrals).await?;
    bulk::insert(txn, person_grants).await?;
    bulk::insert(txn, case_grants).await?;
    Ok(())
}

/// Sets on `row` every column `change` sets.
fn apply(
    row: &mut referral::ActiveModel,
    change: referral::ActiveModel,
) -> Result<(), sea_orm::DbErr> {
    for column in referral::Column::iter() {
        if let ActiveValue::Set(value) = change.get(column) {
            row.try_set(column, value)?;
        }
    }
    Ok(())
}
