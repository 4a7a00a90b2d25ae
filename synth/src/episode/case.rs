//! An episode with a case: the police unit of the region registers it with its victims,
//! suspects, witnesses and reporters; the timeline and the court follow.

use chrono::NaiveDate;
use korgon_domain::{CaseInput, CaseReference, ExploitationForm, PartyRole};

use super::builder::{Episode, Victimhood};
use super::followup::{VictimFollowup, duplicate_suspect, follow_victim};
use crate::ids::{IdKind, record_id};
use crate::model::{CaseRecord, Party};
use crate::people::Identity;
use crate::rng::{between, chance};
use crate::scenario::{
    CourtPlan, PersonPlan, add_days, case_place, case_summary, case_title, court_proceedings,
    draw_exploitation, draw_timeline, incident_window, suspect_details, suspect_plans,
    victim_details, victim_plans, witness_plan,
};

/// Cases open within the eight years before "today".
const WINDOW_DAYS: i64 = 8 * 365;

pub(super) fn case_episode(ep: &mut Episode<'_>) {
    let today = ep.today();
    let mut exploitation = draw_exploitation(&mut ep.rng);
    let primary = exploitation.primary;
    let (_, region, _) = ep.ctx.regions.pick(&mut ep.rng, primary);
    let region = region.to_owned();
    let region_ru = ep.ctx.regions.russian_name(&region).to_owned();
    let opened_on = add_days(today, -between(&mut ep.rng, 0, WINDOW_DAYS));
    let (incident_from, incident_to) = incident_window(&mut ep.rng, primary, opened_on);
    let victims = victim_plans(&mut ep.rng, primary);
    let suspects = suspect_plans(&mut ep.rng, primary);
    let others = witness_plan(&mut ep.rng);
    let minor = victims.iter().any(|v| v.age < 18);
    if primary == ExploitationForm::ForcedMarriage && minor {
        exploitation.forms.push(ExploitationForm::ChildMarriage);
    }
    let owner = ep.ctx.roster.police_for(&region);

    let mut parties = Vec::new();
    let mut victim_records: Vec<(Identity, u64, u32)> = Vec::new();
    let mut suspect_records: Vec<(Identity, u64)> = Vec::new();
    let mut recruitment = String::new();
    for plan in victims.iter().chain(&suspects).chain(&others) {
        let identity = ep.new_identity(plan, incident_from, &region);
        let registered_on = match plan.role {
            PartyRole::Victim | PartyRole::Reporter => opened_on,
            _ => ep.after(opened_on, 0, 60),
        };
        let victim = (plan.role == PartyRole::Victim).then_some(Victimhood {
            form: primary,
            destination: exploitation.destination,
        });
        let person = ep.add_record(&identity, owner, registered_on, false, victim);
        let details = match plan.role {
            PartyRole::Victim => {
                let details = victim_details(&mut ep.rng, primary, plan.age);
                if recruitment.is_empty() {
                    recruitment = details.recruitment.clone().unwrap_or_default();
                }
                victim_records.push((identity, person, plan.age));
                details
            }
            PartyRole::Suspect => {
                suspect_records.push((identity, person));
                suspect_details(plan.relation)
            }
            _ => Default::default(),
        };
        parties.push(Party {
            person,
            role: plan.role,
            details,
        });
    }

    let index = ep.counters.cases;
    ep.counters.cases += 1;
    let year = chrono::Datelike::year(&opened_on);
    let number = ep.counters.next_reference(year);
    let reference = CaseReference::generate("KG", year, number)
        .as_str()
        .to_owned();
    let aggravated = victims.len() > 1 || exploitation.destination.is_some();
    let articles = ep.ctx.articles.pick(
        &mut ep.rng,
        &exploitation.forms,
        opened_on,
        minor,
        aggravated,
    );
    let timeline = draw_timeline(&mut ep.rng, opened_on, today, !suspects.is_empty(), primary);
    let (first_sex, first_age) = victims
        .first()
        .map_or((korgon_domain::Sex::Female, 20), |v: &PersonPlan| {
            (v.sex, v.age)
        });
    let summary = case_summary(
        &mut ep.rng,
        primary,
        exploitation.destination,
        first_sex,
        first_age,
        &recruitment,
    );
    let mut countries: Vec<String> = exploitation
        .destination
        .iter()
        .map(|c| (*c).to_owned())
        .collect();
    countries.extend(exploitation.transit.map(str::to_owned));
    let date = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    let input = CaseInput {
        reference: Some(reference),
        title: case_title(primary, exploitation.destination, &region_ru, victims.len()),
        summary: Some(summary),
        region: region.clone(),
        place: Some(case_place(&mut ep.rng, &region)),
        exploitation_forms: exploitation.forms.clone(),
        articles,
        incident_from: Some(date(incident_from)),
        incident_to: incident_to.map(date),
        transnational: exploitation.destination.is_some(),
        countries,
        opened_on: Some(date(opened_on)),
    };
    let suspect_people: Vec<u64> = suspect_records.iter().map(|(_, p)| *p).collect();
    let plan = CourtPlan {
        case: index,
        region: &region,
        articles: &input.articles,
        suspects: &suspect_people,
        form: primary,
    };
    let court = court_proceedings(&mut ep.rng, &ep.ctx.roster, &plan, &timeline, today);
    ep.out.cases.push(CaseRecord {
        index,
        id: record_id(ep.seed(), IdKind::Case, index, opened_on),
        owner_agency: owner.to_owned(),
        input,
        timeline,
        parties,
        destination: exploitation.destination.map(str::to_owned),
    });
    ep.add_court(court);

    for (identity, person, age) in &victim_records {
        let followup = VictimFollowup {
            identity,
            first_record: *person,
            first_agency: owner,
            case: Some(index),
            region: &region,
            destination: exploitation.destination,
            minor: *age < 18,
            on: opened_on,
            form: primary,
        };
        follow_victim(ep, &followup);
    }
    for (identity, _) in &suspect_records {
        if chance(&mut ep.rng, ep.ctx.suspect_duplicate) {
            duplicate_suspect(ep, identity, owner, opened_on);
        }
    }
}
