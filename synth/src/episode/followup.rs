//! What happens to a victim after the first registration: referrals and assistance from the
//! registering agency, and — for a share of victims — records by further agencies that did
//! not know of each other (the duplicates cross-agency search must find).

use chrono::NaiveDate;
use korgon_domain::referral::may_be_minor_on;
use korgon_domain::{AgencyKind, DateOfBirth, ExploitationForm, Sex};

use super::builder::{Episode, Victimhood};
use crate::model::{ReferralRecord, assistance_kinds, consent_givers, needs, referral_statuses};
use crate::names::generate_name;
use crate::people::Identity;
use crate::rng::{between, chance, weighted};
use crate::scenario::{ReferralPlan, add_days, assistance_for, referral};

/// A victim just registered, and where the story stands.
#[derive(Debug, Clone, Copy)]
pub(super) struct VictimFollowup<'a> {
    pub identity: &'a Identity,
    /// The first record's index.
    pub first_record: u64,
    /// The agency that made it.
    pub first_agency: &'a str,
    /// The case, if there is one.
    pub case: Option<u64>,
    pub region: &'a str,
    pub destination: Option<&'a str>,
    pub minor: bool,
    /// The day of the first registration.
    pub on: NaiveDate,
    /// The main form of exploitation.
    pub form: ExploitationForm,
}

impl VictimFollowup<'_> {
    fn victimhood(&self) -> Victimhood<'_> {
        Victimhood {
            form: self.form,
            destination: self.destination,
        }
    }
}

fn assistance_kind(need: &str) -> &'static str {
    match need {
        needs::SHELTER => assistance_kinds::SHELTER,
        needs::MEDICAL => assistance_kinds::MEDICAL,
        needs::LEGAL => assistance_kinds::LEGAL,
        needs::PSYCHOLOGICAL => assistance_kinds::PSYCHOLOGICAL,
        needs::REPATRIATION => assistance_kinds::REPATRIATION,
        _ => assistance_kinds::REINTEGRATION,
    }
}

/// Sends a referral and, once accepted, records the help the receiver gave.
fn refer(
    ep: &mut Episode<'_>,
    f: &VictimFollowup<'_>,
    from: &str,
    person: u64,
    to: &str,
    on: NaiveDate,
) {
    let to_kind = ep.kind_of(to);
    // A guardian consents for a minor, and for a victim whose recorded birth date (perhaps a
    // year only) leaves it possible that they were one on the day: the API refuses the
    // victim's own consent then.
    let minor = f.minor || may_have_been_minor(ep, person, on);
    // A minor's mother consents (she keeps her own family name, as many do).
    let guardian = minor.then(|| {
        let mother = generate_name(&mut ep.rng, f.identity.name.ethnicity, Sex::Female);
        format!("{} {}", mother.family, mother.given)
    });
    let plan = ReferralPlan {
        from,
        to,
        to_kind,
        person,
        // Only the case's owner (the first agency) may attach the case; the other agencies'
        // records know nothing of it.
        case: f.case.filter(|_| from == f.first_agency),
        on,
        minor,
        from_police: ep.kind_of(from) == AgencyKind::Police,
        guardian: guardian.as_deref(),
    };
    let today = ep.today();
    let record: ReferralRecord = referral(&mut ep.rng, &plan, today);
    // Only an accepted referral that carries an identity lets the receiver reach the person
    // (an anonymous one grants nothing), so only then does it record the help it gives.
    let accepted = record
        .timeline
        .iter()
        .find(|s| s.status == referral_statuses::ACCEPTED)
        .map(|s| s.on)
        .filter(|_| record.consent.given_by != consent_givers::NONE);
    let kinds: Vec<&'static str> = record.needs.iter().map(|n| assistance_kind(n)).collect();
    ep.add_referral(record);
    if let Some(start) = accepted
        && to_kind != AgencyKind::Police
    {
        let help = assistance_for(&mut ep.rng, to, person, &kinds, start, today);
        ep.add_assistance(help);
    }
}

/// Whether the birth date written in person record `person` leaves it possible that they were
/// under 18 on `on`.
fn may_have_been_minor(ep: &Episode<'_>, person: u64, on: NaiveDate) -> bool {
    let Some(record) = ep.record(person) else {
        return false;
    };
    let Some(written) = record.input.date_of_birth.as_deref() else {
        return false;
    };
    DateOfBirth::parse(
        "date_of_birth",
        written,
        record.input.date_of_birth_precision,
        ep.today(),
    )
    .is_ok_and(|dob| may_be_minor_on(&dob, on))
}

/// The help an agency gives on its own record, without a referral.
fn own_assistance(ep: &mut Episode<'_>, agency: &str, person: u64, on: NaiveDate) {
    let kinds: &[&'static str] = match ep.kind_of(agency) {
        AgencyKind::Shelter => &[assistance_kinds::SHELTER, assistance_kinds::PSYCHOLOGICAL],
        AgencyKind::Consulate => &[assistance_kinds::REPATRIATION],
        AgencyKind::Ngo => {
            let mut picked = Vec::new();
            for kind in [
                assistance_kinds::LEGAL,
                assistance_kinds::PSYCHOLOGICAL,
                assistance_kinds::VOCATIONAL,
                assistance_kinds::REINTEGRATION,
            ] {
                if chance(&mut ep.rng, 0.4) {
                    picked.push(kind);
                }
            }
            let today = ep.today();
            let help = assistance_for(&mut ep.rng, agency, person, &picked, on, today);
            ep.add_assistance(help);
            return;
        }
        _ => &[],
    };
    let today = ep.today();
    let help = assistance_for(&mut ep.rng, agency, person, kinds, on, today);
    ep.add_assistance(help);
}

/// Referrals and assistance from one agency's record of the victim.
fn act_on_record(
    ep: &mut Episode<'_>,
    f: &VictimFollowup<'_>,
    agency: &str,
    person: u64,
    registered_on: NaiveDate,
) {
    let on = ep.after(registered_on, 0, 10);
    match ep.kind_of(agency) {
        AgencyKind::Police if chance(&mut ep.rng, 0.2) => {
            let shelter = ep
                .ctx
                .roster
                .near(&mut ep.rng, AgencyKind::Shelter, f.region);
            refer(ep, f, agency, person, shelter, on);
        }
        AgencyKind::Ngo => {
            let to_police = if f.case.is_some() { 0.35 } else { 0.25 };
            if chance(&mut ep.rng, to_police) {
                let police = ep.ctx.roster.police_for(f.region);
                refer(ep, f, agency, person, police, on);
            }
            if chance(&mut ep.rng, 0.2) {
                let shelter = ep
                    .ctx
                    .roster
                    .near(&mut ep.rng, AgencyKind::Shelter, f.region);
                refer(ep, f, agency, person, shelter, on);
            }
            if let Some(country) = f.destination
                && chance(&mut ep.rng, 0.3)
            {
                let consulate = ep.ctx.roster.consulate_for(country);
                refer(ep, f, agency, person, consulate, on);
            }
            if chance(&mut ep.rng, 0.08)
                && let Some(other) = ep.ctx.roster.other_ngo(&mut ep.rng, agency)
            {
                refer(ep, f, agency, person, other, on);
            }
            if chance(&mut ep.rng, 0.6) {
                own_assistance(ep, agency, person, on);
            }
        }
        AgencyKind::Shelter | AgencyKind::Consulate => own_assistance(ep, agency, person, on),
        _ => {}
    }
}

/// The agency that records the victim once more, unknown to the others.
fn another_agency(ep: &mut Episode<'_>, f: &VictimFollowup<'_>) -> &'static str {
    let kind = match f.destination {
        Some(_) => weighted(
            &mut ep.rng,
            &[
                (AgencyKind::Ngo, 45),
                (AgencyKind::Shelter, 20),
                (AgencyKind::Consulate, 35),
            ],
        ),
        None => weighted(
            &mut ep.rng,
            &[
                (AgencyKind::Ngo, 55),
                (AgencyKind::Shelter, 35),
                (AgencyKind::Police, 10),
            ],
        ),
    };
    match (kind, f.destination) {
        (AgencyKind::Consulate, Some(country)) => ep.ctx.roster.consulate_for(country),
        (AgencyKind::Police, _) => ep.ctx.roster.other_police(&mut ep.rng, f.first_agency),
        (kind, _) => ep.ctx.roster.near(&mut ep.rng, kind, f.region),
    }
}

/// Everything that follows the first registration of a victim.
pub(super) fn follow_victim(ep: &mut Episode<'_>, f: &VictimFollowup<'_>) {
    act_on_record(ep, f, f.first_agency, f.first_record, f.on);
    if !chance(&mut ep.rng, ep.ctx.victim_duplicate) {
        return;
    }
    let extra = if chance(&mut ep.rng, 0.35) { 2 } else { 1 };
    let mut used = vec![f.first_agency];
    for _ in 0..extra {
        let agency = another_agency(ep, f);
        if used.contains(&agency) {
            continue;
        }
        used.push(agency);
        // An NGO often met the victim before the police did.
        let registered_on = if f.case.is_some() && chance(&mut ep.rng, 0.4) {
            add_days(f.on, -between(&mut ep.rng, 0, 60))
        } else {
            ep.after(f.on, 0, 120)
        };
        let person = ep.add_record(
            f.identity,
            agency,
            registered_on,
            true,
            Some(f.victimhood()),
        );
        act_on_record(ep, f, agency, person, registered_on);
    }
    // Guarantee the duplicate when the roster had only agencies already used.
    if used.len() == 1 {
        let agency = ep.ctx.roster.other_police(&mut ep.rng, f.first_agency);
        let registered_on = ep.after(f.on, 0, 120);
        ep.add_record(
            f.identity,
            agency,
            registered_on,
            true,
            Some(f.victimhood()),
        );
    }
}

/// A suspect recorded by a second police unit or a prosecutor (a wanted notice, another case).
pub(super) fn duplicate_suspect(
    ep: &mut Episode<'_>,
    identity: &Identity,
    owner: &str,
    opened_on: NaiveDate,
) {
    let region = ep.ctx.roster.region_of(owner);
    let agency = if chance(&mut ep.rng, 0.3) {
        ep.ctx.roster.prosecutor_for(&region)
    } else {
        ep.ctx.roster.other_police(&mut ep.rng, owner)
    };
    let registered_on = ep.after(opened_on, 0, 200);
    ep.add_record(identity, agency, registered_on, true, None);
}
