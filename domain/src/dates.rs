//! Calendar dates as the API writes them (`YYYY-MM-DD`).

use chrono::NaiveDate;

use crate::error::FieldError;

/// The earliest date Korgon accepts anywhere (birth dates of the oldest living people).
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Parses `YYYY-MM-DD`, rejecting dates before 1900 and after `today`.
pub fn parse_past_date(
    field: &str,
    input: &str,
    today: NaiveDate,
) -> Result<NaiveDate, FieldError> {
    let date = NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| FieldError::new(field, "must be a valid date written YYYY-MM-DD"))?;
    if date < earliest() {
        return Err(FieldError::new(field, "must not be before 1900-01-01"));
    }
    if date > today {
        return Err(FieldError::new(field, "must not be in the future"));
    }
    Ok(date)
}

/// Today's date in UTC, the reference for "not in the future".
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_bounds_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        assert_eq!(
            parse_past_date("d", "2024-02-29", today).unwrap(),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
        assert!(parse_past_date("d", "2023-02-29", today).is_err());
        assert!(parse_past_date("d", "21.11.2026", today).is_err());
        assert!(
            parse_past_date("d", "2026-11-22", today)
                .unwrap_err()
                .message
                .contains("future")
        );
        assert!(parse_past_date("d", "1899-12-31", today).is_err());
    }
}
