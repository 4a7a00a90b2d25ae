//! Referrals: one agency hands a victim to another (police, shelter, NGO, consulate…) with the
//! victim's consent.
//!
//! Consent is machine-readable: who gave it (the victim, a guardian when the victim is a minor,
//! or nobody — then the referral is anonymous and no identity travels), when, and its scope
//! (`identity` or `full`). The receiving agency gets access to the person only when it accepts,
//! and only as far as the scope allows.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::agency::AgencyCode;
use crate::dates;
use crate::error::{FieldError, FieldErrors};
use crate::person::{DateOfBirth, DobPrecision, PersonName};
use crate::profile::{CountryProfile, RegionCode};
use crate::text::{self, limits};

/// Generates `as_str`, `ALL`, `Display` and `FromStr` for a snake_case code enum.
macro_rules! codes {
    ($ty:ident, $what:literal, { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The stored name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $ty::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| format!(concat!("unknown ", $what, " `{}`"), s))
            }
        }
    };
}

/// What a referred victim needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// A place in a shelter.
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
}

codes!(Need, "need", {
    Shelter => "shelter",
    Medical => "medical",
    Legal => "legal",
    Psychological => "psychological",
    Repatriation => "repatriation",
    Reintegration => "reintegration",
});

/// How soon the receiving agency should act.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Can wait.
    Low,
    /// Usual (the default).
    #[default]
    Normal,
    /// Within days.
    High,
    /// Today (a minor, a victim still held).
    Critical,
}

codes!(Urgency, "urgency", {
    Low => "low",
    Normal => "normal",
    High => "high",
    Critical => "critical",
});

/// Who consented to the referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentGiver {
    /// The victim (an adult).
    Victim,
    /// A parent or guardian; required when the victim is a minor.
    Guardian,
    /// Nobody: the referral is anonymous and carries no identity.
    None,
}

codes!(ConsentGiver, "consent giver", {
    Victim => "victim",
    Guardian => "guardian",
    None => "none",
});

/// What the consent allows the receiving agency to see once it accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ConsentScope {
    /// Names, aliases, sex, birth date, PIN and citizenship (a `read` grant on the person).
    Identity,
    /// Identity plus the protected fields: telephone, address, notes (a `full` grant).
    Full,
}

codes!(ConsentScope, "consent scope", {
    Identity => "identity",
    Full => "full",
});

/// Where a referral stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    /// Sent, awaiting an answer.
    Submitted,
    /// Taken on by the receiving agency.
    Accepted,
    /// Refused by the receiving agency, with a reason.
    Declined,
    /// Taken back by the sending agency before an answer.
    Withdrawn,
    /// Finished after acceptance.
    Closed,
}

codes!(ReferralStatus, "referral status", {
    Submitted => "submitted",
    Accepted => "accepted",
    Declined => "declined",
    Withdrawn => "withdrawn",
    Closed => "closed",
});

impl ReferralStatus {
    /// Whether the flow allows moving from `self` to `next`: `submitted` → `accepted` |
    /// `declined` | `withdrawn`; `accepted` → `closed`.
    pub fn may_become(self, next: ReferralStatus) -> bool {
        use ReferralStatus::*;
        matches!(
            (self, next),
            (Submitted, Accepted | Declined | Withdrawn) | (Accepted, Closed)
        )
    }

    /// True once the receiving agency took the referral on (accepted, later closed).
    pub fn was_accepted(self) -> bool {
        matches!(self, ReferralStatus::Accepted | ReferralStatus::Closed)
    }
}

/// The consent record as the client sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ConsentInput {
    /// `victim`, `guardian` (required for a minor) or `none` (anonymous referral). Required.
    #[serde(default)]
    pub given_by: Option<ConsentGiver>,
    /// When consent was given, `YYYY-MM-DD`, not in the future; required unless `given_by`
    /// is `none`.
    #[serde(default)]
    pub given_on: Option<String>,
    /// `identity` or `full`; required unless `given_by` is `none` (then it must be absent).
    #[serde(default)]
    pub scope: Option<ConsentScope>,
    /// The guardian's name; required exactly when `given_by` is `guardian`. Personal data:
    /// shown to the sending agency, and to the receiving agency only after it accepts.
    #[serde(default)]
    pub guardian_name: Option<String>,
}

/// A validated consent record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// Who consented.
    pub given_by: ConsentGiver,
    /// When (absent only for an anonymous referral).
    pub given_on: Option<NaiveDate>,
    /// What it allows (absent exactly for an anonymous referral).
    pub scope: Option<ConsentScope>,
    /// The guardian, when a guardian consented.
    pub guardian_name: Option<PersonName>,
}

impl Consent {
    /// True when nobody consented: no identity may travel.
    pub fn is_anonymous(&self) -> bool {
        self.given_by == ConsentGiver::None
    }

    /// Refuses consent given by the victim when the victim was a minor on the day of consent.
    ///
    /// With a year-only birth date the victim counts as a minor while they could have been
    /// one (born on 31 December of that year); an unknown birth date cannot be checked.
    pub fn check_guardian(&self, dob: Option<&DateOfBirth>) -> Result<(), FieldError> {
        let (ConsentGiver::Victim, Some(on), Some(dob)) = (self.given_by, self.given_on, dob)
        else {
            return Ok(());
        };
        if may_be_minor_on(dob, on) {
            return Err(FieldError::new(
                "consent.given_by",
                "must be `guardian`: the victim was under 18 on the day of consent, so a parent or guardian consents",
            ));
        }
        Ok(())
    }
}

/// Whether the person may have been under 18 on `on`: with a year-only birth date, while
/// they could have been (born on 31 December of that year).
pub fn may_be_minor_on(dob: &DateOfBirth, on: NaiveDate) -> bool {
    latest_age_on(dob, on) < 18
}

/// Whole years from `birth` to `on`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// The youngest the person can be on `on`: a year-only birth date counts from 31 December.
fn latest_age_on(dob: &DateOfBirth, on: NaiveDate) -> i32 {
    let birth = match dob.precision() {
        DobPrecision::Year => {
            NaiveDate::from_ymd_opt(dob.date().year(), 12, 31).unwrap_or(dob.date())
        }
        _ => dob.date(),
    };
    age_on(birth, on)
}

/// The age band shown to a receiving agency instead of a birth date: `0-11`, `12-17`,
/// `18-24`, `25-34`, `35-49` or `50+` (the youngest possible age for a year-only date).
pub fn age_band(dob: &DateOfBirth, on: NaiveDate) -> &'static str {
    match latest_age_on(dob, on) {
        ..=11 => "0-11",
        12..=17 => "12-17",
        18..=24 => "18-24",
        25..=34 => "25-34",
        35..=49 => "35-49",
        _ => "50+",
    }
}

/// The body of `POST /api/v1/referrals`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferralInput {
    /// Code of the receiving agency (not your own). Required.
    #[serde(default)]
    pub to_agency: Option<String>,
    /// The victim, a person your agency can see. Required. Never shown to the receiver of an
    /// anonymous referral.
    #[serde(default)]
    pub person_id: Option<Uuid>,
    /// A case to attach (your agency owns it or holds a full grant on it).
    #[serde(default)]
    pub case_id: Option<Uuid>,
    /// Why the victim is referred. Required. The receiver reads it before accepting, so it
    /// must not contain the person's name, PIN or contacts.
    #[serde(default)]
    pub reason: Option<String>,
    /// What the victim needs (any of shelter, medical, legal, psychological, repatriation,
    /// reintegration).
    #[serde(default)]
    pub needs: Vec<Need>,
    /// `low`, `normal` (default), `high` or `critical`.
    #[serde(default)]
    pub urgency: Urgency,
    /// The consent record. Required.
    #[serde(default)]
    pub consent: Option<ConsentInput>,
    /// The victim's region (ISO 3166-2), shown in the non-identifying profile; the attached
    /// case's region when absent.
    #[serde(default)]
    pub region: Option<String>,
}

/// A validated referral, before the checks that need the database (agency, person, case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReferral {
    /// The receiving agency's code.
    pub to_agency: AgencyCode,
    /// The victim.
    pub person_id: Uuid,
    /// The attached case.
    pub case_id: Option<Uuid>,
    /// Why.
    pub reason: String,
    /// Needs, without repeats.
    pub needs: BTreeSet<Need>,
    /// Urgency.
    pub urgency: Urgency,
    /// Consent.
    pub consent: Consent,
    /// The victim's region.
    pub region: Option<RegionCode>,
}

fn validate_consent(
    errors: &mut FieldErrors,
    input: Option<ConsentInput>,
    today: NaiveDate,
) -> Option<Consent> {
    let Some(input) = input else {
        errors.push(FieldError::new(
            "consent",
            "is required: who consented, when and to what (given_by `none` for an anonymous referral)",
        ));
        return None;
    };
    let Some(given_by) = input.given_by else {
        errors.push(FieldError::new(
            "consent.given_by",
            "is required: `victim`, `guardian` or `none`",
        ));
        return None;
    };
    let before = errors.0.len();
    let given_on = match input.given_on.as_deref() {
        Some(v) if !v.trim().is_empty() => {
            errors.take(dates::parse_past_date("consent.given_on", v, today))
        }
        _ => {
            if given_by != ConsentGiver::None {
                errors.push(FieldError::new(
                    "consent.given_on",
                    "is required: the date consent was given",
                ));
            }
            None
        }
    };
    match (given_by, input.scope) {
        (ConsentGiver::None, Some(_)) => errors.push(FieldError::new(
            "consent.scope",
            "must be absent when given_by is `none`: an anonymous referral shares no identity",
        )),
        (ConsentGiver::Victim | ConsentGiver::Guardian, None) => errors.push(FieldError::new(
            "consent.scope",
            "is required: `identity` or `full`",
        )),
        _ => {}
    }
    let guardian_name = match (given_by, input.guardian_name.as_deref()) {
        (ConsentGiver::Guardian, Some(v)) if !v.trim().is_empty() => {
            errors.take(PersonName::parse("consent.guardian_name", v))
        }
        (ConsentGiver::Guardian, _) => {
            errors.push(FieldError::new(
                "consent.guardian_name",
                "is required when a guardian consents",
            ));
            None
        }
        (_, Some(v)) if !v.trim().is_empty() => {
            errors.push(FieldError::new(
                "consent.guardian_name",
                "may only be sent when given_by is `guardian`",
            ));
            None
        }
        _ => None,
    };
    (errors.0.len() == before).then_some(Consent {
        given_by,
        given_on,
        scope: input.scope,
        guardian_name,
    })
}

impl ReferralInput {
    /// Validates every field, collecting all errors. Whether the agency, person and case exist
    /// and are in the sender's reach is checked by the backend.
    pub fn validate(
        self,
        profile: &CountryProfile,
        today: NaiveDate,
    ) -> Result<NewReferral, FieldErrors> {
        let mut errors = FieldErrors::new();
        let to_agency = match self.to_agency.as_deref() {
            Some(v) if !v.trim().is_empty() => errors.take(AgencyCode::parse("to_agency", v)),
            _ => {
                errors.push(FieldError::new(
                    "to_agency",
                    "is required: the code of the receiving agency",
                ));
                None
            }
        };
        if self.person_id.is_none() {
            errors.push(FieldError::new(
                "person_id",
                "is required: the victim being referred",
            ));
        }
        let reason = match self.reason.as_deref() {
            Some(v) => errors.take(text::bounded("reason", v, limits::REASON, true)),
            None => {
                errors.push(FieldError::new("reason", "is required"));
                None
            }
        };
        let region = match self.region.as_deref() {
            Some(v) if !v.trim().is_empty() => errors.take(profile.parse_region("region", v)),
            _ => None,
        };
        let consent = validate_consent(&mut errors, self.consent, today);
        errors.finish(|| {
            Some(NewReferral {
                to_agency: to_agency?,
                person_id: self.person_id?,
                case_id: self.case_id,
                reason: reason?,
                needs: self.needs.into_iter().collect(),
                urgency: self.urgency,
                consent: consent?,
                region,
            })
        })
    }
}

/// The body of `accept`, `withdraw`, `close` and `revoke`: all optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReferralStepInput {
    /// The referral's version last read; a stale one is refused with 409.
    #[serde(default)]
    pub version: Option<i64>,
    /// A note for the other agency (kept with the referral, never in the audit log).
    #[serde(default)]
    pub note: Option<String>,
}

impl ReferralStepInput {
    /// Checks the note.
    pub fn validate(self) -> Result<(Option<i64>, Option<String>), FieldErrors> {
        let note = text::optional("note", self.note.as_deref(), limits::REASON, true)?;
        Ok((self.version, note))
    }
}

/// The body of `decline`: the reason is required.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DeclineInput {
    /// The referral's version last read; a stale one is refused with 409.
    #[serde(default)]
    pub version: Option<i64>,
    /// Why the referral is declined. Required.
    #[serde(default)]
    pub reason: Option<String>,
}

impl DeclineInput {
    /// Checks the reason is there.
    pub fn validate(self) -> Result<(Option<i64>, String), FieldErrors> {
        match self.reason.as_deref() {
            Some(v) => Ok((
                self.version,
                text::bounded("reason", v, limits::REASON, true)?,
            )),
            None => Err(FieldError::new("reason", "is required when declining a referral").into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    fn input(consent: serde_json::Value) -> ReferralInput {
        serde_json::from_value(json!({
            "to_agency": "police-a",
            "person_id": "0192f0c4-0000-7000-8000-000000000001",
            "reason": "Needs protection",
            "needs": ["shelter", "legal", "shelter"],
            "consent": consent,
        }))
        .unwrap()
    }

    fn fields(errors: FieldErrors) -> Vec<String> {
        errors.0.into_iter().map(|e| e.field).collect()
    }

    #[test]
    fn a_consented_referral_validates() {
        let referral =
            input(json!({"given_by": "victim", "given_on": "2026-11-20", "scope": "identity"}))
                .validate(&CountryProfile::kyrgyzstan(), today())
                .unwrap();
        assert_eq!(referral.to_agency.as_str(), "POLICE-A");
        assert_eq!(referral.needs.len(), 2);
        assert_eq!(referral.urgency, Urgency::Normal);
        assert!(!referral.consent.is_anonymous());
    }

    #[test]
    fn consent_rules_name_their_fields() {
        let profile = CountryProfile::kyrgyzstan();
        let future =
            input(json!({"given_by": "victim", "given_on": "2026-11-22", "scope": "full"}));
        assert_eq!(
            fields(future.validate(&profile, today()).unwrap_err()),
            ["consent.given_on"]
        );
        let no_scope = input(json!({"given_by": "victim", "given_on": "2026-11-20"}));
        assert_eq!(
            fields(no_scope.validate(&profile, today()).unwrap_err()),
            ["consent.scope"]
        );
        let guardian =
            input(json!({"given_by": "guardian", "given_on": "2026-11-20", "scope": "identity"}));
        assert_eq!(
            fields(guardian.validate(&profile, today()).unwrap_err()),
            ["consent.guardian_name"]
        );
        let anonymous_scope = input(json!({"given_by": "none", "scope": "full"}));
        assert_eq!(
            fields(anonymous_scope.validate(&profile, today()).unwrap_err()),
            ["consent.scope"]
        );
        let anonymous = input(json!({"given_by": "none"}))
            .validate(&profile, today())
            .unwrap();
        assert!(anonymous.consent.is_anonymous());
        let missing: ReferralInput = serde_json::from_value(json!({})).unwrap();
        assert_eq!(
            fields(missing.validate(&profile, today()).unwrap_err()),
            ["to_agency", "person_id", "reason", "consent"]
        );
    }

    #[test]
    fn minors_need_a_guardian() {
        let consent = Consent {
            given_by: ConsentGiver::Victim,
            given_on: Some(today()),
            scope: Some(ConsentScope::Identity),
            guardian_name: None,
        };
        let minor = DateOfBirth::new(
            NaiveDate::from_ymd_opt(2009, 1, 1).unwrap(),
            DobPrecision::Day,
        );
        assert!(consent.check_guardian(Some(&minor)).is_err());
        let adult = DateOfBirth::new(
            NaiveDate::from_ymd_opt(2008, 11, 21).unwrap(),
            DobPrecision::Day,
        );
        assert!(consent.check_guardian(Some(&adult)).is_ok());
        // Born some time in 2008: may still be 17 on 2026-11-21.
        let year_only = DateOfBirth::new(
            NaiveDate::from_ymd_opt(2008, 1, 1).unwrap(),
            DobPrecision::Year,
        );
        assert!(consent.check_guardian(Some(&year_only)).is_err());
        assert!(consent.check_guardian(None).is_ok());
    }

    #[test]
    fn bands_and_transitions() {
        let dob = DateOfBirth::new(
            NaiveDate::from_ymd_opt(2004, 3, 15).unwrap(),
            DobPrecision::Day,
        );
        assert_eq!(age_band(&dob, today()), "18-24");
        assert!(ReferralStatus::Submitted.may_become(ReferralStatus::Accepted));
        assert!(ReferralStatus::Accepted.may_become(ReferralStatus::Closed));
        assert!(!ReferralStatus::Accepted.may_become(ReferralStatus::Accepted));
        assert!(!ReferralStatus::Withdrawn.may_become(ReferralStatus::Accepted));
        assert!(!ReferralStatus::Submitted.may_become(ReferralStatus::Closed));
        assert_eq!(
            "closed".parse::<ReferralStatus>(),
            Ok(ReferralStatus::Closed)
        );
    }

    #[test]
    fn decline_needs_a_reason() {
        let errors = DeclineInput::default().validate().unwrap_err();
        assert_eq!(fields(errors), ["reason"]);
    }
}
