//! Another NGO's beneficiary list: UTF-8 CSV (with a byte-order mark, as Excel writes it),
//! comma-separated, English headers, names in Latin letters in one of several
//! transliterations, DD/MM/YYYY dates, no patronymic.

use std::path::Path;

use korgon_domain::{CountryProfile, Sex};

use super::csv_out::{csv_text, write_file};
use super::dirt::{Columns, apply};
use super::labels::{country_en, form_en, region_latin};
use super::rows::{Cell, SheetRow, birth_cell, rewrite_names, truth};
use super::{SheetOptions, SheetTruth};
use crate::error::SynthError;
use crate::model::{Dataset, VariationKind};
use crate::rng::{Stream, chance, rng_for, weighted};
use crate::translit::{TranslitSystem, transliterate};

/// The header row.
pub const NGO_LATIN_HEADERS: [&str; 11] = [
    "No",
    "Surname",
    "Name",
    "Date of birth",
    "Sex",
    "Citizenship",
    "Phone",
    "Region",
    "Date of first contact",
    "Type of exploitation",
    "Country of destination",
];

const SYSTEMS: [(TranslitSystem, u32); 5] = [
    (TranslitSystem::Icao, 35),
    (TranslitSystem::KyrgyzLatin, 25),
    (TranslitSystem::Informal, 25),
    (TranslitSystem::BgnPcgn, 10),
    (TranslitSystem::Lookalike, 5),
];

fn rows(dataset: &Dataset, profile: &CountryProfile, options: &SheetOptions) -> Vec<SheetRow> {
    let mut rng = rng_for(options.seed, Stream::Sheet(3), 0);
    let mut seen = std::collections::HashSet::new();
    let mut rows = Vec::new();
    for person in &dataset.records.persons {
        // One row per victim, from their first record, for about half of the victims.
        let wanted = match &options.agency {
            Some(agency) => *agency == person.agency,
            None => true,
        };
        if person.exploitation.is_none()
            || !wanted
            || !seen.insert(person.identity)
            || !chance(&mut rng, 0.5)
        {
            continue;
        }
        let input = &person.input;
        let system = weighted(&mut rng, &SYSTEMS);
        let mut row_truth = truth(person.identity, person.index, None);
        let ([family, given, _], variations) =
            rewrite_names(input, VariationKind::Translit { system }, |n| {
                transliterate(n, system)
            });
        row_truth.variations = variations
            .into_iter()
            .filter(|v| v.field != crate::model::NameField::Patronymic)
            .collect();
        let region = profile
            .regions()
            .iter()
            .find(|r| r.code == person.home_region);
        let sex = match input.sex {
            Sex::Female => "F",
            Sex::Male => "M",
            Sex::Unknown => "",
        };
        let number = u32::try_from(rows.len() + 1).unwrap_or(u32::MAX);
        let cells = vec![
            Cell::Number(number),
            Cell::text(family.as_deref()),
            Cell::text(given.as_deref()),
            birth_cell(input),
            Cell::Text(sex.to_owned()),
            Cell::text(input.citizenship.as_deref().map(country_en)),
            Cell::text(input.phone.as_deref()),
            Cell::text(region.map(|r| region_latin(&mut rng, r)).as_deref()),
            Cell::Date(person.registered_on),
            Cell::text(person.exploitation.map(form_en)),
            Cell::text(person.destination.as_deref().map(country_en)),
        ];
        rows.push(SheetRow::new(cells, row_truth));
    }
    let columns = Columns {
        names: &[1],
        birth: 3,
        pin: None,
    };
    apply(&mut rng, rows, options.dirt_rate, columns, 2)
}

/// Writes the beneficiary list of `dataset` (about half of the victims, or of those recorded
/// by `options.agency`) to `path` in UTF-8 and returns its ground truth.
pub fn write_ngo_csv_latin(
    path: &Path,
    dataset: &Dataset,
    profile: &CountryProfile,
    options: &SheetOptions,
) -> Result<SheetTruth, SynthError> {
    let rows = rows(dataset, profile, options);
    let text = csv_text(&NGO_LATIN_HEADERS, &rows, b',', "%d/%m/%Y")?;
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    write_file(path, &bytes)?;
    Ok(SheetTruth {
        headers: NGO_LATIN_HEADERS.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows.into_iter().map(|r| r.truth).collect(),
    })
}
