//! Court decisions for the cases whose timeline reached `in_court`: one first-instance
//! decision per court stage (conviction, acquittal, dismissal, or return to the prosecutor),
//! then sometimes an appeal and a cassation to the Supreme Court.

use chrono::NaiveDate;
use korgon_domain::ExploitationForm::{self, *};
use korgon_domain::{ArticleInput, CaseStatus, ClosureReason};

use super::dates::add_days;
use crate::model::{
    CourtProceeding, Defendant, Sentence, StatusChange, instances, sentence_kinds, verdicts,
};
use crate::rng::{SynthRng, between, chance, weighted};
use crate::roster::{CourtLevel, Roster};

/// What a case's court proceedings depend on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CourtPlan<'a> {
    /// Index of the case.
    pub case: u64,
    /// Region of the case.
    pub region: &'a str,
    /// The articles charged.
    pub articles: &'a [ArticleInput],
    /// Person indices of the suspects.
    pub suspects: &'a [u64],
    /// The main form of exploitation.
    pub form: ExploitationForm,
}

fn sentence(rng: &mut SynthRng, form: ExploitationForm) -> Sentence {
    let marriage = matches!(form, ForcedMarriage | ChildMarriage);
    let kind = if marriage {
        weighted(
            rng,
            &[
                (sentence_kinds::IMPRISONMENT, 60),
                (sentence_kinds::FINE, 25),
                (sentence_kinds::PROBATION, 15),
            ],
        )
    } else {
        weighted(
            rng,
            &[
                (sentence_kinds::IMPRISONMENT, 90),
                (sentence_kinds::PROBATION, 10),
            ],
        )
    };
    let months = match kind {
        sentence_kinds::FINE => None,
        sentence_kinds::PROBATION => Some(between(rng, 12, 60)),
        _ if marriage => Some(between(rng, 36, 84)),
        _ => Some(between(rng, 60, 150)),
    };
    let suspended =
        kind == sentence_kinds::IMPRISONMENT && chance(rng, if marriage { 0.35 } else { 0.1 });
    Sentence {
        kind,
        months: months.and_then(|m| u16::try_from(m).ok()),
        suspended,
    }
}

fn defendants(rng: &mut SynthRng, plan: &CourtPlan<'_>, verdict: &'static str) -> Vec<Defendant> {
    plan.suspects
        .iter()
        .enumerate()
        .map(|(i, person)| {
            // With several defendants, a co-defendant is sometimes acquitted.
            let verdict = if verdict == verdicts::CONVICTED && i > 0 && chance(rng, 0.1) {
                verdicts::ACQUITTED
            } else {
                verdict
            };
            let sentence = (verdict == verdicts::CONVICTED).then(|| sentence(rng, plan.form));
            Defendant {
                person: *person,
                articles: plan.articles.to_vec(),
                verdict,
                sentence,
            }
        })
        .collect()
}

fn proceeding(
    plan: &CourtPlan<'_>,
    court: &str,
    instance: &'static str,
    on: NaiveDate,
    defendants: Vec<Defendant>,
) -> CourtProceeding {
    CourtProceeding {
        index: 0,
        id: uuid::Uuid::nil(),
        case: plan.case,
        court_agency: court.to_owned(),
        court_case_number: String::new(),
        instance,
        decision_on: on,
        defendants,
    }
}

/// The proceedings of a case (index, id and court case number are filled in by the caller).
pub(crate) fn court_proceedings(
    rng: &mut SynthRng,
    roster: &Roster,
    plan: &CourtPlan<'_>,
    timeline: &[StatusChange],
    today: NaiveDate,
) -> Vec<CourtProceeding> {
    let mut out = Vec::new();
    if plan.suspects.is_empty() {
        return out;
    }
    for pair in timeline.windows(2) {
        let (stage, decision) = (&pair[0], &pair[1]);
        if stage.status != CaseStatus::InCourt {
            continue;
        }
        let verdict = match (decision.status, decision.closure_reason) {
            (CaseStatus::Closed, Some(ClosureReason::Convicted)) => verdicts::CONVICTED,
            (CaseStatus::Closed, Some(ClosureReason::Acquitted)) => verdicts::ACQUITTED,
            (CaseStatus::Closed, _) => verdicts::DISMISSED,
            _ => verdicts::RETURNED,
        };
        let first_court = roster.court_for(plan.region, CourtLevel::First);
        let first = defendants(rng, plan, verdict);
        let convicted = verdict == verdicts::CONVICTED;
        out.push(proceeding(
            plan,
            first_court,
            instances::FIRST,
            decision.on,
            first.clone(),
        ));
        if !convicted || !chance(rng, 0.3) {
            continue;
        }
        let appeal_on = add_days(decision.on, between(rng, 60, 200));
        if appeal_on > today {
            continue;
        }
        let mut upheld = first;
        for defendant in &mut upheld {
            if let Some(sentence) = &mut defendant.sentence
                && chance(rng, 0.3)
            {
                sentence.months = sentence.months.map(|m| m.saturating_sub(m / 4).max(6));
            }
        }
        let appeal_court = roster.court_for(plan.region, CourtLevel::Appeal);
        out.push(proceeding(
            plan,
            appeal_court,
            instances::APPEAL,
            appeal_on,
            upheld.clone(),
        ));
        let supreme_on = add_days(appeal_on, between(rng, 90, 300));
        if chance(rng, 0.15) && supreme_on <= today {
            let supreme = roster.court_for(plan.region, CourtLevel::Supreme);
            out.push(proceeding(
                plan,
                supreme,
                instances::SUPREME,
                supreme_on,
                upheld,
            ));
        }
    }
    out
}
