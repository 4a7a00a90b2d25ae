//! The medium dataset has the proportions Kyrgyz cases show (ranges, not exact counts).

use std::collections::HashMap;

use korgon_domain::{ExploitationForm, PartyRole};

use crate::helpers::medium;

fn top<K: Copy + Eq + std::hash::Hash + Ord>(counts: &HashMap<K, usize>) -> Vec<K> {
    let mut keys: Vec<K> = counts.keys().copied().collect();
    keys.sort_by(|a, b| counts[b].cmp(&counts[a]).then(a.cmp(b)));
    keys
}

#[test]
fn forced_marriage_leads_at_home_and_russia_leads_for_forced_labour() {
    let d = medium();
    let mut domestic: HashMap<ExploitationForm, usize> = HashMap::new();
    let mut labour: HashMap<&str, usize> = HashMap::new();
    let mut sexual: HashMap<&str, usize> = HashMap::new();
    for case in &d.records.cases {
        let primary = case.input.exploitation_forms[0];
        match case.destination.as_deref() {
            None => *domestic.entry(primary).or_default() += 1,
            Some(country) if primary == ExploitationForm::ForcedLabour => {
                *labour.entry(country).or_default() += 1
            }
            Some(country) if primary == ExploitationForm::SexualExploitation => {
                *sexual.entry(country).or_default() += 1
            }
            Some(_) => {}
        }
        assert_eq!(case.input.transnational, case.destination.is_some());
    }
    assert_eq!(
        top(&domestic)[0],
        ExploitationForm::ForcedMarriage,
        "{domestic:?}"
    );
    let labour_top = top(&labour);
    assert_eq!(labour_top[0], "RU", "{labour:?}");
    assert_eq!(labour_top[1], "KZ", "{labour:?}");
    assert!(labour.contains_key("TR"));
    let sexual_top = top(&sexual);
    assert!(
        sexual_top[..2].contains(&"AE") && sexual_top[..2].contains(&"TR"),
        "{sexual:?}"
    );
    let child_marriages = d
        .records
        .cases
        .iter()
        .filter(|c| {
            c.input
                .exploitation_forms
                .contains(&ExploitationForm::ChildMarriage)
        })
        .count();
    assert!(child_marriages > 100, "{child_marriages}");
}

#[test]
fn minors_are_a_minority_of_victims() {
    let d = medium();
    let ages: Vec<u8> = d
        .records
        .cases
        .iter()
        .flat_map(|c| &c.parties)
        .filter(|p| p.role == PartyRole::Victim)
        .filter_map(|p| p.details.age_at_exploitation)
        .collect();
    let minors = ages.iter().filter(|a| **a < 18).count() as f64 / ages.len() as f64;
    assert!((0.08..=0.30).contains(&minors), "{minors}");
    let young_adults =
        ages.iter().filter(|a| (18..=30).contains(*a)).count() as f64 / ages.len() as f64;
    assert!(young_adults > 0.45, "{young_adults}");
}

#[test]
fn most_cases_never_reach_a_verdict() {
    let d = medium();
    let cases = d.records.cases.len() as f64;
    let verdicts = d
        .records
        .cases
        .iter()
        .filter(|c| c.reached_verdict())
        .count() as f64
        / cases;
    assert!((0.04..=0.30).contains(&verdicts), "{verdicts}");
    let closed_early = d
        .records
        .cases
        .iter()
        .filter(|c| {
            matches!(
                c.closure_reason(),
                Some(
                    korgon_domain::ClosureReason::Dismissed
                        | korgon_domain::ClosureReason::Suspended
                )
            )
        })
        .count() as f64
        / cases;
    assert!(
        closed_early > verdicts * 1.5,
        "{closed_early} vs {verdicts}"
    );
    let still_open = d
        .records
        .cases
        .iter()
        .filter(|c| c.closure_reason().is_none())
        .count();
    assert!(still_open > 0, "recent cases are still open");
}

#[test]
fn regions_follow_population_and_bride_kidnapping_the_north() {
    let d = medium();
    let mut by_region: HashMap<&str, usize> = HashMap::new();
    let mut marriage: HashMap<&str, usize> = HashMap::new();
    for case in &d.records.cases {
        *by_region.entry(case.input.region.as_str()).or_default() += 1;
        if case.input.exploitation_forms[0] == ExploitationForm::ForcedMarriage {
            *marriage.entry(case.input.region.as_str()).or_default() += 1;
        }
    }
    assert_eq!(by_region.len(), 9);
    assert!(by_region["KG-O"] > by_region["KG-T"] * 2, "{by_region:?}");
    let share =
        |region: &str| marriage.get(region).copied().unwrap_or(0) as f64 / by_region[region] as f64;
    assert!(
        share("KG-N") > share("KG-O"),
        "Naryn {} vs Osh {}",
        share("KG-N"),
        share("KG-O")
    );
}
