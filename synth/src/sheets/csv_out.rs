//! Writing rows as CSV text (both NGO files).

use super::rows::SheetRow;
use crate::error::SynthError;

/// One CSV record, quoted where needed, with a CRLF line end.
fn line<I, T>(fields: I, delimiter: u8) -> Result<String, SynthError>
where
    I: IntoIterator<Item = T>,
    T: AsRef<[u8]>,
{
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(fields)?;
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    String::from_utf8(bytes).map_err(|_| SynthError::Encoding)
}

/// The CSV text of `headers` and `rows`, CRLF line ends; dates as `date_format`. An empty
/// row becomes a bare line ending or a row of empty fields, alternately.
pub(super) fn csv_text(
    headers: &[&str],
    rows: &[SheetRow],
    delimiter: u8,
    date_format: &str,
) -> Result<String, SynthError> {
    let mut text = line(headers, delimiter)?;
    let mut blanks = 0;
    for row in rows {
        if row.is_blank() {
            blanks += 1;
            if blanks % 2 == 1 {
                text.push_str("\r\n");
                continue;
            }
        }
        text.push_str(&line(
            row.cells.iter().map(|c| c.to_csv(date_format)),
            delimiter,
        )?);
    }
    Ok(text)
}

/// Writes `bytes` to `path`.
pub(super) fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), SynthError> {
    std::fs::write(path, bytes).map_err(|source| SynthError::Io {
        path: path.to_owned(),
        source,
    })
}
