//! Court proceedings: one decision of one court instance on a case and, per defendant, the
//! articles charged, the verdict and the sentence. Prosecutors record them.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::case::{Article, ArticleInput, validate_articles};
use crate::dates;
use crate::error::{FieldError, FieldErrors};
use crate::profile::CountryProfile;
use crate::text;

/// The longest court case number accepted (`1-245/2024`, `ВС-17/2025`).
pub const MAX_COURT_CASE_NUMBER: usize = 64;
/// The most defendants one decision may list.
pub const MAX_DEFENDANTS: usize = 50;
/// The longest sentence accepted, in months.
pub const MAX_SENTENCE_MONTHS: u16 = 600;

/// The court instance that decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CourtInstance {
    /// First instance (district court).
    First,
    /// Appeal (regional or city court).
    Appeal,
    /// Cassation at the Supreme Court.
    Supreme,
}

impl CourtInstance {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            CourtInstance::First => "first",
            CourtInstance::Appeal => "appeal",
            CourtInstance::Supreme => "supreme",
        }
    }
}

/// The decision on one defendant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Found guilty (a sentence is given).
    Convicted,
    /// Found not guilty.
    Acquitted,
    /// Proceedings ended without a verdict (reconciliation, amnesty…).
    Dismissed,
    /// Sent back to the prosecutor.
    Returned,
}

impl Verdict {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Convicted => "convicted",
            Verdict::Acquitted => "acquitted",
            Verdict::Dismissed => "dismissed",
            Verdict::Returned => "returned",
        }
    }
}

/// The kind of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SentenceKind {
    /// Imprisonment, for `months`; may be suspended.
    Imprisonment,
    /// Probation, for `months`.
    Probation,
    /// A fine (no months).
    Fine,
}

impl SentenceKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::Imprisonment => "imprisonment",
            SentenceKind::Probation => "probation",
            SentenceKind::Fine => "fine",
        }
    }
}

macro_rules! from_str_via_serde {
    ($($ty:ty => $what:literal),*) => {$(
        impl std::str::FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                serde_json::from_value(serde_json::Value::String(s.to_owned()))
                    .map_err(|_| format!("unknown {} `{s}`", $what))
            }
        }
    )*};
}
from_str_via_serde!(CourtInstance => "court instance", Verdict => "verdict", SentenceKind => "sentence kind");

/// A sentence as the client writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SentenceInput {
    /// `imprisonment`, `probation` or `fine`.
    pub kind: SentenceKind,
    /// Length in months: required for imprisonment and probation, absent for a fine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u16>,
    /// A suspended (conditional) sentence; imprisonment only.
    #[serde(default)]
    pub suspended: bool,
}

/// One defendant as the client writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DefendantInput {
    /// The person: a suspect in the case.
    pub person_id: Uuid,
    /// The articles the decision is on, each with its edition (at least one).
    pub articles: Vec<ArticleInput>,
    /// The verdict.
    pub verdict: Verdict,
    /// The sentence: required exactly when convicted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<SentenceInput>,
}

/// The body of `POST /api/v1/cases/{id}/court-proceedings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CourtProceedingInput {
    /// Code of the court (an agency of kind `court`).
    pub court_agency: String,
    /// The court's own case number (`1-245/2024`).
    pub court_case_number: String,
    /// `first`, `appeal` or `supreme`.
    pub instance: CourtInstance,
    /// Day of the decision, `YYYY-MM-DD` (not in the future).
    pub decision_date: String,
    /// One entry per defendant (at least one).
    pub defendants: Vec<DefendantInput>,
}

/// A validated sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Kind.
    pub kind: SentenceKind,
    /// Months, for imprisonment and probation.
    pub months: Option<u16>,
    /// Suspended (imprisonment only).
    pub suspended: bool,
}

/// A validated defendant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDefendant {
    /// The person.
    pub person_id: Uuid,
    /// The articles.
    pub articles: Vec<Article>,
    /// The verdict.
    pub verdict: Verdict,
    /// The sentence, exactly when convicted.
    pub sentence: Option<Sentence>,
}

/// A validated court proceeding. Whether the court exists and the defendants are suspects
/// of the case is for the backend to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCourtProceeding {
    /// Court agency code, trimmed and upper-cased.
    pub court_agency: String,
    /// Court case number.
    pub court_case_number: String,
    /// Instance.
    pub instance: CourtInstance,
    /// Decision date.
    pub decision_date: NaiveDate,
    /// Defendants.
    pub defendants: Vec<NewDefendant>,
}

fn validate_sentence(
    errors: &mut FieldErrors,
    field: &str,
    verdict: Verdict,
    sentence: Option<&SentenceInput>,
) -> Option<Sentence> {
    let sentence = match (verdict, sentence) {
        (Verdict::Convicted, None) => {
            errors.push(FieldError::new(field, "is required when convicted"));
            return None;
        }
        (Verdict::Convicted, Some(s)) => s,
        (_, Some(_)) => {
            errors.push(FieldError::new(field, "is given only when convicted"));
            return None;
        }
        (_, None) => return None,
    };
    let before = errors.0.len();
    match (sentence.kind, sentence.months) {
        (SentenceKind::Fine, Some(_)) => errors.push(FieldError::new(
            format!("{field}.months"),
            "is not given for a fine",
        )),
        (SentenceKind::Imprisonment | SentenceKind::Probation, None) => errors.push(
            FieldError::new(format!("{field}.months"), "is required for this kind"),
        ),
        (_, Some(months)) if months == 0 || months > MAX_SENTENCE_MONTHS => {
            errors.push(FieldError::new(
                format!("{field}.months"),
                format!("must be between 1 and {MAX_SENTENCE_MONTHS}"),
            ))
        }
        _ => {}
    }
    if sentence.suspended && sentence.kind != SentenceKind::Imprisonment {
        errors.push(FieldError::new(
            format!("{field}.suspended"),
            "applies to imprisonment only",
        ));
    }
    (errors.0.len() == before).then_some(Sentence {
        kind: sentence.kind,
        months: sentence.months,
        suspended: sentence.suspended,
    })
}

impl CourtProceedingInput {
    /// Validates every field against `profile`, collecting all errors.
    pub fn validate(
        self,
        profile: &CountryProfile,
        today: NaiveDate,
    ) -> Result<NewCourtProceeding, FieldErrors> {
        let mut errors = FieldErrors::new();
        let court_agency = errors.take(
            crate::agency::AgencyCode::parse("court_agency", &self.court_agency)
                .map(|c| c.as_str().to_owned()),
        );
        let court_case_number = errors.take(text::bounded(
            "court_case_number",
            &self.court_case_number,
            MAX_COURT_CASE_NUMBER,
            false,
        ));
        let decision_date = errors.take(dates::parse_past_date(
            "decision_date",
            &self.decision_date,
            today,
        ));
        if self.defendants.is_empty() {
            errors.push(FieldError::new(
                "defendants",
                "must list at least one defendant",
            ));
        } else if self.defendants.len() > MAX_DEFENDANTS {
            errors.push(FieldError::new(
                "defendants",
                format!("must list at most {MAX_DEFENDANTS} defendants"),
            ));
        }
        let mut seen = BTreeSet::new();
        let mut defendants = Vec::with_capacity(self.defendants.len());
        for (i, input) in self.defendants.iter().enumerate().take(MAX_DEFENDANTS) {
            let field = format!("defendants[{i}]");
            if !seen.insert(input.person_id) {
                errors.push(FieldError::new(
                    format!("{field}.person_id"),
                    "is listed twice",
                ));
            }
            let before = errors.0.len();
            let mut article_errors = FieldErrors::new();
            let articles = validate_articles(&mut article_errors, profile, &input.articles);
            for e in article_errors.0 {
                errors.push(e.nested(&field));
            }
            if input.articles.is_empty() {
                errors.push(FieldError::new(
                    format!("{field}.articles"),
                    "must list at least one article",
                ));
            }
            let sentence = validate_sentence(
                &mut errors,
                &format!("{field}.sentence"),
                input.verdict,
                input.sentence.as_ref(),
            );
            if errors.0.len() == before {
                defendants.push(NewDefendant {
                    person_id: input.person_id,
                    articles,
                    verdict: input.verdict,
                    sentence,
                });
            }
        }
        errors.finish(|| {
            Some(NewCourtProceeding {
                court_agency: court_agency?,
                court_case_number: court_case_number?,
                instance: self.instance,
                decision_date: decision_date?,
                defendants,
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

    fn input() -> CourtProceedingInput {
        serde_json::from_value(serde_json::json!({
            "court_agency": "court-bishkek-pervomai",
            "court_case_number": "1-245/2024",
            "instance": "first",
            "decision_date": "2024-05-02",
            "defendants": [{
                "person_id": Uuid::nil(),
                "articles": [{"edition": 2021, "article": "166", "part": "2"}],
                "verdict": "convicted",
                "sentence": {"kind": "imprisonment", "months": 96}
            }]
        }))
        .unwrap()
    }

    #[test]
    fn a_valid_decision() {
        let p = input()
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap();
        assert_eq!(p.court_agency, "COURT-BISHKEK-PERVOMAI");
        assert_eq!(p.defendants[0].sentence.unwrap().months, Some(96));
    }

    #[test]
    fn errors_name_their_fields() {
        let mut bad = input();
        bad.decision_date = "2027-01-01".into();
        bad.defendants[0].sentence = None;
        bad.defendants[0].articles[0].article = "999".into();
        let mut second = bad.defendants[0].clone();
        second.verdict = Verdict::Acquitted;
        second.sentence = Some(SentenceInput {
            kind: SentenceKind::Fine,
            months: Some(3),
            suspended: true,
        });
        bad.defendants.push(second);
        let errors = bad
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "decision_date",
                "defendants[0].articles[0].article",
                "defendants[0].sentence",
                "defendants[1].person_id",
                "defendants[1].articles[0].article",
                "defendants[1].sentence",
            ]
        );
    }

    #[test]
    fn sentence_rules() {
        let mut fine = input();
        fine.defendants[0].sentence = Some(SentenceInput {
            kind: SentenceKind::Fine,
            months: Some(12),
            suspended: true,
        });
        let errors = fine
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "defendants[0].sentence.months",
                "defendants[0].sentence.suspended"
            ]
        );
        assert_eq!("appeal".parse::<CourtInstance>(), Ok(CourtInstance::Appeal));
        assert!("retrial".parse::<Verdict>().is_err());
    }
}
