//! The legacy spreadsheets read back with their headers and rows, carry the promised dirt,
//! and their ground truth points at the right individuals.

use calamine::{Data, Reader, Xlsx, open_workbook};
use korgon_synth::sheets::{
    Dirt, NGO_CP1251_HEADERS, NGO_LATIN_HEADERS, POLICE_HEADERS, POLICE_SHEET_NAME, SheetOptions,
    SheetTruth, write_ngo_csv_cp1251, write_ngo_csv_latin, write_police_xlsx,
};
use korgon_synth::translit::has_cyrillic;

use crate::helpers::{person, profile, small};

fn check_truth(truth: &SheetTruth, dirt_kinds: usize) {
    let d = small();
    for (i, row) in truth.rows.iter().enumerate() {
        assert_eq!(
            row.row as usize,
            i + 2,
            "rows are numbered after the header"
        );
        match row.person {
            Some(p) => assert_eq!(Some(person(d, p).identity), row.identity),
            None => assert_eq!(row.dirt, vec![Dirt::EmptyRow]),
        }
    }
    let kinds: std::collections::HashSet<_> = truth
        .dirty_rows()
        .flat_map(|r| r.dirt.iter().map(std::mem::discriminant))
        .collect();
    assert_eq!(
        kinds.len(),
        dirt_kinds,
        "every kind of dirt the columns allow is present"
    );
    let dirty = truth.dirty_rows().count() as f64 / truth.rows.len() as f64;
    assert!(dirty < 0.25, "{dirty}");
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_police_register_reads_back_with_excel_dates_and_text_dates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("police.xlsx");
    let truth = write_police_xlsx(&path, small(), &profile(), &SheetOptions::new(11)).unwrap();
    check_truth(&truth, 5);
    assert!(truth.rows.len() > 100);
    let mut workbook: Xlsx<_> = open_workbook(&path).unwrap();
    let range = workbook.worksheet_range(POLICE_SHEET_NAME).unwrap();
    assert_eq!(range.height(), truth.rows.len() + 1);
    let rows: Vec<&[Data]> = range.rows().collect();
    let headers: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(headers, POLICE_HEADERS);
    let (mut excel_dates, mut text_dates) = (0, 0);
    for (row, truth) in rows[1..].iter().zip(&truth.rows) {
        if truth.identity.is_none() {
            assert!(row.iter().all(|c| *c == Data::Empty));
            continue;
        }
        let name = text(&row[1]);
        assert!(name.split_whitespace().count() >= 2, "{name}");
        match &row[8] {
            Data::DateTime(date) => {
                assert!(!truth.date_as_text);
                assert!(date.as_datetime().is_some());
                excel_dates += 1;
            }
            Data::String(date) => {
                assert!(truth.date_as_text);
                chrono::NaiveDate::parse_from_str(date, "%d.%m.%Y").unwrap();
                text_dates += 1;
            }
            other => panic!("registration date {other:?}"),
        }
        if truth.dirt.contains(&Dirt::ShortPin) {
            assert_eq!(text(&row[4]).len(), 13);
        }
        if truth.dirt.contains(&Dirt::BadDate) {
            let bad = text(&row[2]);
            assert!(
                chrono::NaiveDate::parse_from_str(&bad, "%d.%m.%Y").is_err(),
                "{bad}"
            );
        }
        if let Some(Dirt::DuplicateRow { of_row }) = truth
            .dirt
            .iter()
            .find(|d| matches!(d, Dirt::DuplicateRow { .. }))
        {
            assert_eq!(*row, rows[(*of_row - 1) as usize]);
        }
    }
    assert!(
        excel_dates > text_dates && text_dates > 5,
        "{excel_dates} {text_dates}"
    );
}

#[test]
fn the_ngo_register_is_windows_1251_with_bilingual_headers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ngo.csv");
    let truth = write_ngo_csv_cp1251(&path, small(), &profile(), &SheetOptions::new(11)).unwrap();
    check_truth(&truth, 5);
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let (text, _, malformed) = encoding_rs::WINDOWS_1251.decode(&bytes);
    assert!(!malformed);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(lines[0].split(';').collect::<Vec<_>>(), NGO_CP1251_HEADERS);
    assert_eq!(
        lines.len(),
        truth.rows.len() + 2,
        "header, rows, and the final line end"
    );
    let profile = profile();
    let mut regions = 0;
    for (line, row) in lines[1..].iter().zip(&truth.rows) {
        if row.identity.is_none() {
            assert!(line.chars().all(|c| c == ';'), "{line}");
            continue;
        }
        let fields: Vec<&str> = line.split(';').collect();
        assert_eq!(fields.len(), NGO_CP1251_HEADERS.len(), "{line}");
        let home = &person(small(), row.person.unwrap()).home_region;
        if !fields[8].is_empty() {
            assert_eq!(
                profile.find_region(fields[8]).map(|r| r.code.as_str()),
                Some(home.as_str()),
                "{}",
                fields[8]
            );
            regions += 1;
        }
        if row.dirt.is_empty() && !fields[4].is_empty() && fields[4].len() != 4 {
            chrono::NaiveDate::parse_from_str(fields[4], "%d.%m.%Y").unwrap();
        }
    }
    assert!(regions > 20);
}

#[test]
fn the_latin_list_is_utf8_with_transliterated_names() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("partner.csv");
    let truth = write_ngo_csv_latin(&path, small(), &profile(), &SheetOptions::new(11)).unwrap();
    check_truth(&truth, 4);
    assert!(
        truth.rows.iter().all(|r| !r.dirt.contains(&Dirt::ShortPin)),
        "the list has no PIN column"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        NGO_LATIN_HEADERS
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let data_rows = truth.rows.iter().filter(|r| r.identity.is_some()).count();
    assert!(records.len() >= data_rows && data_rows > 40);
    for record in records.iter().filter(|r| r.len() > 1 && !r[1].is_empty()) {
        assert!(
            !has_cyrillic(&record[1]) && !has_cyrillic(&record[2]),
            "{record:?}"
        );
    }
    assert!(truth.rows.iter().any(|r| !r.variations.is_empty()));
}

#[test]
fn sheets_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    let options = SheetOptions::new(3);
    write_ngo_csv_latin(&a, small(), &profile(), &options).unwrap();
    write_ngo_csv_latin(&b, small(), &profile(), &options).unwrap();
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}
