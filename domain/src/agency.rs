//! Agencies: their codes and kinds.

use serde::{Deserialize, Serialize};

use crate::error::FieldError;

/// An agency code such as `MVD-BISHKEK`: 2–32 characters of `A-Z`, `0-9` and `-`, starting
/// with a letter or digit. Input is upper-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AgencyCode(String);

impl AgencyCode {
    /// Parses and upper-cases a code.
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let code = input.trim().to_ascii_uppercase();
        let valid_chars = code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if !(2..=32).contains(&code.len()) || !valid_chars || code.starts_with('-') {
            return Err(FieldError::new(
                field,
                "must be 2–32 characters of A-Z, 0-9 and '-', not starting with '-'",
            ));
        }
        Ok(Self(code))
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AgencyCode {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse("agency_code", &value).map_err(|e| e.message)
    }
}

impl From<AgencyCode> for String {
    fn from(value: AgencyCode) -> Self {
        value.0
    }
}

impl std::fmt::Display for AgencyCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What kind of body an agency is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// Police (MVD) units.
    Police,
    /// The prosecutor's office.
    Prosecutor,
    /// Courts.
    Court,
    /// Non-governmental organisations.
    Ngo,
    /// Ministries (labour and social development, foreign affairs…).
    Ministry,
    /// Shelters for victims.
    Shelter,
    /// Consulates abroad.
    Consulate,
    /// Anything else.
    Other,
}

impl AgencyKind {
    /// Every kind.
    pub const ALL: [AgencyKind; 8] = [
        AgencyKind::Police,
        AgencyKind::Prosecutor,
        AgencyKind::Court,
        AgencyKind::Ngo,
        AgencyKind::Ministry,
        AgencyKind::Shelter,
        AgencyKind::Consulate,
        AgencyKind::Other,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Police => "police",
            AgencyKind::Prosecutor => "prosecutor",
            AgencyKind::Court => "court",
            AgencyKind::Ngo => "ngo",
            AgencyKind::Ministry => "ministry",
            AgencyKind::Shelter => "shelter",
            AgencyKind::Consulate => "consulate",
            AgencyKind::Other => "other",
        }
    }
}

impl std::str::FromStr for AgencyKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AgencyKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = AgencyKind::ALL.iter().map(|k| k.as_str()).collect();
                format!(
                    "unknown agency kind `{s}`, expected one of: {}",
                    names.join(", ")
                )
            })
    }
}

impl std::fmt::Display for AgencyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_upper_cased_and_checked() {
        assert_eq!(
            AgencyCode::parse("c", " mvd-bishkek ").unwrap().as_str(),
            "MVD-BISHKEK"
        );
        assert!(AgencyCode::parse("c", "M").is_err());
        assert!(AgencyCode::parse("c", "-MVD").is_err());
        assert!(AgencyCode::parse("c", "MVD BISHKEK").is_err());
        assert!(AgencyCode::parse("c", &"A".repeat(33)).is_err());
    }

    #[test]
    fn kinds_parse() {
        assert_eq!(
            "shelter".parse::<AgencyKind>().unwrap(),
            AgencyKind::Shelter
        );
        assert!("army".parse::<AgencyKind>().is_err());
    }
}
