//! The roles a person plays in a case, and what is recorded for each.

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, FieldErrors};
use crate::text::{self, limits};

/// A person's role in one case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    /// A victim of trafficking.
    Victim,
    /// A suspect (later a defendant).
    Suspect,
    /// A witness.
    Witness,
    /// Whoever reported the crime.
    Reporter,
}

impl PartyRole {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            PartyRole::Victim => "victim",
            PartyRole::Suspect => "suspect",
            PartyRole::Witness => "witness",
            PartyRole::Reporter => "reporter",
        }
    }
}

impl std::str::FromStr for PartyRole {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        serde_json::from_value(serde_json::Value::String(s.to_owned()))
            .map_err(|_| format!("unknown party role `{s}`"))
    }
}

/// Role details: for a victim, age at exploitation, means of control and recruitment; for a
/// suspect, the relation to the victim. Free text is bounded; unknown keys are refused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PartyDetails {
    /// Victim: age in years when the exploitation began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age_at_exploitation: Option<u8>,
    /// Victim: how the victim was controlled (debt bondage, confiscated documents, threats…).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub means_of_control: Vec<String>,
    /// Victim: how the victim was recruited (job offer abroad, marriage proposal, kidnapping…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recruitment: Option<String>,
    /// Suspect: relation to the victim (stranger, relative, employer, spouse…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation_to_victim: Option<String>,
}

impl PartyDetails {
    /// Checks the details fit `role` and their texts are bounded.
    pub fn validate(self, role: PartyRole) -> Result<PartyDetails, FieldErrors> {
        let mut errors = FieldErrors::new();
        let victim_only = self.age_at_exploitation.is_some()
            || !self.means_of_control.is_empty()
            || self.recruitment.is_some();
        if role != PartyRole::Victim && victim_only {
            errors.push(FieldError::new(
                "details",
                "age_at_exploitation, means_of_control and recruitment apply to victims only",
            ));
        }
        if role != PartyRole::Suspect && self.relation_to_victim.is_some() {
            errors.push(FieldError::new(
                "details.relation_to_victim",
                "applies to suspects only",
            ));
        }
        if self.age_at_exploitation.is_some_and(|age| age > 120) {
            errors.push(FieldError::new(
                "details.age_at_exploitation",
                "must be at most 120",
            ));
        }
        if self.means_of_control.len() > 10 {
            errors.push(FieldError::new(
                "details.means_of_control",
                "must list at most 10 items",
            ));
        }
        let means: Vec<String> = self
            .means_of_control
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                errors.take(text::bounded(
                    &format!("details.means_of_control[{i}]"),
                    m,
                    limits::TITLE,
                    false,
                ))
            })
            .collect();
        let recruitment = errors
            .take(text::optional(
                "details.recruitment",
                self.recruitment.as_deref(),
                limits::REASON,
                true,
            ))
            .flatten();
        let relation = errors
            .take(text::optional(
                "details.relation_to_victim",
                self.relation_to_victim.as_deref(),
                limits::TITLE,
                false,
            ))
            .flatten();
        errors.finish(|| {
            Some(PartyDetails {
                age_at_exploitation: self.age_at_exploitation,
                means_of_control: means,
                recruitment,
                relation_to_victim: relation,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn victim_details_belong_to_victims() {
        let details = PartyDetails {
            age_at_exploitation: Some(16),
            ..Default::default()
        };
        assert!(details.clone().validate(PartyRole::Victim).is_ok());
        let err = details.validate(PartyRole::Suspect).unwrap_err();
        assert_eq!(err.0[0].field, "details");
        let rel = PartyDetails {
            relation_to_victim: Some("employer".into()),
            ..Default::default()
        };
        assert!(rel.clone().validate(PartyRole::Suspect).is_ok());
        assert!(rel.validate(PartyRole::Witness).is_err());
    }
}
