//! Bounded free text: trimmed, without control characters, within a length limit.

use crate::error::FieldError;

/// Maximum lengths, in characters, of the free-text fields.
pub mod limits {
    /// A name part (given, family, patronymic, one alias).
    pub const NAME: usize = 100;
    /// How many aliases one person may carry.
    pub const ALIASES: usize = 20;
    /// A case title.
    pub const TITLE: usize = 200;
    /// A place name.
    pub const PLACE: usize = 200;
    /// An address.
    pub const ADDRESS: usize = 500;
    /// A reason for a reclassification, a decline or a closure.
    pub const REASON: usize = 2_000;
    /// Notes on a person, a case summary, a response note.
    pub const LONG_TEXT: usize = 20_000;
    /// A display name of a user or agency.
    pub const DISPLAY_NAME: usize = 200;
}

/// Trims `value` and checks it is non-empty, free of control characters (tabs and newlines
/// allowed when `multiline`) and at most `max` characters long.
pub fn bounded(
    field: &str,
    value: &str,
    max: usize,
    multiline: bool,
) -> Result<String, FieldError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(FieldError::new(field, "must not be empty"));
    }
    let length = trimmed.chars().count();
    if length > max {
        return Err(FieldError::new(
            field,
            format!("must be at most {max} characters (got {length})"),
        ));
    }
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    if !trimmed.chars().all(allowed) {
        return Err(FieldError::new(
            field,
            "must not contain control characters",
        ));
    }
    Ok(trimmed.to_owned())
}

/// Like [`bounded`] for an optional field: absent or blank gives `None`.
pub fn optional(
    field: &str,
    value: Option<&str>,
    max: usize,
    multiline: bool,
) -> Result<Option<String>, FieldError> {
    match value {
        Some(v) if !v.trim().is_empty() => bounded(field, v, max, multiline).map(Some),
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_accepts_within_limit() {
        assert_eq!(bounded("title", "  Дело  ", 10, false).unwrap(), "Дело");
    }

    #[test]
    fn counts_characters_not_bytes() {
        // Six Cyrillic letters are twelve bytes but six characters.
        assert!(bounded("f", "Айгүль", 6, false).is_ok());
        let err = bounded("f", "Айгүль!", 6, false).unwrap_err();
        assert_eq!(err.field, "f");
        assert!(err.message.contains("at most 6"), "{}", err.message);
    }

    #[test]
    fn rejects_empty_and_control_characters() {
        assert_eq!(
            bounded("f", "   ", 5, false).unwrap_err().message,
            "must not be empty"
        );
        assert!(bounded("f", "a\u{0}b", 5, false).is_err());
        assert!(bounded("f", "a\nb", 5, false).is_err());
        assert!(bounded("f", "a\nb", 5, true).is_ok());
    }

    #[test]
    fn optional_blank_is_none() {
        assert_eq!(optional("f", Some("  "), 5, false).unwrap(), None);
        assert_eq!(optional("f", None, 5, false).unwrap(), None);
    }
}
