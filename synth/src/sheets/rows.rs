//! A spreadsheet row before it is written: cells and truth.

use chrono::NaiveDate;

use super::RowTruth;

/// One cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cell {
    /// Text (also dates written as text).
    Text(String),
    /// A date (an Excel date in XLSX; formatted by the CSV writers).
    Date(NaiveDate),
    /// A whole number.
    Number(u32),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text, or empty when `value` is `None`.
    pub(super) fn text(value: Option<&str>) -> Cell {
        value.map_or(Cell::Empty, |v| Cell::Text(v.to_owned()))
    }

    /// The cell as CSV text, dates in `date_format` (chrono syntax).
    pub(super) fn to_csv(&self, date_format: &str) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Date(date) => date.format(date_format).to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A row with its truth.
#[derive(Debug, Clone)]
pub(super) struct SheetRow {
    pub cells: Vec<Cell>,
    pub truth: RowTruth,
}

impl SheetRow {
    /// A data row.
    pub(super) fn new(cells: Vec<Cell>, truth: RowTruth) -> Self {
        Self { cells, truth }
    }

    /// An empty row of `width` cells.
    pub(super) fn blank(width: usize) -> Self {
        Self {
            cells: vec![Cell::Empty; width],
            truth: RowTruth {
                row: 0,
                identity: None,
                person: None,
                case: None,
                dirt: vec![super::Dirt::EmptyRow],
                variations: Vec::new(),
                date_as_text: false,
            },
        }
    }

    /// True when every cell is empty.
    pub(super) fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| *c == Cell::Empty)
    }
}

/// The truth of a clean data row copied from `person` (of `identity`, in `case`).
pub(super) fn truth(identity: u64, person: u64, case: Option<u64>) -> RowTruth {
    RowTruth {
        row: 0,
        identity: Some(identity),
        person: Some(person),
        case,
        dirt: Vec::new(),
        variations: Vec::new(),
        date_as_text: false,
    }
}

/// Person records by index.
pub(super) fn persons_by_index(
    records: &crate::model::Records,
) -> std::collections::HashMap<u64, &crate::model::PersonRecord> {
    records.persons.iter().map(|p| (p.index, p)).collect()
}

/// The record's (family, given, patronymic) rewritten with `write`, and the variations of
/// `kind` that records for each part that changed.
pub(super) fn rewrite_names(
    input: &korgon_domain::PersonInput,
    kind: crate::model::VariationKind,
    write: impl Fn(&str) -> String,
) -> ([Option<String>; 3], Vec<crate::model::Variation>) {
    use crate::model::{NameField, Variation};
    let parts = [
        (NameField::FamilyName, &input.family_name),
        (NameField::GivenName, &input.given_name),
        (NameField::Patronymic, &input.patronymic),
    ];
    let mut variations = Vec::new();
    let written = parts.map(|(field, value)| {
        value.as_deref().map(|v| {
            let after = write(v);
            if after != v {
                variations.push(Variation {
                    field,
                    kind,
                    before: Some(v.to_owned()),
                    after: Some(after.clone()),
                });
            }
            after
        })
    });
    (written, variations)
}

/// A record's date of birth as a cell: a date, a bare year as text, or nothing.
pub(super) fn birth_cell(input: &korgon_domain::PersonInput) -> Cell {
    match input.date_of_birth.as_deref() {
        Some(text) if text.len() == 4 => Cell::Text(text.to_owned()),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_or(Cell::Empty, Cell::Date),
        None => Cell::Empty,
    }
}

/// Turns the date cells of a row into `DD.MM.YYYY` text.
pub(super) fn dates_as_text(row: &mut SheetRow) {
    for cell in &mut row.cells {
        if let Cell::Date(date) = cell {
            *cell = Cell::Text(date.format("%d.%m.%Y").to_string());
        }
    }
    row.truth.date_as_text = true;
}
