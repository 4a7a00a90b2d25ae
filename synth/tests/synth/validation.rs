//! Every generated record passes the validation user input passes, and every history obeys
//! the lifecycle rules.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use korgon_domain::{AgencyCode, CaseStatus, ClosureReason, PartyRole, Role};
use korgon_synth::model::{
    assistance_kinds, consent_givers, instances, needs, referral_statuses, urgencies, verdicts,
};
use korgon_synth::{Dataset, Size, role_mapping};

use crate::helpers::{dataset, person, profile, small, today};

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn check_inputs(dataset: &Dataset) {
    let profile = profile();
    for person in &dataset.records.persons {
        let (_, warnings) = person
            .input
            .clone()
            .validate(&profile, today())
            .unwrap_or_else(|e| panic!("person {}: {e}", person.index));
        assert!(warnings.is_empty(), "person {}: {warnings:?}", person.index);
    }
    for case in &dataset.records.cases {
        let valid = case
            .input
            .clone()
            .validate(&profile, today())
            .unwrap_or_else(|e| panic!("case {}: {e}", case.index));
        assert!(valid.reference.is_some());
        for party in &case.parties {
            party.details.clone().validate(party.role).unwrap();
        }
    }
}

#[test]
fn every_person_and_case_of_a_tiny_and_a_small_dataset_validates_without_warnings() {
    check_inputs(&dataset(Size::Tiny, 1));
    check_inputs(small());
    check_inputs(&dataset(Size::Small, 12));
}

#[test]
fn pins_agree_with_sex_and_birth_date() {
    let d = small();
    let mut checked = 0;
    for p in &d.records.persons {
        let (Some(pin), Some(dob)) = (&p.input.pin, &p.input.date_of_birth) else {
            continue;
        };
        assert_eq!(pin.len(), 14);
        let expected_sex = if p.input.sex == korgon_domain::Sex::Female {
            "1"
        } else {
            "2"
        };
        assert_eq!(&pin[..1], expected_sex);
        if dob.len() == 10 {
            let d = date(dob);
            assert_eq!(&pin[1..9], d.format("%d%m%Y").to_string());
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn timelines_obey_the_lifecycle() {
    let d = crate::helpers::medium();
    for case in &d.records.cases {
        let opened = date(case.input.opened_on.as_deref().unwrap());
        assert!(
            opened <= today() && opened >= today() - chrono::Days::new(8 * 366),
            "{opened}"
        );
        let first = &case.timeline[0];
        assert_eq!((first.status, first.on), (CaseStatus::Registered, opened));
        assert_eq!(first.closure_reason, None);
        for pair in case.timeline.windows(2) {
            let (from, to) = (&pair[0], &pair[1]);
            assert!(
                from.status.may_become(to.status),
                "case {}: {:?} -> {:?}",
                case.index,
                from.status,
                to.status
            );
            assert!(from.on <= to.on && to.on <= today());
            assert_eq!(to.closure_reason.is_some(), to.status == CaseStatus::Closed);
            if let Some(reason) = to.closure_reason {
                assert!(
                    reason.allowed_from(from.status),
                    "case {}: {reason:?} from {:?}",
                    case.index,
                    from.status
                );
            }
            assert!(!to.reason.is_empty());
        }
        if let (Some(from), Some(to)) = (&case.input.incident_from, &case.input.incident_to) {
            assert!(date(from) <= date(to) && date(to) <= opened);
        }
    }
}

#[test]
fn articles_come_from_the_edition_in_force() {
    let d = crate::helpers::medium();
    let mut editions = HashSet::new();
    for case in &d.records.cases {
        let year = date(case.input.opened_on.as_deref().unwrap()).year();
        let expected = match year {
            2022.. => 2021,
            2019..=2021 => 2017,
            _ => 1997,
        };
        for article in &case.input.articles {
            assert_eq!(article.edition, expected, "case opened {year}");
            editions.insert(article.edition);
        }
    }
    assert_eq!(editions.len(), 3, "cases span all three codes");
}

#[test]
fn court_proceedings_follow_cases_that_reached_court() {
    let d = crate::helpers::medium();
    let cases: HashMap<u64, &korgon_synth::CaseRecord> =
        d.records.cases.iter().map(|c| (c.index, c)).collect();
    let courts: HashSet<&str> = d
        .agencies
        .iter()
        .filter(|a| a.kind == korgon_domain::AgencyKind::Court)
        .map(|a| a.code.as_str())
        .collect();
    assert!(d.records.court.len() > 50, "{}", d.records.court.len());
    let mut numbers = HashSet::new();
    for proceeding in &d.records.court {
        let case = cases[&proceeding.case];
        assert!(
            case.timeline
                .iter()
                .any(|s| s.status == CaseStatus::InCourt)
        );
        assert!(courts.contains(proceeding.court_agency.as_str()));
        assert!(proceeding.decision_on <= today());
        assert!(
            numbers.insert(proceeding.court_case_number.clone()),
            "court numbers are unique"
        );
        assert!(
            [instances::FIRST, instances::APPEAL, instances::SUPREME]
                .contains(&proceeding.instance)
        );
        let suspects: HashSet<u64> = case
            .parties
            .iter()
            .filter(|p| p.role == PartyRole::Suspect)
            .map(|p| p.person)
            .collect();
        assert!(!proceeding.defendants.is_empty());
        for defendant in &proceeding.defendants {
            assert!(suspects.contains(&defendant.person));
            assert_eq!(
                defendant.sentence.is_some(),
                defendant.verdict == verdicts::CONVICTED
            );
            assert_eq!(defendant.articles, case.input.articles);
        }
        if proceeding.instance == instances::FIRST {
            let decided = case
                .timeline
                .windows(2)
                .any(|w| w[0].status == CaseStatus::InCourt && w[1].on == proceeding.decision_on);
            assert!(decided, "a first-instance decision ends a court stage");
        }
    }
    for case in &d.records.cases {
        let convicted = case.closure_reason() == Some(ClosureReason::Convicted);
        let has_first = d
            .records
            .court
            .iter()
            .any(|p| p.case == case.index && p.instance == instances::FIRST);
        if convicted {
            assert!(
                has_first,
                "case {} was convicted without a court decision",
                case.index
            );
        }
    }
}

#[test]
fn referrals_and_assistance_are_consistent() {
    let d = crate::helpers::medium();
    let agencies: HashSet<&str> = d.agencies.iter().map(|a| a.code.as_str()).collect();
    assert!(d.records.referrals.len() > 300);
    for referral in &d.records.referrals {
        assert!(
            agencies.contains(referral.from_agency.as_str())
                && agencies.contains(referral.to_agency.as_str())
        );
        assert_ne!(referral.from_agency, referral.to_agency);
        assert_eq!(
            person(d, referral.person).agency,
            referral.from_agency,
            "a referral sends the sender's record"
        );
        assert!(
            !referral.needs.is_empty() && referral.needs.iter().all(|n| needs::ALL.contains(n))
        );
        let unique: HashSet<&&str> = referral.needs.iter().collect();
        assert_eq!(unique.len(), referral.needs.len());
        assert!(urgencies::ALL.contains(&referral.urgency));
        assert!(consent_givers::ALL.contains(&referral.consent.given_by));
        assert_eq!(
            referral.consent.given_on.is_none(),
            referral.consent.given_by == consent_givers::NONE
        );
        let statuses: Vec<&str> = referral.timeline.iter().map(|s| s.status).collect();
        let valid = matches!(
            statuses.as_slice(),
            ["submitted"]
                | ["submitted", "accepted"]
                | ["submitted", "accepted", "closed"]
                | ["submitted", "declined"]
                | ["submitted", "withdrawn"]
        );
        assert!(valid, "{statuses:?}");
        assert!(referral.timeline.windows(2).all(|w| w[0].on <= w[1].on));
        assert!(referral.timeline.iter().all(|s| s.on <= today()));
        if referral.status() == referral_statuses::DECLINED {
            assert!(
                referral.timeline.last().unwrap().note.is_some(),
                "a decline has a reason"
            );
        }
    }
    for help in &d.records.assistance {
        assert!(assistance_kinds::ALL.contains(&help.kind));
        assert!(help.started_on <= today());
        assert!(
            help.ended_on
                .is_none_or(|end| help.started_on <= end && end <= today())
        );
    }
}

#[test]
fn referrals_and_assistance_pass_the_apis_validation() {
    let d = crate::helpers::medium();
    let cases: HashMap<u64, (uuid::Uuid, &str)> = d
        .records
        .cases
        .iter()
        .map(|c| (c.index, (c.id, c.owner_agency.as_str())))
        .collect();
    let mut guardians = 0;
    for referral in &d.records.referrals {
        let p = person(d, referral.person);
        let case_id = referral.case.map(|i| {
            let (id, owner) = cases[&i];
            assert_eq!(
                owner, referral.from_agency,
                "only the owner attaches its case"
            );
            id
        });
        let input = referral.input(p.id, case_id, Some(&p.home_region));
        assert_eq!(
            input.needs.len(),
            referral.needs.len(),
            "{}",
            referral.index
        );
        assert_eq!(input.urgency.as_str(), referral.urgency);
        let valid = input
            .validate(&profile(), today())
            .unwrap_or_else(|e| panic!("referral {}: {e}", referral.index));
        assert_eq!(valid.consent.given_by.as_str(), referral.consent.given_by);
        assert_eq!(
            valid.consent.scope.map(|s| s.as_str()),
            referral.consent.scope
        );
        // The database-side check: a victim under 18 on the day of consent cannot consent.
        let dob = p
            .input
            .clone()
            .validate(&profile(), today())
            .unwrap()
            .0
            .date_of_birth;
        valid
            .consent
            .check_guardian(dob.as_ref())
            .unwrap_or_else(|e| panic!("referral {}: {e}", referral.index));
        guardians += usize::from(valid.consent.guardian_name.is_some());
    }
    assert!(guardians > 5, "{guardians}");
    for help in &d.records.assistance {
        let valid = help
            .input()
            .validate(today())
            .unwrap_or_else(|e| panic!("assistance {}: {e}", help.index));
        assert_eq!(valid.kind.as_str(), help.kind);
        assert_eq!(valid.ended_on, help.ended_on);
    }
}

#[test]
fn children_consent_through_a_guardian() {
    let d = crate::helpers::medium();
    let mut children = 0;
    for referral in &d.records.referrals {
        let p = person(d, referral.person);
        let Some(dob) = p.input.date_of_birth.as_deref().filter(|d| d.len() == 10) else {
            continue;
        };
        // Still a child when referred, so a child when exploited.
        if referral.timeline[0].on.years_since(date(dob)).unwrap() < 18 {
            children += 1;
            assert_ne!(
                referral.consent.given_by,
                consent_givers::VICTIM,
                "referral {}",
                referral.index
            );
        }
    }
    assert!(children > 5, "{children}");
}

#[test]
fn agencies_and_users_are_valid_and_fit_each_other() {
    let d = small();
    let mut usernames = HashSet::new();
    for agency in &d.agencies {
        AgencyCode::parse("code", &agency.code).unwrap();
        if let Some(region) = &agency.region {
            profile().parse_region("region", region).unwrap();
        }
    }
    for user in &d.users {
        let agency = d.agencies.iter().find(|a| a.code == user.agency).unwrap();
        assert!(usernames.insert(user.username.clone()));
        let fits = role_mapping(agency.kind).contains(&user.role)
            || (user.role == Role::Admin && agency.kind == korgon_domain::AgencyKind::Ministry)
            || (user.role == Role::Auditor && agency.kind == korgon_domain::AgencyKind::Prosecutor);
        assert!(fits, "{:?} at {}", user.role, agency.code);
        assert!(!user.display_name.trim().is_empty());
    }
    for role in Role::ALL {
        assert!(d.users.iter().any(|u| u.role == role), "no {role:?}");
    }
    assert_eq!(d.users.iter().filter(|u| u.role == Role::Admin).count(), 1);
    for agency in d
        .agencies
        .iter()
        .filter(|a| a.kind == korgon_domain::AgencyKind::Police)
    {
        assert!(
            d.users
                .iter()
                .any(|u| u.agency == agency.code && u.role == Role::Investigator)
        );
    }
}

#[test]
fn victims_details_match_their_birth_dates() {
    let d = crate::helpers::medium();
    let mut checked = 0;
    for case in &d.records.cases {
        let Some(from) = case.input.incident_from.as_deref().map(date) else {
            continue;
        };
        for party in case.parties.iter().filter(|p| p.role == PartyRole::Victim) {
            let p = person(d, party.person);
            assert!(p.exploitation.is_some());
            let Some(dob) = p.input.date_of_birth.as_deref().filter(|d| d.len() == 10) else {
                continue;
            };
            let age = from.years_since(date(dob)).unwrap();
            assert_eq!(party.details.age_at_exploitation.map(u32::from), Some(age));
            checked += 1;
        }
    }
    assert!(checked > 1_000);
}
