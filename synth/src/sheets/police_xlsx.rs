//! A police register in XLSX: one row per victim or suspect of each case, Russian headers,
//! the full name in one column, dates as Excel dates (a fifth of the rows as text).

use std::path::Path;

use korgon_domain::{CountryProfile, PartyRole, Sex};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::dirt::{Columns, apply};
use super::labels::{article_ru, citizenship_ru, full_name, region_police, sex_ru};
use super::rows::{
    Cell, SheetRow, birth_cell, dates_as_text, persons_by_index, rewrite_names, truth,
};
use super::{SheetOptions, SheetTruth};
use crate::error::SynthError;
use crate::model::{Dataset, VariationKind};
use crate::rng::{Stream, chance, rng_for};
use crate::scenario::form_label;
use crate::translit::keyboard_fold;

/// The worksheet's name.
pub const POLICE_SHEET_NAME: &str = "Реестр";

/// The header row.
pub const POLICE_HEADERS: [&str; 12] = [
    "№",
    "Фамилия Имя Отчество",
    "Дата рождения",
    "Пол",
    "ПИН",
    "Гражданство",
    "Статья УК КР",
    "Регион",
    "Дата регистрации",
    "Форма эксплуатации",
    "Процессуальное положение",
    "Номер дела",
];

fn position(role: PartyRole, sex: Sex) -> &'static str {
    match (role, sex) {
        (PartyRole::Victim, Sex::Female) => "потерпевшая",
        (PartyRole::Victim, _) => "потерпевший",
        (_, Sex::Female) => "подозреваемая",
        _ => "подозреваемый",
    }
}

fn rows(dataset: &Dataset, profile: &CountryProfile, options: &SheetOptions) -> Vec<SheetRow> {
    let mut rng = rng_for(options.seed, Stream::Sheet(1), 0);
    let persons = persons_by_index(&dataset.records);
    let mut rows = Vec::new();
    for case in &dataset.records.cases {
        if options
            .agency
            .as_ref()
            .is_some_and(|a| *a != case.owner_agency)
        {
            continue;
        }
        let region = profile
            .regions()
            .iter()
            .find(|r| r.code == case.input.region);
        let articles: Vec<String> = case.input.articles.iter().map(article_ru).collect();
        let forms: Vec<&str> = case
            .input
            .exploitation_forms
            .iter()
            .map(|f| form_label(*f))
            .collect();
        for party in &case.parties {
            let Some(person) = persons.get(&party.person) else {
                continue;
            };
            if !matches!(party.role, PartyRole::Victim | PartyRole::Suspect) {
                continue;
            }
            let input = &person.input;
            let mut row_truth = truth(person.identity, person.index, Some(case.index));
            // Old Russian keyboards have no ү, ө, ң.
            let name = if chance(&mut rng, 0.4) {
                let (parts, variations) =
                    rewrite_names(input, VariationKind::KeyboardFold, keyboard_fold);
                row_truth.variations = variations;
                parts
                    .iter()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                full_name(input)
            };
            let number = u32::try_from(rows.len() + 1).unwrap_or(u32::MAX);
            let cells = vec![
                Cell::Number(number),
                Cell::Text(name),
                birth_cell(input),
                Cell::Text(sex_ru(&mut rng, input.sex).to_owned()),
                Cell::text(input.pin.as_deref()),
                Cell::text(input.citizenship.as_deref().map(citizenship_ru)),
                Cell::Text(articles.join("; ")),
                region.map_or(Cell::Text(case.input.region.clone()), |r| {
                    Cell::Text(region_police(&mut rng, r))
                }),
                case.input
                    .opened_on
                    .as_deref()
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                    .map_or(Cell::Empty, Cell::Date),
                Cell::Text(forms.join(", ")),
                Cell::Text(position(party.role, input.sex).to_owned()),
                Cell::text(case.input.reference.as_deref()),
            ];
            let mut row = SheetRow::new(cells, row_truth);
            if chance(&mut rng, 0.2) {
                dates_as_text(&mut row);
            }
            rows.push(row);
        }
    }
    let columns = Columns {
        names: &[1],
        birth: 2,
        pin: Some(4),
    };
    apply(&mut rng, rows, options.dirt_rate, columns, 2)
}

fn save(path: &Path, rows: &[SheetRow]) -> Result<(), XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(POLICE_SHEET_NAME)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for (column, header) in POLICE_HEADERS.iter().enumerate() {
        let column = u16::try_from(column).unwrap_or(0);
        sheet.write_string_with_format(0, column, *header, &bold)?;
    }
    for (column, width) in [5, 40, 14, 6, 16, 14, 34, 26, 16, 36, 18, 16]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(u16::try_from(column).unwrap_or(0), width)?;
    }
    for row in rows {
        let r = row.truth.row - 1;
        for (column, cell) in row.cells.iter().enumerate() {
            let column = u16::try_from(column).unwrap_or(0);
            match cell {
                Cell::Text(text) => {
                    sheet.write_string(r, column, text)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(r, column, f64::from(*n))?;
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let excel = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        u8::try_from(d.month()).unwrap_or(1),
                        u8::try_from(d.day()).unwrap_or(1),
                    )?;
                    sheet.write_datetime_with_format(r, column, &excel, &date)?;
                }
                Cell::Empty => {}
            }
        }
    }
    workbook.save(path)
}

/// Writes the police register of `dataset` (the cases of `options.agency`, or of every
/// police unit) to `path` and returns its ground truth.
pub fn write_police_xlsx(
    path: &Path,
    dataset: &Dataset,
    profile: &CountryProfile,
    options: &SheetOptions,
) -> Result<SheetTruth, SynthError> {
    let rows = rows(dataset, profile, options);
    save(path, &rows).map_err(|source| SynthError::Xlsx {
        path: path.to_owned(),
        source,
    })?;
    Ok(SheetTruth {
        headers: POLICE_HEADERS.iter().map(|h| (*h).to_owned()).collect(),
        rows: rows.into_iter().map(|r| r.truth).collect(),
    })
}
