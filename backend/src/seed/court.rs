//! Court proceedings: each built as the `POST /api/v1/cases/{id}/court-proceedings` body it
//! would have been and validated as that route validates it (court agency of kind `court`,
//! defendants among the case's suspects), recorded by the prosecutor's office holding the
//! case's grant.

use anyhow::Context as _;
use korgon_domain::{AgencyKind, CourtProceedingInput, DefendantInput, SentenceInput};
use korgon_synth::Records;
use sea_orm::DatabaseTransaction;

use super::batch::BatchIds;
use super::context::SeedContext;
use super::{SeedCounts, bulk, ids};
use crate::store::court::{Recorded, rows};

/// Stores the batch's court proceedings and their defendants.
pub(crate) async fn persist(
    txn: &DatabaseTransaction,
    ctx: &SeedContext,
    batch: &Records,
    ids: &mut BatchIds,
    counts: &mut SeedCounts,
) -> anyhow::Result<()> {
    let mut proceedings = Vec::with_capacity(batch.court.len());
    let mut defendants = Vec::new();
    for p in &batch.court {
        let context = || format!("court proceeding #{}", p.index);
        let case = ids.case(p.case)?.clone();
        let prosecutor = case
            .prosecutor
            .as_deref()
            .with_context(|| format!("{}: the case never went to a prosecutor", context()))?;
        let court = ctx.agency(&p.court_agency)?;
        if court.kind != AgencyKind::Court {
            anyhow::bail!("{}: {} is not a court", context(), p.court_agency);
        }
        let mut input_defendants = Vec::with_capacity(p.defendants.len());
        for d in &p.defendants {
            if !ids.suspects.contains(&(p.case, d.person)) {
                anyhow::bail!("{}: person #{} is not a suspect", context(), d.person);
            }
            input_defendants.push(DefendantInput {
                person_id: ids.person(d.person)?.0,
                articles: d.articles.clone(),
                verdict: d.verdict.parse().map_err(anyhow::Error::msg)?,
                sentence: match &d.sentence {
                    Some(s) => Some(SentenceInput {
                        kind: s.kind.parse().map_err(anyhow::Error::msg)?,
                        months: s.months,
                        suspended: s.suspended,
                    }),
                    None => None,
                },
            });
        }
        let input = CourtProceedingInput {
            court_agency: p.court_agency.clone(),
            court_case_number: p.court_case_number.clone(),
            instance: p.instance.parse().map_err(anyhow::Error::msg)?,
            decision_date: p.decision_on.format("%Y-%m-%d").to_string(),
            defendants: input_defendants,
        }
        .validate(&ctx.profile, ctx.today)
        .with_context(context)?;
        let at = ids::time_of(p.id);
        let recorded = Recorded {
            id: p.id,
            case_id: case.id,
            court_agency_id: court.id,
            recorded_by: ctx.clerk(prosecutor)?,
            recorded_by_agency_id: ctx.agency(prosecutor)?.id,
            at,
        };
        let built = rows(&input, recorded, |i| {
            ids::derived(
                ids::plus_millis(at, i + 1),
                &[b"defendant", p.id.as_bytes(), &(i as u64).to_le_bytes()],
            )
        });
        proceedings.push(built.proceeding);
        defendants.extend(built.defendants);
    }
    counts.court_proceedings += proceedings.len() as u64;
    counts.court_defendants += defendants.len() as u64;
    bulk::insert(txn, proceedings).await?;
    bulk::insert(txn, defendants).await?;
    Ok(())
}
