//! The legacy spreadsheets agencies keep today, written from a dataset with the ground truth
//! of every row: which individual it is, which record it was copied from, how its names were
//! written, and which rows are dirty and why.
//!
//! - [`write_police_xlsx`]: a police register in XLSX, Russian headers, one "Фамилия Имя
//!   Отчество" column, dates mostly as Excel dates and some as text.
//! - [`write_ngo_csv_cp1251`]: an NGO register in windows-1251 CSV, `;`-separated, mixed
//!   Kyrgyz/Russian headers, DD.MM.YYYY dates, regions as free text.
//! - [`write_ngo_csv_latin`]: another NGO's UTF-8 CSV with names in Latin letters.
//!
//! The formats are described, with excerpts, in `docs/synthetic-data.md`.

mod csv_out;
mod dirt;
mod labels;
mod ngo_cp1251;
mod ngo_latin;
mod police_xlsx;
mod rows;

pub use dirt::Dirt;
pub use ngo_cp1251::{NGO_CP1251_HEADERS, write_ngo_csv_cp1251};
pub use ngo_latin::{NGO_LATIN_HEADERS, write_ngo_csv_latin};
pub use police_xlsx::{POLICE_HEADERS, POLICE_SHEET_NAME, write_police_xlsx};

use serde::Serialize;

use crate::model::Variation;

/// How a spreadsheet is written.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetOptions {
    /// Seed of the sheet's own choices (spellings, dirt); the dataset's seed by default.
    pub seed: u64,
    /// Share of data rows made dirty (0 to 0.5; default 0.04). A sheet of 20 rows or more
    /// always has at least one row of each kind of dirt.
    pub dirt_rate: f64,
    /// Only the records of this agency (all agencies of the right kind when `None`).
    pub agency: Option<String>,
}

impl SheetOptions {
    /// The defaults for a dataset generated with `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            dirt_rate: 0.04,
            agency: None,
        }
    }
}

/// The ground truth of one row of a written spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowTruth {
    /// The row (XLSX) or line (CSV) number as a spreadsheet program shows it; the header is 1.
    pub row: u32,
    /// The individual; `None` for an empty row.
    pub identity: Option<u64>,
    /// The person record the row was copied from.
    pub person: Option<u64>,
    /// The case the row belongs to (police register).
    pub case: Option<u64>,
    /// How the row departs from a clean copy; empty for a clean row.
    pub dirt: Vec<Dirt>,
    /// How the row's names were written differently from the source record.
    pub variations: Vec<Variation>,
    /// True when a date cell of the row holds text (`12.03.1998`) instead of an Excel date.
    pub date_as_text: bool,
}

/// What was written: the headers and the truth of every row after the header, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SheetTruth {
    /// The header cells.
    pub headers: Vec<String>,
    /// One entry per row after the header, empty rows and duplicate rows included.
    pub rows: Vec<RowTruth>,
}

impl SheetTruth {
    /// The rows that carry dirt.
    pub fn dirty_rows(&self) -> impl Iterator<Item = &RowTruth> {
        self.rows.iter().filter(|r| !r.dirt.is_empty())
    }
}
