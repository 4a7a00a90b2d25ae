//! Legacy spreadsheet and court-record import: the import issue fills this crate.
