//! Streaming: batches are self-contained, indices are dense, and the stream does not depend
//! on the batch size.

use std::collections::{BTreeMap, HashSet};

use korgon_synth::{Config, Generator, Records, Size};

use crate::helpers::{profile, today};

fn generator(size: Size, seed: u64) -> Generator {
    Generator::new(&profile(), Config::new(seed, size, today())).unwrap()
}

/// A fingerprint of a stream: counts, a sample of records as JSON, and a hash per kind.
#[derive(Debug, PartialEq, Eq, Default)]
struct Fingerprint {
    persons: u64,
    cases: u64,
    sample: BTreeMap<(u8, u64), String>,
    hashes: [u64; 5],
}

fn fnv(hash: &mut u64, bytes: &[u8]) {
    for b in bytes {
        *hash ^= u64::from(*b);
        *hash = hash.wrapping_mul(0x100_0000_01b3);
    }
}

fn fingerprint(generator: &Generator, batch_size: usize) -> (Fingerprint, usize) {
    let mut print = Fingerprint {
        hashes: [0xcbf2_9ce4_8422_2325; 5],
        ..Fingerprint::default()
    };
    let mut batches = 0;
    for batch in generator.batches(batch_size) {
        batches += 1;
        for person in &batch.persons {
            let json = serde_json::to_string(person).unwrap();
            fnv(&mut print.hashes[0], json.as_bytes());
            if person.index % 997 == 0 {
                print.sample.insert((0, person.index), json);
            }
        }
        for case in &batch.cases {
            let json = serde_json::to_string(case).unwrap();
            fnv(&mut print.hashes[1], json.as_bytes());
            if case.index % 331 == 0 {
                print.sample.insert((1, case.index), json);
            }
        }
        for referral in &batch.referrals {
            fnv(
                &mut print.hashes[2],
                serde_json::to_string(referral).unwrap().as_bytes(),
            );
        }
        for proceeding in &batch.court {
            fnv(
                &mut print.hashes[3],
                serde_json::to_string(proceeding).unwrap().as_bytes(),
            );
        }
        for identity in &batch.identities {
            fnv(
                &mut print.hashes[4],
                serde_json::to_string(identity).unwrap().as_bytes(),
            );
        }
        print.persons += batch.persons.len() as u64;
        print.cases += batch.cases.len() as u64;
    }
    (print, batches)
}

#[test]
fn a_large_stream_is_identical_at_any_batch_size() {
    let generator = generator(Size::Persons(40_000), 3);
    let (small_batches, many) = fingerprint(&generator, 997);
    let (big_batches, few) = fingerprint(&generator, 15_000);
    assert!(many > 30 && few <= 3, "{many} and {few} batches");
    assert!(small_batches.persons >= 40_000 && small_batches.persons < 40_020);
    assert!(small_batches.sample.len() > 40);
    assert_eq!(small_batches.hashes, big_batches.hashes);
    assert!(small_batches == big_batches, "the sampled records differ");
}

fn check_self_contained(batch: &Records, next_person: &mut u64, next_case: &mut u64) {
    let persons: HashSet<u64> = batch.persons.iter().map(|p| p.index).collect();
    let cases: HashSet<u64> = batch.cases.iter().map(|c| c.index).collect();
    for person in &batch.persons {
        assert_eq!(person.index, *next_person, "person indices are dense");
        *next_person += 1;
    }
    for case in &batch.cases {
        assert_eq!(case.index, *next_case, "case indices are dense");
        *next_case += 1;
        for party in &case.parties {
            assert!(persons.contains(&party.person));
        }
    }
    for referral in &batch.referrals {
        assert!(persons.contains(&referral.person));
        assert!(referral.case.is_none_or(|c| cases.contains(&c)));
    }
    for help in &batch.assistance {
        assert!(persons.contains(&help.person));
    }
    for proceeding in &batch.court {
        assert!(cases.contains(&proceeding.case));
        assert!(
            proceeding
                .defendants
                .iter()
                .all(|d| persons.contains(&d.person))
        );
    }
    for identity in &batch.identities {
        assert!(identity.persons.iter().all(|p| persons.contains(p)));
    }
}

#[test]
fn every_batch_refers_only_to_its_own_records() {
    let generator = generator(Size::Small, 9);
    let (mut next_person, mut next_case) = (0, 0);
    let mut count = 0;
    for batch in generator.batches(40) {
        assert!(!batch.persons.is_empty());
        check_self_contained(&batch, &mut next_person, &mut next_case);
        count += 1;
    }
    assert!(count > 5, "{count} batches");
    assert_eq!(next_case, 70, "small is 70 cases");
}

#[test]
fn the_whole_dataset_is_the_concatenation_of_the_batches() {
    let generator = generator(Size::Small, 4);
    let dataset = generator.dataset();
    let mut joined = Records::default();
    generator
        .for_each_batch(50, |batch| {
            joined.extend(batch);
            Ok::<(), ()>(())
        })
        .unwrap();
    assert_eq!(
        serde_json::to_string(&dataset.records).unwrap(),
        serde_json::to_string(&joined).unwrap()
    );
}

#[test]
fn a_failing_persist_stops_the_stream() {
    let generator = generator(Size::Small, 4);
    let mut seen = 0;
    let result = generator.for_each_batch(20, |_| {
        seen += 1;
        if seen == 2 { Err("disk full") } else { Ok(()) }
    });
    assert_eq!(result, Err("disk full"));
    assert_eq!(seen, 2);
}
