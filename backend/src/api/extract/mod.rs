//! Request extractors that answer bad input in Korgon's error shape, naming the field.

mod actor;
mod json;
mod optional_json;
mod path;
mod query;

pub use actor::ClientAddr;
pub use json::Json;
pub use optional_json::OptionalJson;
pub use path::Path;
pub use query::Query;

/// The field a deserialisation error is about: the error's path, or — for a missing field,
/// which serde reports at the enclosing object — the missing field itself; `root` names the
/// whole input (`body`, `query`).
pub(crate) fn error_field(path: &str, message: &str, root: &str) -> String {
    let missing = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(name, _)| name);
    match (path, missing) {
        (".", Some(name)) => name.to_owned(),
        (".", None) => root.to_owned(),
        (path, Some(name)) => format!("{path}.{name}"),
        (path, None) => path.to_owned(),
    }
}

/// Removes values that a deserialisation message may quote (`invalid type: string "…"`,
/// `unknown variant `…``), so that a PIN or a name sent in the wrong place is not echoed.
pub(crate) fn sanitize_message(message: &str) -> String {
    let message = match message.find(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    let mut out = String::with_capacity(message.len());
    let mut in_quotes = false;
    for c in message.chars() {
        match c {
            '"' if !in_quotes => in_quotes = true,
            '"' => {
                in_quotes = false;
                out.push_str("(value withheld)");
            }
            _ if in_quotes => {}
            _ => out.push(c),
        }
    }
    if out.starts_with("invalid type: ") || out.starts_with("invalid value: ") {
        // `integer `22801199000123`` would echo a PIN sent as a number.
        let mut kept = String::with_capacity(out.len());
        let mut in_ticks = false;
        for c in out.chars() {
            match c {
                '`' if !in_ticks => {
                    // `integer `1`, expected` → `integer, expected`: the space goes too.
                    if kept.ends_with(' ') {
                        kept.pop();
                    }
                    in_ticks = true;
                }
                '`' => in_ticks = false,
                _ if in_ticks => {}
                _ => kept.push(c),
            }
        }
        return kept.replace(" ,", ",").replace("  ", " ");
    }
    if let Some(rest) = out.strip_prefix("unknown variant `")
        && let Some(end) = rest.find('`')
    {
        return format!("unknown value{}", &rest[end + 1..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize_message;

    #[test]
    fn missing_fields_are_named() {
        use super::error_field;
        assert_eq!(error_field(".", "missing field `title`", "body"), "title");
        assert_eq!(
            error_field("articles[0]", "missing field `edition`", "body"),
            "articles[0].edition"
        );
        assert_eq!(error_field(".", "invalid type: map", "body"), "body");
        assert_eq!(error_field("limit", "invalid digit", "query"), "limit");
    }

    #[test]
    fn quoted_values_are_withheld() {
        assert_eq!(
            sanitize_message(
                "invalid type: string \"22801199000123\", expected u16 at line 1 column 9"
            ),
            "invalid type: string (value withheld), expected u16"
        );
        assert_eq!(
            sanitize_message(
                "unknown variant `Aigul`, expected one of `female`, `male`, `unknown`"
            ),
            "unknown value, expected one of `female`, `male`, `unknown`"
        );
        assert_eq!(
            sanitize_message("missing field `title`"),
            "missing field `title`"
        );
        assert_eq!(
            sanitize_message("invalid type: integer `22801199000123`, expected a string"),
            "invalid type: integer, expected a string"
        );
    }
}
