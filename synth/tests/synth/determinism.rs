//! Same seed, same data; another seed, other data.

use korgon_synth::Size;

use crate::helpers::dataset;

#[test]
fn the_same_seed_gives_byte_identical_json() {
    let a = serde_json::to_string(&dataset(Size::Small, 42)).unwrap();
    let b = serde_json::to_string(&dataset(Size::Small, 42)).unwrap();
    assert!(a.len() > 10_000, "a small dataset is not trivially small");
    assert_eq!(a, b);
}

#[test]
fn another_seed_gives_other_people_and_cases() {
    let a = dataset(Size::Small, 42);
    let b = dataset(Size::Small, 43);
    let names = |d: &korgon_synth::Dataset| -> Vec<Option<String>> {
        d.records
            .persons
            .iter()
            .take(30)
            .map(|p| p.input.family_name.clone())
            .collect()
    };
    assert_ne!(names(&a), names(&b));
    let dates = |d: &korgon_synth::Dataset| -> Vec<Option<String>> {
        d.records
            .cases
            .iter()
            .map(|c| c.input.opened_on.clone())
            .collect()
    };
    assert_ne!(dates(&a), dates(&b));
    let ids = |d: &korgon_synth::Dataset| d.records.persons.first().map(|p| p.id);
    assert_ne!(ids(&a), ids(&b), "ids derive from the seed");
}

#[test]
fn ids_are_unique() {
    let d = dataset(Size::Small, 5);
    let mut ids: Vec<uuid::Uuid> = d.records.persons.iter().map(|p| p.id).collect();
    ids.extend(d.records.cases.iter().map(|c| c.id));
    ids.extend(d.records.referrals.iter().map(|r| r.id));
    ids.extend(d.records.assistance.iter().map(|a| a.id));
    ids.extend(d.records.court.iter().map(|c| c.id));
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count);
}
