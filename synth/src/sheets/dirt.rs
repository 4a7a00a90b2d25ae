//! Realistic dirt in a small share of rows: empty rows, extra spaces, impossible dates,
//! 13-digit PINs, rows entered twice.

use serde::Serialize;

use rand::RngExt;

use super::rows::{Cell, SheetRow};
use crate::rng::{SynthRng, chance, pick};

/// One kind of dirt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Dirt {
    /// The row is empty (a blank line, or a row of empty cells).
    EmptyRow,
    /// The name has leading, trailing and doubled spaces.
    ExtraSpaces,
    /// The date of birth is impossible (`31.02.1998`, `14.13.1990`).
    BadDate,
    /// The PIN lost a digit (13 digits).
    ShortPin,
    /// The row repeats an earlier row exactly.
    DuplicateRow {
        /// The row it repeats.
        of_row: u32,
    },
}

const KINDS: [u8; 5] = [0, 1, 2, 3, 4];

/// Which columns dirt may touch.
#[derive(Debug, Clone, Copy)]
pub(super) struct Columns {
    /// The name columns (extra spaces).
    pub names: &'static [usize],
    /// The date of birth.
    pub birth: usize,
    /// The PIN, if the sheet has one.
    pub pin: Option<usize>,
}

fn spaced(text: &str) -> String {
    format!("  {}  ", text.split(' ').collect::<Vec<_>>().join("  "))
}

fn bad_date(rng: &mut SynthRng, year: &str) -> String {
    match pick(rng, &[0, 1, 2]) {
        0 => format!("31.02.{year}"),
        1 => format!("14.13.{year}"),
        _ => format!("00.05.{year}"),
    }
}

/// True when `kind` can spoil `row` (a PIN to shorten, a date to break, a name to space).
fn eligible(row: &SheetRow, kind: u8, columns: Columns) -> bool {
    let cell = |column: Option<usize>| column.and_then(|c| row.cells.get(c));
    match kind {
        1 => matches!(cell(columns.names.first().copied()), Some(Cell::Text(t)) if !t.is_empty()),
        2 => matches!(
            cell(Some(columns.birth)),
            Some(Cell::Date(_) | Cell::Text(_))
        ),
        3 => matches!(cell(columns.pin), Some(Cell::Text(t)) if t.len() == 14),
        _ => true,
    }
}

/// Applies `kind` to `row` in place (for the kinds that change a row, when
/// [`eligible`]); false when the row has nothing to spoil for that kind.
fn spoil(rng: &mut SynthRng, row: &mut SheetRow, kind: u8, columns: Columns) -> bool {
    match kind {
        1 => {
            let Some(&column) = columns.names.first() else {
                return false;
            };
            match row.cells.get_mut(column) {
                Some(Cell::Text(name)) if !name.is_empty() => {
                    *name = spaced(name);
                    row.truth.dirt.push(Dirt::ExtraSpaces);
                    true
                }
                _ => false,
            }
        }
        2 => {
            let year = match row.cells.get(columns.birth) {
                Some(Cell::Date(date)) => date.format("%Y").to_string(),
                Some(Cell::Text(text)) => match text.get(text.len().saturating_sub(4)..) {
                    Some(year) if year.len() == 4 => year.to_owned(),
                    _ => return false,
                },
                _ => return false,
            };
            row.cells[columns.birth] = Cell::Text(bad_date(rng, &year));
            row.truth.dirt.push(Dirt::BadDate);
            row.truth.date_as_text = true;
            true
        }
        3 => {
            let Some(column) = columns.pin else {
                return false;
            };
            match row.cells.get_mut(column) {
                Some(Cell::Text(pin)) if pin.len() == 14 => {
                    let drop = rng.random_range(1..pin.len());
                    pin.remove(drop);
                    row.truth.dirt.push(Dirt::ShortPin);
                    true
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Spoils a `rate` share of `rows` (at least one row of each kind the sheet's columns allow
/// when there are 20 rows or more), numbers every row from `first_row`, and returns the rows in file order.
pub(super) fn apply(
    rng: &mut SynthRng,
    rows: Vec<SheetRow>,
    rate: f64,
    columns: Columns,
    first_row: u32,
) -> Vec<SheetRow> {
    let count = rows.len();
    let mut plan: Vec<Option<u8>> = rows
        .iter()
        .map(|row| {
            let kinds: Vec<u8> = KINDS
                .into_iter()
                .filter(|k| eligible(row, *k, columns))
                .collect();
            chance(rng, rate.clamp(0.0, 0.5)).then(|| *pick(rng, &kinds))
        })
        .collect();
    if count >= 20 {
        for kind in KINDS {
            if !plan.contains(&Some(kind)) {
                let free: Vec<usize> = (0..count)
                    .filter(|i| plan[*i].is_none() && eligible(&rows[*i], kind, columns))
                    .collect();
                if !free.is_empty() {
                    plan[*pick(rng, &free)] = Some(kind);
                }
            }
        }
    }
    let mut out = Vec::with_capacity(count + count / 10);
    let mut next_row = first_row;
    let mut number = |row: &mut SheetRow| {
        row.truth.row = next_row;
        next_row += 1;
    };
    for (mut row, kind) in rows.into_iter().zip(plan) {
        match kind {
            Some(0) => {
                let mut blank = SheetRow::blank(row.cells.len());
                number(&mut blank);
                out.push(blank);
            }
            Some(4) => {}
            Some(kind) => {
                spoil(rng, &mut row, kind, columns);
            }
            None => {}
        }
        number(&mut row);
        let duplicate = (kind == Some(4)).then(|| {
            let mut copy = row.clone();
            copy.truth.dirt.push(Dirt::DuplicateRow {
                of_row: row.truth.row,
            });
            copy
        });
        out.push(row);
        if let Some(mut copy) = duplicate {
            number(&mut copy);
            out.push(copy);
        }
    }
    out
}
