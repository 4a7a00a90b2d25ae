//! An NGO register as a windows-1251 CSV: `;`-separated, mixed Kyrgyz/Russian headers,
//! DD.MM.YYYY dates, regions as free text. windows-1251 has no ү, ө, ң, so Kyrgyz names
//! lose them (as they do in such files) and the row truth records it.

use std::path::Path;

use korgon_domain::{AgencyKind, CountryProfile};

use super::csv_out::{csv_text, write_file};
use super::dirt::{Columns, apply};
use super::labels::{assistance_ru, cp1251_safe, region_free, sex_mixed};
use super::rows::{Cell, SheetRow, birth_cell, rewrite_names, truth};
use super::{SheetOptions, SheetTruth};
use crate::error::SynthError;
use crate::model::{Dataset, VariationKind};
use crate::rng::{Stream, rng_for};
use crate::scenario::form_label;

/// The header row (as written, before encoding).
pub const NGO_CP1251_HEADERS: [&str; 13] = [
    "№",
    "Фамилиясы / Фамилия",
    "Аты / Имя",
    "Атасынын аты / Отчество",
    "Туулган куну / Дата рождения",
    "Жынысы / Пол",
    "ПИН",
    "Телефон",
    "Облусу / Область",
    "Дареги / Адрес",
    "Эксплуатациянын туру / Вид эксплуатации",
    "Кайрылган куну / Дата обращения",
    "Жардам / Помощь",
];

fn rows(dataset: &Dataset, profile: &CountryProfile, options: &SheetOptions) -> Vec<SheetRow> {
    let mut rng = rng_for(options.seed, Stream::Sheet(2), 0);
    let kinds: Vec<(&str, AgencyKind)> = dataset
        .agencies
        .iter()
        .map(|a| (a.code.as_str(), a.kind))
        .collect();
    let is_ngo = |code: &str| {
        kinds
            .iter()
            .any(|(c, k)| *c == code && matches!(k, AgencyKind::Ngo | AgencyKind::Shelter))
    };
    let mut rows = Vec::new();
    for person in &dataset.records.persons {
        let wanted = match &options.agency {
            Some(agency) => *agency == person.agency,
            None => is_ngo(&person.agency),
        };
        if !wanted {
            continue;
        }
        let input = &person.input;
        let mut row_truth = truth(person.identity, person.index, None);
        let ([family, given, patronymic], variations) =
            rewrite_names(input, VariationKind::KeyboardFold, cp1251_safe);
        row_truth.variations = variations;
        let help: Vec<&str> = dataset
            .records
            .assistance
            .iter()
            .filter(|a| a.person == person.index && a.provider_agency == person.agency)
            .map(|a| assistance_ru(a.kind))
            .collect();
        let region = profile
            .regions()
            .iter()
            .find(|r| r.code == person.home_region);
        let number = u32::try_from(rows.len() + 1).unwrap_or(u32::MAX);
        let cells = vec![
            Cell::Number(number),
            Cell::text(family.as_deref()),
            Cell::text(given.as_deref()),
            Cell::text(patronymic.as_deref()),
            birth_cell(input),
            Cell::Text(sex_mixed(&mut rng, input.sex).to_owned()),
            Cell::text(input.pin.as_deref()),
            Cell::text(input.phone.as_deref()),
            Cell::text(
                region
                    .map(|r| cp1251_safe(&region_free(&mut rng, r)))
                    .as_deref(),
            ),
            Cell::text(input.address.as_deref().map(cp1251_safe).as_deref()),
            Cell::text(person.exploitation.map(form_label)),
            Cell::Date(person.registered_on),
            Cell::Text(help.join(", ")),
        ];
        rows.push(SheetRow::new(cells, row_truth));
    }
    let columns = Columns {
        names: &[1],
        birth: 4,
        pin: Some(6),
    };
    apply(&mut rng, rows, options.dirt_rate, columns, 2)
}

/// Writes the NGO register of `dataset` (the records of `options.agency`, or of every NGO
/// and shelter) to `path` in windows-1251 and returns its ground truth.
pub fn write_ngo_csv_cp1251(
    path: &Path,
    dataset: &Dataset,
    profile: &CountryProfile,
    options: &SheetOptions,
) -> Result<SheetTruth, SynthError> {
    let rows = rows(dataset, profile, options);
    let text = csv_text(&NGO_CP1251_HEADERS, &rows, b';', "%d.%m.%Y")?;
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(&text);
    if unmappable {
        return Err(SynthError::Encoding);
    }
    write_file(path, &bytes)?;
    Ok(SheetTruth {
        headers: NGO_CP1251_HEADERS.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows.into_iter().map(|r| r.truth).collect(),
    })
}
