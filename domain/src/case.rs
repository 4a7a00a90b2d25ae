//! Cases: reference, narrative, classification (articles, forms, status) and places.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::country::CountryCode;
use crate::dates;
use crate::error::{FieldError, FieldErrors};
use crate::exploitation::ExploitationForm;
use crate::patch::Patch;
use crate::profile::{CountryProfile, RegionCode};
use crate::status::{CaseStatus, ClosureReason};
use crate::text::{self, limits};

pub use crate::profile::Article;

/// How many articles and countries one case may list.
const MAX_LIST: usize = 20;

/// A case reference such as `KG-2024-000123`: country, year opened, six-digit number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct CaseReference(String);

impl CaseReference {
    /// Parses a reference (upper-cased).
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let reference = input.trim().to_ascii_uppercase();
        let bytes = reference.as_bytes();
        let shape_ok = bytes.len() == 14
            && bytes[..2].iter().all(u8::is_ascii_uppercase)
            && bytes[2] == b'-'
            && bytes[3..7].iter().all(u8::is_ascii_digit)
            && bytes[7] == b'-'
            && bytes[8..].iter().all(u8::is_ascii_digit);
        if !shape_ok {
            return Err(FieldError::new(field, "must look like KG-2024-000123"));
        }
        Ok(Self(reference))
    }

    /// The reference numbered `number` in `year` for `country` (`KG`).
    pub fn generate(country: &str, year: i32, number: u32) -> Self {
        Self(format!("{country}-{year:04}-{number:06}"))
    }

    /// The reference as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An article as the client writes it: `{"edition": 2021, "article": "166", "part": "1"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    /// The year of the criminal code's edition (2021, 2017, 1997).
    pub edition: u16,
    /// The article number (`166`, `124-1`).
    pub article: String,
    /// The part of the article, if cited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

impl From<&Article> for ArticleInput {
    fn from(article: &Article) -> Self {
        Self {
            edition: article.edition(),
            article: article.article().to_owned(),
            part: article.part().map(str::to_owned),
        }
    }
}

/// The body of `POST /api/v1/cases`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CaseInput {
    /// A reference to keep (legacy cases); generated when absent.
    #[serde(default)]
    pub reference: Option<String>,
    /// A short title.
    pub title: String,
    /// The narrative.
    #[serde(default)]
    pub summary: Option<String>,
    /// ISO 3166-2 region code (`KG-C`).
    pub region: String,
    /// Town, village or district.
    #[serde(default)]
    pub place: Option<String>,
    /// Forms of exploitation.
    #[serde(default)]
    pub exploitation_forms: Vec<ExploitationForm>,
    /// Criminal-code articles, each with its edition.
    #[serde(default)]
    pub articles: Vec<ArticleInput>,
    /// First day of the incident, `YYYY-MM-DD`.
    #[serde(default)]
    pub incident_from: Option<String>,
    /// Last day of the incident, `YYYY-MM-DD`.
    #[serde(default)]
    pub incident_to: Option<String>,
    /// True when the exploitation crossed a border.
    #[serde(default)]
    pub transnational: bool,
    /// Other countries involved (ISO 3166-1 alpha-2).
    #[serde(default)]
    pub countries: Vec<String>,
    /// Date the case was opened, `YYYY-MM-DD`; today when absent.
    #[serde(default)]
    pub opened_on: Option<String>,
}

/// A validated new case (status `registered`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCase {
    /// A kept reference, or `None` to generate one.
    pub reference: Option<CaseReference>,
    /// Title.
    pub title: String,
    /// Narrative.
    pub summary: Option<String>,
    /// Region.
    pub region: RegionCode,
    /// Place.
    pub place: Option<String>,
    /// Forms of exploitation.
    pub exploitation_forms: BTreeSet<ExploitationForm>,
    /// Articles.
    pub articles: Vec<Article>,
    /// Incident start.
    pub incident_from: Option<NaiveDate>,
    /// Incident end.
    pub incident_to: Option<NaiveDate>,
    /// Crossed a border.
    pub transnational: bool,
    /// Other countries involved.
    pub countries: Vec<CountryCode>,
    /// Opening date.
    pub opened_on: NaiveDate,
}

impl NewCase {
    /// The year the reference is numbered in.
    pub fn reference_year(&self) -> i32 {
        self.opened_on.year()
    }
}

fn optional_date(
    errors: &mut FieldErrors,
    field: &str,
    value: Option<&str>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    match value {
        Some(v) if !v.trim().is_empty() => errors.take(dates::parse_past_date(field, v, today)),
        _ => None,
    }
}

/// Validates a list of articles: each known to the profile, none twice.
pub fn validate_articles(
    errors: &mut FieldErrors,
    profile: &CountryProfile,
    articles: &[ArticleInput],
) -> Vec<Article> {
    if articles.len() > MAX_LIST {
        errors.push(FieldError::new(
            "articles",
            format!("must list at most {MAX_LIST} articles"),
        ));
        return Vec::new();
    }
    let mut seen = BTreeSet::new();
    let mut valid = Vec::new();
    for (i, input) in articles.iter().enumerate() {
        let field = format!("articles[{i}]");
        if let Some(article) = errors.take(profile.parse_article(&field, input)) {
            if seen.insert(ArticleInput::from(&article)) {
                valid.push(article);
            } else {
                errors.push(FieldError::new(field, "is listed twice"));
            }
        }
    }
    valid
}

/// Validates a list of countries involved.
pub fn validate_countries(errors: &mut FieldErrors, countries: &[String]) -> Vec<CountryCode> {
    if countries.len() > MAX_LIST {
        errors.push(FieldError::new(
            "countries",
            format!("must list at most {MAX_LIST} countries"),
        ));
        return Vec::new();
    }
    let mut valid: Vec<CountryCode> = countries
        .iter()
        .enumerate()
        .filter_map(|(i, c)| errors.take(CountryCode::parse(&format!("countries[{i}]"), c)))
        .collect();
    valid.sort();
    valid.dedup();
    valid
}

fn check_incident_order(errors: &mut FieldErrors, from: Option<NaiveDate>, to: Option<NaiveDate>) {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        errors.push(FieldError::new(
            "incident_to",
            "must not be before incident_from",
        ));
    }
}

impl CaseInput {
    /// Validates every field against `profile`, collecting all errors.
    pub fn validate(
        self,
        profile: &CountryProfile,
        today: NaiveDate,
    ) -> Result<NewCase, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reference = match self.reference.as_deref() {
            Some(r) if !r.trim().is_empty() => errors.take(CaseReference::parse("reference", r)),
            _ => None,
        };
        let title = errors.take(text::bounded("title", &self.title, limits::TITLE, false));
        let summary = errors
            .take(text::optional(
                "summary",
                self.summary.as_deref(),
                limits::LONG_TEXT,
                true,
            ))
            .flatten();
        let region = errors.take(profile.parse_region("region", &self.region));
        let place = errors
            .take(text::optional(
                "place",
                self.place.as_deref(),
                limits::PLACE,
                false,
            ))
            .flatten();
        let articles = validate_articles(&mut errors, profile, &self.articles);
        let countries = validate_countries(&mut errors, &self.countries);
        let incident_from = optional_date(
            &mut errors,
            "incident_from",
            self.incident_from.as_deref(),
            today,
        );
        let incident_to = optional_date(
            &mut errors,
            "incident_to",
            self.incident_to.as_deref(),
            today,
        );
        check_incident_order(&mut errors, incident_from, incident_to);
        let opened_on = match self.opened_on.as_deref() {
            Some(v) if !v.trim().is_empty() => {
                errors.take(dates::parse_past_date("opened_on", v, today))
            }
            _ => Some(today),
        };
        errors.finish(|| {
            Some(NewCase {
                reference,
                title: title?,
                summary,
                region: region?,
                place,
                exploitation_forms: self.exploitation_forms.into_iter().collect(),
                articles,
                incident_from,
                incident_to,
                transnational: self.transnational,
                countries,
                opened_on: opened_on?,
            })
        })
    }
}

/// The body of `PATCH /api/v1/cases/{id}`: `version`, the fields to change and, when articles,
/// forms of exploitation or status change, the `reason`.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CasePatchInput {
    /// The version the client last read; a stale version is refused with 409.
    pub version: i64,
    /// Why the classification changes; required when articles, forms or status change.
    #[serde(default)]
    pub reason: Option<String>,
    /// New title.
    #[serde(default)]
    pub title: Option<String>,
    /// New narrative, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub summary: Patch<String>,
    /// New region.
    #[serde(default)]
    pub region: Option<String>,
    /// New place, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub place: Patch<String>,
    /// The complete new set of forms of exploitation.
    #[serde(default)]
    pub exploitation_forms: Option<Vec<ExploitationForm>>,
    /// The complete new list of articles.
    #[serde(default)]
    pub articles: Option<Vec<ArticleInput>>,
    /// New status (see the lifecycle in `docs/api.md`).
    #[serde(default)]
    pub status: Option<CaseStatus>,
    /// Required when the status becomes `closed`.
    #[serde(default)]
    pub closure_reason: Option<ClosureReason>,
    /// New incident start, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub incident_from: Patch<String>,
    /// New incident end, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub incident_to: Patch<String>,
    /// New transnational flag.
    #[serde(default)]
    pub transnational: Option<bool>,
    /// The complete new list of countries involved.
    #[serde(default)]
    pub countries: Option<Vec<String>>,
}

/// A validated change to a case. Whether it may be applied (lifecycle, reason, permissions)
/// depends on the stored case and is decided by the backend.
#[derive(Debug, Clone, Default)]
pub struct CasePatch {
    /// The version the client last read.
    pub version: i64,
    /// Reason for a reclassification.
    pub reason: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Narrative.
    pub summary: Patch<String>,
    /// Region.
    pub region: Option<RegionCode>,
    /// Place.
    pub place: Patch<String>,
    /// Forms of exploitation.
    pub exploitation_forms: Option<BTreeSet<ExploitationForm>>,
    /// Articles.
    pub articles: Option<Vec<Article>>,
    /// Status.
    pub status: Option<CaseStatus>,
    /// Closure reason.
    pub closure_reason: Option<ClosureReason>,
    /// Incident start.
    pub incident_from: Patch<NaiveDate>,
    /// Incident end.
    pub incident_to: Patch<NaiveDate>,
    /// Transnational flag.
    pub transnational: Option<bool>,
    /// Countries involved.
    pub countries: Option<Vec<CountryCode>>,
}

impl CasePatch {
    /// True when the patch touches the narrative (title, summary, places, dates, countries):
    /// fields only the owning agency and full-grant investigators may edit.
    pub fn touches_narrative(&self) -> bool {
        self.title.is_some()
            || self.summary.is_present()
            || self.region.is_some()
            || self.place.is_present()
            || self.incident_from.is_present()
            || self.incident_to.is_present()
            || self.transnational.is_some()
            || self.countries.is_some()
    }

    /// Names of the fields this patch sends, for the audit log (names only, never values).
    pub fn sent_fields(&self) -> Vec<&'static str> {
        [
            (self.title.is_some(), "title"),
            (self.summary.is_present(), "summary"),
            (self.region.is_some(), "region"),
            (self.place.is_present(), "place"),
            (self.exploitation_forms.is_some(), "exploitation_forms"),
            (self.articles.is_some(), "articles"),
            (self.status.is_some(), "status"),
            (self.closure_reason.is_some(), "closure_reason"),
            (self.incident_from.is_present(), "incident_from"),
            (self.incident_to.is_present(), "incident_to"),
            (self.transnational.is_some(), "transnational"),
            (self.countries.is_some(), "countries"),
        ]
        .into_iter()
        .filter_map(|(sent, name)| sent.then_some(name))
        .collect()
    }
}

impl CasePatchInput {
    /// Validates every sent field against `profile`, collecting all errors.
    pub fn validate(
        self,
        profile: &CountryProfile,
        today: NaiveDate,
    ) -> Result<CasePatch, FieldErrors> {
        let mut errors = FieldErrors::new();
        let reason = errors
            .take(text::optional(
                "reason",
                self.reason.as_deref(),
                limits::REASON,
                true,
            ))
            .flatten();
        let title = self
            .title
            .as_deref()
            .and_then(|t| errors.take(text::bounded("title", t, limits::TITLE, false)));
        let summary = errors
            .take(
                self.summary
                    .try_map(|s| text::bounded("summary", &s, limits::LONG_TEXT, true)),
            )
            .unwrap_or_default();
        let region = self
            .region
            .as_deref()
            .and_then(|r| errors.take(profile.parse_region("region", r)));
        let place = errors
            .take(
                self.place
                    .try_map(|s| text::bounded("place", &s, limits::PLACE, false)),
            )
            .unwrap_or_default();
        let articles = self
            .articles
            .as_deref()
            .map(|a| validate_articles(&mut errors, profile, a));
        let countries = self
            .countries
            .as_deref()
            .map(|c| validate_countries(&mut errors, c));
        let incident_from = errors
            .take(
                self.incident_from
                    .try_map(|d| dates::parse_past_date("incident_from", &d, today)),
            )
            .unwrap_or_default();
        let incident_to = errors
            .take(
                self.incident_to
                    .try_map(|d| dates::parse_past_date("incident_to", &d, today)),
            )
            .unwrap_or_default();
        if let (Patch::Set(from), Patch::Set(to)) = (&incident_from, &incident_to) {
            check_incident_order(&mut errors, Some(*from), Some(*to));
        }
        if self.closure_reason.is_some() && self.status != Some(CaseStatus::Closed) {
            errors.push(FieldError::new(
                "closure_reason",
                "may only be sent with status \"closed\"",
            ));
        }
        if self.status == Some(CaseStatus::Closed) && self.closure_reason.is_none() {
            errors.push(FieldError::new(
                "closure_reason",
                "is required to close a case",
            ));
        }
        let patch = CasePatch {
            version: self.version,
            reason,
            title,
            summary,
            region,
            place,
            exploitation_forms: self.exploitation_forms.map(|f| f.into_iter().collect()),
            articles,
            status: self.status,
            closure_reason: self.closure_reason,
            incident_from,
            incident_to,
            transnational: self.transnational,
            countries,
        };
        if patch.sent_fields().is_empty() && errors.is_empty() {
            errors.push(FieldError::new("body", "names no field to change"));
        }
        if errors.is_empty() {
            Ok(patch)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn input() -> CaseInput {
        serde_json::from_value(serde_json::json!({
            "title": "Ала качуу, Нарын",
            "region": "KG-N",
            "exploitation_forms": ["forced_marriage"],
            "articles": [{"edition": 2021, "article": "172", "part": "1"}],
            "opened_on": "2024-03-02"
        }))
        .unwrap()
    }

    #[test]
    fn references() {
        assert_eq!(
            CaseReference::parse("r", "kg-2024-000123")
                .unwrap()
                .as_str(),
            "KG-2024-000123"
        );
        assert!(CaseReference::parse("r", "KG-24-123").is_err());
        assert_eq!(
            CaseReference::generate("KG", 2025, 7).as_str(),
            "KG-2025-000007"
        );
    }

    #[test]
    fn a_valid_case() {
        let case = input()
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap();
        assert_eq!(case.region.as_str(), "KG-N");
        assert_eq!(case.reference_year(), 2024);
        assert_eq!(case.articles.len(), 1);
    }

    #[test]
    fn unknown_region_and_article_name_their_fields() {
        let mut bad = input();
        bad.region = "KG-X".into();
        bad.articles.push(ArticleInput {
            edition: 2021,
            article: "999".into(),
            part: None,
        });
        bad.articles.push(ArticleInput {
            edition: 1961,
            article: "124".into(),
            part: None,
        });
        bad.incident_from = Some("2024-05-01".into());
        bad.incident_to = Some("2024-04-01".into());
        let errors = bad
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "region",
                "articles[1].article",
                "articles[2].edition",
                "incident_to"
            ]
        );
    }

    #[test]
    fn duplicate_articles_are_refused() {
        let mut bad = input();
        bad.articles.push(bad.articles[0].clone());
        let errors = bad
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap_err();
        assert_eq!(errors.0[0].field, "articles[1]");
    }

    #[test]
    fn closing_needs_a_closure_reason() {
        let patch: CasePatchInput = serde_json::from_value(
            serde_json::json!({"version": 1, "status": "closed", "reason": "x"}),
        )
        .unwrap();
        let errors = patch
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap_err();
        assert_eq!(errors.0[0].field, "closure_reason");
    }

    #[test]
    fn narrative_and_classification_are_told_apart() {
        let patch: CasePatchInput = serde_json::from_value(
            serde_json::json!({"version": 1, "articles": [], "reason": "requalified"}),
        )
        .unwrap();
        let patch = patch
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap();
        assert!(!patch.touches_narrative());
        assert_eq!(patch.sent_fields(), ["articles"]);
    }
}
