//! Shared fixtures: the fixed "today", the profile, and datasets generated once per run.

use std::sync::OnceLock;

use chrono::NaiveDate;
use korgon_domain::CountryProfile;
use korgon_synth::{Config, Dataset, PersonRecord, Size, generate};

/// The fixed reference date of every test.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

/// The Kyrgyz profile.
pub fn profile() -> CountryProfile {
    CountryProfile::kyrgyzstan()
}

/// A dataset of `size` from `seed`.
pub fn dataset(size: Size, seed: u64) -> Dataset {
    generate(&profile(), Config::new(seed, size, today())).unwrap()
}

/// The medium dataset of seed 7, generated once for the whole test binary.
pub fn medium() -> &'static Dataset {
    static MEDIUM: OnceLock<Dataset> = OnceLock::new();
    MEDIUM.get_or_init(|| dataset(Size::Medium, 7))
}

/// The small dataset of seed 11, generated once.
pub fn small() -> &'static Dataset {
    static SMALL: OnceLock<Dataset> = OnceLock::new();
    SMALL.get_or_init(|| dataset(Size::Small, 11))
}

/// The person record with `index`.
pub fn person(dataset: &Dataset, index: u64) -> &PersonRecord {
    dataset
        .records
        .persons
        .iter()
        .find(|p| p.index == index)
        .unwrap()
}

/// Restricted Damerau–Levenshtein distance (optimal string alignment) over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[test]
fn edit_distance_counts_swaps_as_one() {
    assert_eq!(edit_distance("Асанбеков", "Аснабеков"), 1);
    assert_eq!(edit_distance("Асанбеков", "Асанбков"), 1);
    assert_eq!(edit_distance("abc", "abc"), 0);
    assert_eq!(edit_distance("Aigul", "Ayguul"), 2);
}
