//! The sizes give the documented counts, and the roster grows with them.

use korgon_domain::AgencyKind;
use korgon_synth::{Config, Generator, Size};

use crate::helpers::{dataset, profile, today};

#[test]
fn named_sizes_give_their_counts() {
    let tiny = dataset(Size::Tiny, 1);
    assert_eq!(tiny.records.cases.len(), 4);
    assert!(
        (15..=40).contains(&tiny.records.persons.len()),
        "{}",
        tiny.records.persons.len()
    );
    let small = crate::helpers::small();
    assert_eq!(small.records.cases.len(), 70);
    assert!(
        (220..=420).contains(&small.records.persons.len()),
        "{}",
        small.records.persons.len()
    );
    let medium = crate::helpers::medium();
    assert_eq!(medium.records.cases.len(), 2_400);
    assert!(
        (8_500..=12_000).contains(&medium.records.persons.len()),
        "{}",
        medium.records.persons.len()
    );
}

#[test]
fn a_number_of_persons_is_reached_and_barely_passed() {
    let generator =
        Generator::new(&profile(), Config::new(2, Size::Persons(3_000), today())).unwrap();
    let persons: usize = generator.batches(500).map(|b| b.persons.len()).sum();
    assert!((3_000..3_020).contains(&persons), "{persons}");
}

#[test]
fn the_roster_grows_with_the_size_and_always_has_every_kind() {
    let mut previous = 0;
    for size in [Size::Tiny, Size::Small, Size::Medium, Size::Large] {
        let generator = Generator::new(&profile(), Config::new(1, size, today())).unwrap();
        let agencies = generator.agencies();
        for kind in AgencyKind::ALL {
            assert!(
                agencies.iter().any(|a| a.kind == kind),
                "{size:?} lacks {kind:?}"
            );
        }
        let police = agencies
            .iter()
            .filter(|a| a.kind == AgencyKind::Police)
            .count();
        let ngos = agencies
            .iter()
            .filter(|a| a.kind == AgencyKind::Ngo)
            .count();
        assert!(agencies.len() > previous, "{size:?}");
        previous = agencies.len();
        if size == Size::Large {
            assert!(police >= 9 && ngos >= 6, "{police} police, {ngos} NGOs");
        }
    }
}

#[test]
fn bad_configs_and_profiles_are_refused() {
    let kz = korgon_domain::CountryProfile::builtin("kz").unwrap();
    assert!(Generator::new(&kz, Config::new(1, Size::Tiny, today())).is_err());
    let config = Config::new(1, Size::Tiny, today()).with_duplicate_rate(0.9);
    assert!(Generator::new(&profile(), config).is_err());
}
