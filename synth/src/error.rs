//! The generator's errors.

use std::path::PathBuf;

/// What can go wrong while generating or writing synthetic data.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// The generator knows Kyrgyz names, PINs and agencies only.
    #[error("the synthetic data generator supports the Kyrgyz profile only, not `{0}`")]
    UnsupportedProfile(String),
    /// The duplicate rate is outside 0..=0.6.
    #[error("the duplicate rate must be between 0 and 0.6, got {0}")]
    DuplicateRate(f64),
    /// A file could not be written.
    #[error("could not write {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The XLSX writer failed.
    #[error("could not write the spreadsheet {path}: {source}")]
    Xlsx {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: rust_xlsxwriter::XlsxError,
    },
    /// The CSV writer failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Text meant for a windows-1251 file holds a character that encoding lacks.
    #[error("a value cannot be encoded in windows-1251")]
    Encoding,
}
