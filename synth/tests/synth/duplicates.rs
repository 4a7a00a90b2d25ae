//! Ground-truth duplicates really are written differently, and the recorded variations say
//! exactly how.

use std::collections::HashSet;

use korgon_synth::translit::{has_cyrillic, has_latin};
use korgon_synth::{
    Config, NameField, PersonRecord, Size, TranslitSystem, VariationKind, generate,
};

use crate::helpers::{edit_distance, medium, person, profile, today};

fn name_field(record: &PersonRecord, field: NameField) -> Option<&str> {
    match field {
        NameField::GivenName => record.input.given_name.as_deref(),
        NameField::FamilyName => record.input.family_name.as_deref(),
        NameField::Patronymic => record.input.patronymic.as_deref(),
        NameField::DateOfBirth => record.input.date_of_birth.as_deref(),
        NameField::Pin => record.input.pin.as_deref(),
        _ => None,
    }
}

fn duplicated_share(dataset: &korgon_synth::Dataset) -> f64 {
    let identities = &dataset.records.identities;
    let duplicated = identities.iter().filter(|i| i.persons.len() > 1).count();
    duplicated as f64 / identities.len() as f64
}

#[test]
fn about_fifteen_percent_of_individuals_are_recorded_more_than_once() {
    let d = medium();
    let share = duplicated_share(d);
    assert!((0.11..=0.20).contains(&share), "{share}");
    let total: usize = d.records.identities.iter().map(|i| i.persons.len()).sum();
    assert_eq!(
        total,
        d.records.persons.len(),
        "every record belongs to exactly one identity"
    );
    assert!(
        d.records.identities.iter().any(|i| i.persons.len() == 3),
        "some individuals are known to three agencies"
    );
    let more = generate(
        &profile(),
        Config::new(7, Size::Small, today()).with_duplicate_rate(0.4),
    )
    .unwrap();
    let none = generate(
        &profile(),
        Config::new(7, Size::Small, today()).with_duplicate_rate(0.0),
    )
    .unwrap();
    assert!(duplicated_share(&more) > 0.3, "{}", duplicated_share(&more));
    assert_eq!(duplicated_share(&none), 0.0);
}

#[test]
fn duplicates_come_from_different_agencies_and_are_spelt_differently() {
    let d = medium();
    let mut groups = 0;
    for identity in d.records.identities.iter().filter(|i| i.persons.len() > 1) {
        let records: Vec<&PersonRecord> = identity.persons.iter().map(|p| person(d, *p)).collect();
        let agencies: HashSet<&str> = records.iter().map(|r| r.agency.as_str()).collect();
        assert_eq!(
            agencies.len(),
            records.len(),
            "identity {}",
            identity.identity
        );
        let first = records[0];
        assert!(
            first.has_canonical_names(),
            "the first record spells the names as they are"
        );
        for other in &records[1..] {
            assert_eq!(other.identity, identity.identity);
            assert_eq!(other.input.sex, first.input.sex);
            let differs = [
                NameField::GivenName,
                NameField::FamilyName,
                NameField::Patronymic,
            ]
            .into_iter()
            .any(|f| name_field(first, f) != name_field(other, f));
            assert!(
                differs,
                "identity {}: a duplicate spelt like the original",
                identity.identity
            );
            assert!(!other.has_canonical_names());
        }
        groups += 1;
    }
    assert!(groups > 800, "{groups}");
}

#[test]
fn recorded_variations_describe_exactly_what_differs() {
    let d = medium();
    let mut kinds = HashSet::new();
    let mut systems = HashSet::new();
    for identity in d.records.identities.iter().filter(|i| i.persons.len() > 1) {
        let original = person(d, identity.persons[0]);
        for index in &identity.persons[1..] {
            let record = person(d, *index);
            for field in [
                NameField::GivenName,
                NameField::FamilyName,
                NameField::Patronymic,
            ] {
                let chain: Vec<_> = record
                    .variations
                    .iter()
                    .filter(|v| v.field == field)
                    .collect();
                let Some(first) = chain.first() else {
                    assert_eq!(
                        name_field(record, field),
                        name_field(original, field),
                        "unrecorded change"
                    );
                    continue;
                };
                // The chain starts from the original spelling and ends at the record's.
                if first.kind != VariationKind::PatronymicForm {
                    assert_eq!(first.before.as_deref(), name_field(original, field));
                }
                for pair in chain.windows(2) {
                    assert_eq!(pair[0].after, pair[1].before);
                }
                assert_eq!(
                    chain.last().unwrap().after.as_deref(),
                    name_field(record, field)
                );
                for v in &chain {
                    assert_ne!(v.before, v.after);
                    let (before, after) = (
                        v.before.as_deref().unwrap_or(""),
                        v.after.as_deref().unwrap_or(""),
                    );
                    match v.kind {
                        VariationKind::Translit { system } => {
                            systems.insert(system);
                            assert!(
                                has_cyrillic(before) && has_latin(after) && !has_cyrillic(after),
                                "{before} → {after}"
                            );
                        }
                        VariationKind::RussianSpelling | VariationKind::KeyboardFold => {
                            assert!(!after.contains(['ү', 'ө', 'ң', 'Ү', 'Ө', 'Ң']), "{after}");
                            assert!(has_cyrillic(after));
                        }
                        VariationKind::Typo { edits, .. } => {
                            let distance = edit_distance(before, after);
                            assert!(
                                (1..=usize::from(edits)).contains(&distance),
                                "{before} → {after} ({edits})"
                            );
                        }
                        VariationKind::PatronymicForm => {
                            // One side of the record's change is the Kyrgyz form (уулу/кызы).
                            let kyrgyz = |s: &Option<String>| {
                                s.as_deref()
                                    .is_some_and(|s| s.ends_with(" уулу") || s.ends_with(" кызы"))
                            };
                            let forms = record
                                .variations
                                .iter()
                                .filter(|v| v.kind == VariationKind::PatronymicForm);
                            assert!(
                                forms.clone().any(|v| kyrgyz(&v.before) || kyrgyz(&v.after)),
                                "{before} → {after}"
                            );
                        }
                        VariationKind::Missing => assert!(v.after.is_none() && v.before.is_some()),
                        VariationKind::YearOnly => panic!("year-only on a name"),
                    }
                    kinds.insert(std::mem::discriminant(&v.kind));
                }
            }
        }
    }
    assert_eq!(kinds.len(), 6, "every kind of name variation occurs");
    for system in TranslitSystem::ALL {
        assert!(systems.contains(&system), "{system:?} never used");
    }
}

#[test]
fn missing_fields_and_year_only_dates_are_recorded() {
    let d = medium();
    let (mut pin_split, mut year_only) = (0, 0);
    for record in &d.records.persons {
        for v in &record.variations {
            match (v.field, v.kind) {
                (NameField::DateOfBirth, VariationKind::YearOnly) => {
                    let year = record.input.date_of_birth.as_deref().unwrap();
                    assert_eq!(Some(year), v.before.as_deref().map(|b| &b[..4]));
                    year_only += 1;
                }
                (NameField::DateOfBirth | NameField::Pin, VariationKind::Missing) => {
                    assert_eq!(name_field(record, v.field), None);
                }
                _ => {}
            }
        }
    }
    for identity in d.records.identities.iter().filter(|i| i.persons.len() > 1) {
        let pins: HashSet<bool> = identity
            .persons
            .iter()
            .map(|p| person(d, *p).input.pin.is_some())
            .collect();
        pin_split += usize::from(pins.len() == 2);
        let distinct: HashSet<&str> = identity
            .persons
            .iter()
            .filter_map(|p| person(d, *p).input.pin.as_deref())
            .collect();
        assert!(distinct.len() <= 1, "one individual, one PIN");
    }
    assert!(
        pin_split > 100 && year_only > 100,
        "{pin_split} {year_only}"
    );
}
