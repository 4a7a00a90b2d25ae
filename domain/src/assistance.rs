//! Assistance given to a victim (shelter, medical care, legal aid…): the records the
//! ministry's protection statistics count.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates;
use crate::error::{FieldError, FieldErrors};
use crate::text::{self, limits};

/// A kind of assistance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AssistanceKind {
    /// Accommodation in a shelter.
    Shelter,
    /// Medical care.
    Medical,
    /// Legal aid.
    Legal,
    /// Psychological support.
    Psychological,
    /// Return home from abroad.
    Repatriation,
    /// Reintegration (housing, work, family).
    Reintegration,
    /// Vocational training.
    Vocational,
    /// Anything else.
    Other,
}

impl AssistanceKind {
    /// Every kind.
    pub const ALL: [AssistanceKind; 8] = [
        AssistanceKind::Shelter,
        AssistanceKind::Medical,
        AssistanceKind::Legal,
        AssistanceKind::Psychological,
        AssistanceKind::Repatriation,
        AssistanceKind::Reintegration,
        AssistanceKind::Vocational,
        AssistanceKind::Other,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            AssistanceKind::Shelter => "shelter",
            AssistanceKind::Medical => "medical",
            AssistanceKind::Legal => "legal",
            AssistanceKind::Psychological => "psychological",
            AssistanceKind::Repatriation => "repatriation",
            AssistanceKind::Reintegration => "reintegration",
            AssistanceKind::Vocational => "vocational",
            AssistanceKind::Other => "other",
        }
    }
}

impl std::str::FromStr for AssistanceKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AssistanceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown kind of assistance `{s}`"))
    }
}

/// The body of `POST /api/v1/persons/{id}/assistance`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AssistanceInput {
    /// What was given. Required.
    #[serde(default)]
    pub kind: Option<AssistanceKind>,
    /// First day, `YYYY-MM-DD`, not in the future. Required.
    #[serde(default)]
    pub started_on: Option<String>,
    /// Last day, not before `started_on` and not in the future; absent while it goes on.
    #[serde(default)]
    pub ended_on: Option<String>,
    /// Notes, visible only to the providing agency and to agencies with full access to the
    /// person (they may hold a shelter's location).
    #[serde(default)]
    pub notes: Option<String>,
}

/// A validated assistance record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAssistance {
    /// What was given.
    pub kind: AssistanceKind,
    /// First day.
    pub started_on: NaiveDate,
    /// Last day.
    pub ended_on: Option<NaiveDate>,
    /// Notes.
    pub notes: Option<String>,
}

impl AssistanceInput {
    /// Validates every field, collecting all errors.
    pub fn validate(self, today: NaiveDate) -> Result<NewAssistance, FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                "is required: shelter, medical, legal, psychological, repatriation, reintegration, vocational or other",
            ));
        }
        let started_on = match self.started_on.as_deref() {
            Some(v) if !v.trim().is_empty() => {
                errors.take(dates::parse_past_date("started_on", v, today))
            }
            _ => {
                errors.push(FieldError::new("started_on", "is required"));
                None
            }
        };
        let ended_on = match self.ended_on.as_deref() {
            Some(v) if !v.trim().is_empty() => {
                errors.take(dates::parse_past_date("ended_on", v, today))
            }
            _ => None,
        };
        if let (Some(start), Some(end)) = (started_on, ended_on)
            && end < start
        {
            errors.push(FieldError::new("ended_on", "must not be before started_on"));
        }
        let notes = errors
            .take(text::optional(
                "notes",
                self.notes.as_deref(),
                limits::LONG_TEXT,
                true,
            ))
            .flatten();
        errors.finish(|| {
            Some(NewAssistance {
                kind: self.kind?,
                started_on: started_on?,
                ended_on,
                notes,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn dates_are_ordered_and_past() {
        let ok = AssistanceInput {
            kind: Some(AssistanceKind::Shelter),
            started_on: Some("2026-10-01".into()),
            ended_on: Some("2026-11-01".into()),
            notes: None,
        };
        assert!(ok.validate(today()).is_ok());
        let reversed = AssistanceInput {
            kind: Some(AssistanceKind::Medical),
            started_on: Some("2026-10-01".into()),
            ended_on: Some("2026-09-01".into()),
            notes: None,
        };
        assert_eq!(
            reversed.validate(today()).unwrap_err().0[0].field,
            "ended_on"
        );
        let errors = AssistanceInput::default().validate(today()).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "started_on"]);
    }
}
