//! Persons: names in several scripts, sex, date of birth with its precision, PIN, contacts.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::country::CountryCode;
use crate::dates;
use crate::error::{FieldError, FieldErrors, Warning};
use crate::patch::Patch;
use crate::profile::{CountryProfile, Pin, PinCheck};
use crate::text::{self, limits};

/// Sex as recorded (`female`, `male`, `unknown`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    /// Female.
    Female,
    /// Male.
    Male,
    /// Not known or not recorded.
    #[default]
    Unknown,
}

impl Sex {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
            Sex::Unknown => "unknown",
        }
    }
}

impl std::str::FromStr for Sex {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "female" => Ok(Sex::Female),
            "male" => Ok(Sex::Male),
            "unknown" => Ok(Sex::Unknown),
            other => Err(format!(
                "unknown sex `{other}`, expected female, male or unknown"
            )),
        }
    }
}

/// How much of a date of birth is known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DobPrecision {
    /// The exact day is known.
    #[default]
    Day,
    /// Only the year is known; the date is stored as 1 January.
    Year,
    /// An estimate (from apparent age, say).
    Approximate,
}

impl DobPrecision {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            DobPrecision::Day => "day",
            DobPrecision::Year => "year",
            DobPrecision::Approximate => "approximate",
        }
    }
}

impl std::str::FromStr for DobPrecision {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "day" => Ok(DobPrecision::Day),
            "year" => Ok(DobPrecision::Year),
            "approximate" => Ok(DobPrecision::Approximate),
            other => Err(format!("unknown date precision `{other}`")),
        }
    }
}

/// A date of birth with its precision; a year-precision date always falls on 1 January.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateOfBirth {
    date: NaiveDate,
    precision: DobPrecision,
}

impl DateOfBirth {
    /// A date of birth; with [`DobPrecision::Year`] the day and month are dropped.
    pub fn new(date: NaiveDate, precision: DobPrecision) -> Self {
        let date = match precision {
            DobPrecision::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
            _ => date,
        };
        Self { date, precision }
    }

    /// Parses `YYYY-MM-DD` or `YYYY`; a bare year implies year precision unless `precision`
    /// says otherwise.
    pub fn parse(
        field: &str,
        input: &str,
        precision: Option<DobPrecision>,
        today: NaiveDate,
    ) -> Result<Self, FieldError> {
        let input = input.trim();
        if input.len() == 4 && input.chars().all(|c| c.is_ascii_digit()) {
            let date = dates::parse_past_date(field, &format!("{input}-01-01"), today)?;
            return Ok(Self::new(date, precision.unwrap_or(DobPrecision::Year)));
        }
        let date = dates::parse_past_date(field, input, today).map_err(|_| {
            FieldError::new(
                field,
                "must be a past date written YYYY-MM-DD or YYYY (from 1900)",
            )
        })?;
        Ok(Self::new(date, precision.unwrap_or_default()))
    }

    /// The date (1 January for year precision).
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// How much of the date is known.
    pub fn precision(&self) -> DobPrecision {
        self.precision
    }
}

/// One part of a person's name, in any script: letters with spaces, hyphens, apostrophes and
/// dots between them; at most [`limits::NAME`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PersonName(String);

impl PersonName {
    /// Parses a name part.
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let name = text::bounded(field, input, limits::NAME, false)?;
        let allowed =
            |c: char| c.is_alphabetic() || c == ' ' || c == '-' || c == '.' || "'’ʼ`".contains(c);
        if !name.chars().any(char::is_alphabetic) || !name.chars().all(allowed) {
            return Err(FieldError::new(
                field,
                "must be letters, with spaces, hyphens, apostrophes or dots between them",
            ));
        }
        Ok(Self(name.split_whitespace().collect::<Vec<_>>().join(" ")))
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as an owned string.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// A telephone number as written, with 5–15 digits and only `+ ( ) - .` and spaces around
/// them. A protected field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone(String);

impl Phone {
    /// Parses a telephone number.
    pub fn parse(field: &str, input: &str) -> Result<Self, FieldError> {
        let phone = input.trim();
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let allowed = phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +()-.".contains(c));
        if !allowed || !(5..=15).contains(&digits) || phone.len() > 32 {
            return Err(FieldError::new(
                field,
                "must be a telephone number of 5 to 15 digits (with + ( ) - . and spaces)",
            ));
        }
        Ok(Self(phone.to_owned()))
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The body of `POST /api/v1/persons`, as the client sends it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonInput {
    /// Given name, in any script.
    #[serde(default)]
    pub given_name: Option<String>,
    /// Family name.
    #[serde(default)]
    pub family_name: Option<String>,
    /// Patronymic or father's name (`Асанбек уулу`, `Бакытовна`).
    #[serde(default)]
    pub patronymic: Option<String>,
    /// The name written in other scripts or spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `female`, `male` or `unknown` (the default).
    #[serde(default)]
    pub sex: Sex,
    /// `YYYY-MM-DD`, or `YYYY` when only the year is known.
    #[serde(default)]
    pub date_of_birth: Option<String>,
    /// `day` (default), `year` or `approximate`.
    #[serde(default)]
    pub date_of_birth_precision: Option<DobPrecision>,
    /// Personal number, checked by the country profile.
    #[serde(default)]
    pub pin: Option<String>,
    /// ISO 3166-1 alpha-2 code.
    #[serde(default)]
    pub citizenship: Option<String>,
    /// Telephone (protected).
    #[serde(default)]
    pub phone: Option<String>,
    /// Address (protected).
    #[serde(default)]
    pub address: Option<String>,
    /// Free notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A validated new person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPerson {
    /// Given name.
    pub given_name: Option<PersonName>,
    /// Family name.
    pub family_name: Option<PersonName>,
    /// Patronymic or father's name.
    pub patronymic: Option<PersonName>,
    /// Other spellings.
    pub aliases: Vec<PersonName>,
    /// Sex.
    pub sex: Sex,
    /// Date of birth.
    pub date_of_birth: Option<DateOfBirth>,
    /// Personal number.
    pub pin: Option<Pin>,
    /// Citizenship.
    pub citizenship: Option<CountryCode>,
    /// Telephone (protected).
    pub phone: Option<Phone>,
    /// Address (protected).
    pub address: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

fn optional_name(errors: &mut FieldErrors, field: &str, value: Option<&str>) -> Option<PersonName> {
    match value {
        Some(v) if !v.trim().is_empty() => errors.take(PersonName::parse(field, v)),
        _ => None,
    }
}

fn aliases(errors: &mut FieldErrors, values: &[String]) -> Vec<PersonName> {
    if values.len() > limits::ALIASES {
        errors.push(FieldError::new(
            "aliases",
            format!("must list at most {} names", limits::ALIASES),
        ));
        return Vec::new();
    }
    values
        .iter()
        .enumerate()
        .filter_map(|(i, a)| errors.take(PersonName::parse(&format!("aliases[{i}]"), a)))
        .collect()
}

/// The warnings a PIN raises against the sex and date of birth recorded beside it.
pub fn pin_warnings(check: &PinCheck, sex: Sex, dob: Option<&DateOfBirth>) -> Vec<Warning> {
    check.warnings("pin", sex, dob)
}

impl PersonInput {
    /// Validates every field against `profile`, collecting all errors; on success also returns
    /// the warnings (a PIN that disagrees with sex or birth date).
    pub fn validate(
        self,
        profile: &CountryProfile,
        today: NaiveDate,
    ) -> Result<(NewPerson, Vec<Warning>), FieldErrors> {
        let mut errors = FieldErrors::new();
        let given_name = optional_name(&mut errors, "given_name", self.given_name.as_deref());
        let family_name = optional_name(&mut errors, "family_name", self.family_name.as_deref());
        let patronymic = optional_name(&mut errors, "patronymic", self.patronymic.as_deref());
        let aliases = aliases(&mut errors, &self.aliases);
        let no_name = |v: &Option<String>| v.as_deref().is_none_or(|s| s.trim().is_empty());
        if no_name(&self.given_name) && no_name(&self.family_name) {
            errors.push(FieldError::new(
                "given_name",
                "a given name or a family name is required",
            ));
        }
        let date_of_birth = match self.date_of_birth.as_deref() {
            Some(v) if !v.trim().is_empty() => errors.take(DateOfBirth::parse(
                "date_of_birth",
                v,
                self.date_of_birth_precision,
                today,
            )),
            _ => None,
        };
        let pin_check = match self.pin.as_deref() {
            Some(v) if !v.trim().is_empty() => errors.take(profile.check_pin("pin", v)),
            _ => None,
        };
        let citizenship = match self.citizenship.as_deref() {
            Some(v) if !v.trim().is_empty() => errors.take(CountryCode::parse("citizenship", v)),
            _ => None,
        };
        let phone = match self.phone.as_deref() {
            Some(v) if !v.trim().is_empty() => errors.take(Phone::parse("phone", v)),
            _ => None,
        };
        let address = errors
            .take(text::optional(
                "address",
                self.address.as_deref(),
                limits::ADDRESS,
                true,
            ))
            .flatten();
        let notes = errors
            .take(text::optional(
                "notes",
                self.notes.as_deref(),
                limits::LONG_TEXT,
                true,
            ))
            .flatten();
        if !errors.is_empty() {
            return Err(errors);
        }
        let warnings = pin_check
            .as_ref()
            .map(|check| pin_warnings(check, self.sex, date_of_birth.as_ref()))
            .unwrap_or_default();
        let person = NewPerson {
            given_name,
            family_name,
            patronymic,
            aliases,
            sex: self.sex,
            date_of_birth,
            pin: pin_check.map(|c| c.pin),
            citizenship,
            phone,
            address,
            notes,
        };
        Ok((person, warnings))
    }
}

/// The body of `PATCH /api/v1/persons/{id}`: `version` plus the fields to change; `null`
/// clears a field.
#[derive(Debug, Clone, Default, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonPatchInput {
    /// The version the client last read; a stale version is refused with 409.
    pub version: i64,
    /// New given name, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub given_name: Patch<String>,
    /// New family name, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub family_name: Patch<String>,
    /// New patronymic, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub patronymic: Patch<String>,
    /// The complete new list of aliases.
    #[serde(default)]
    pub aliases: Option<Vec<String>>,
    /// New sex.
    #[serde(default)]
    pub sex: Option<Sex>,
    /// New date of birth, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub date_of_birth: Patch<String>,
    /// Precision of the new date of birth.
    #[serde(default)]
    pub date_of_birth_precision: Option<DobPrecision>,
    /// New PIN, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub pin: Patch<String>,
    /// New citizenship, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub citizenship: Patch<String>,
    /// New telephone, or `null` (protected).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub phone: Patch<String>,
    /// New address, or `null` (protected).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub address: Patch<String>,
    /// New notes, or `null`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub notes: Patch<String>,
}

/// A validated change to a person.
#[derive(Debug, Clone, Default)]
pub struct PersonPatch {
    /// The version the client last read.
    pub version: i64,
    /// Given name.
    pub given_name: Patch<PersonName>,
    /// Family name.
    pub family_name: Patch<PersonName>,
    /// Patronymic.
    pub patronymic: Patch<PersonName>,
    /// Aliases (the whole list).
    pub aliases: Option<Vec<PersonName>>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Date of birth.
    pub date_of_birth: Patch<DateOfBirth>,
    /// PIN.
    pub pin: Patch<Pin>,
    /// Citizenship.
    pub citizenship: Patch<CountryCode>,
    /// Telephone (protected).
    pub phone: Patch<Phone>,
    /// Address (protected).
    pub address: Patch<String>,
    /// Notes.
    pub notes: Patch<String>,
}

impl PersonPatch {
    /// Names of the fields this patch changes, for the audit log (names only, never values).
    pub fn changed_fields(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        let mut note = |present: bool, name: &'static str| {
            if present {
                fields.push(name);
            }
        };
        note(self.given_name.is_present(), "given_name");
        note(self.family_name.is_present(), "family_name");
        note(self.patronymic.is_present(), "patronymic");
        note(self.aliases.is_some(), "aliases");
        note(self.sex.is_some(), "sex");
        note(self.date_of_birth.is_present(), "date_of_birth");
        note(self.pin.is_present(), "pin");
        note(self.citizenship.is_present(), "citizenship");
        note(self.phone.is_present(), "phone");
        note(self.address.is_present(), "address");
        note(self.notes.is_present(), "notes");
        fields
    }

    /// True when the patch touches a protected field (telephone or address).
    pub fn touches_protected(&self) -> bool {
        self.phone.is_present() || self.address.is_present()
    }
}

fn patch_field<T>(
    errors: &mut FieldErrors,
    value: Patch<String>,
    parse: impl FnOnce(&str) -> Result<T, FieldError>,
) -> Patch<T> {
    match value {
        Patch::Set(v) if v.trim().is_empty() => Patch::Clear,
        other => errors
            .take(other.try_map(|v| parse(&v)))
            .unwrap_or_default(),
    }
}

impl PersonPatchInput {
    /// Validates every sent field against `profile`, collecting all errors.
    pub fn validate(
        self,
        profile: &CountryProfile,
        today: NaiveDate,
    ) -> Result<PersonPatch, FieldErrors> {
        let mut errors = FieldErrors::new();
        let precision = self.date_of_birth_precision;
        let patch = PersonPatch {
            version: self.version,
            given_name: patch_field(&mut errors, self.given_name, |v| {
                PersonName::parse("given_name", v)
            }),
            family_name: patch_field(&mut errors, self.family_name, |v| {
                PersonName::parse("family_name", v)
            }),
            patronymic: patch_field(&mut errors, self.patronymic, |v| {
                PersonName::parse("patronymic", v)
            }),
            aliases: self.aliases.as_deref().map(|a| aliases(&mut errors, a)),
            sex: self.sex,
            date_of_birth: patch_field(&mut errors, self.date_of_birth, |v| {
                DateOfBirth::parse("date_of_birth", v, precision, today)
            }),
            pin: patch_field(&mut errors, self.pin, |v| {
                profile.check_pin("pin", v).map(|c| c.pin)
            }),
            citizenship: patch_field(&mut errors, self.citizenship, |v| {
                CountryCode::parse("citizenship", v)
            }),
            phone: patch_field(&mut errors, self.phone, |v| Phone::parse("phone", v)),
            address: patch_field(&mut errors, self.address, |v| {
                text::bounded("address", v, limits::ADDRESS, true)
            }),
            notes: patch_field(&mut errors, self.notes, |v| {
                text::bounded("notes", v, limits::LONG_TEXT, true)
            }),
        };
        if precision.is_some() && !patch.date_of_birth.is_present() {
            errors.push(FieldError::new(
                "date_of_birth_precision",
                "may only be sent together with date_of_birth",
            ));
        }
        if patch.changed_fields().is_empty() {
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

    #[test]
    fn names_accept_every_script_and_refuse_digits() {
        for name in [
            "Айгүл",
            "Aygül",
            "Асанбек уулу",
            "O'Brien",
            "Жээнбеков-Исаев",
        ] {
            assert!(PersonName::parse("given_name", name).is_ok(), "{name}");
        }
        assert!(PersonName::parse("given_name", "Agent 007").is_err());
        assert!(PersonName::parse("given_name", "---").is_err());
        assert_eq!(
            PersonName::parse("f", "Асанбек   уулу").unwrap().as_str(),
            "Асанбек уулу"
        );
    }

    #[test]
    fn year_only_birth_dates_fall_on_new_year() {
        let dob = DateOfBirth::parse("date_of_birth", "1994", None, today()).unwrap();
        assert_eq!(dob.precision(), DobPrecision::Year);
        assert_eq!(dob.date(), NaiveDate::from_ymd_opt(1994, 1, 1).unwrap());
        let dob = DateOfBirth::parse("d", "1994-05-17", Some(DobPrecision::Year), today()).unwrap();
        assert_eq!(dob.date(), NaiveDate::from_ymd_opt(1994, 1, 1).unwrap());
        assert!(DateOfBirth::parse("d", "2030-01-01", None, today()).is_err());
    }

    #[test]
    fn phones() {
        assert!(Phone::parse("phone", "+996 (555) 12-34-56").is_ok());
        assert!(Phone::parse("phone", "call me").is_err());
        assert!(Phone::parse("phone", "123").is_err());
    }

    #[test]
    fn a_person_needs_a_name_and_every_error_is_reported() {
        let input = PersonInput {
            sex: Sex::Female,
            date_of_birth: Some("1990-13-01".into()),
            phone: Some("x".into()),
            ..Default::default()
        };
        let errors = input
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["given_name", "date_of_birth", "phone"]);
    }

    #[test]
    fn errors_never_echo_the_value() {
        let input = PersonInput {
            given_name: Some("Айгүл".into()),
            pin: Some("12345".into()),
            phone: Some("secret-number".into()),
            address: Some("x".repeat(600)),
            ..Default::default()
        };
        let errors = input
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap_err();
        let text = errors.to_string();
        assert!(
            !text.contains("12345") && !text.contains("secret-number") && !text.contains("xxxx"),
            "{text}"
        );
    }

    #[test]
    fn patch_sees_null_as_clear_and_blank_as_clear() {
        let input: PersonPatchInput =
            serde_json::from_str(r#"{"version": 2, "address": null, "phone": "  "}"#).unwrap();
        let patch = input
            .validate(&CountryProfile::kyrgyzstan(), today())
            .unwrap();
        assert_eq!(patch.address, Patch::Clear);
        assert_eq!(patch.phone, Patch::Clear);
        assert_eq!(patch.changed_fields(), ["phone", "address"]);
        assert!(patch.touches_protected());
        let empty: PersonPatchInput = serde_json::from_str(r#"{"version": 2}"#).unwrap();
        assert!(
            empty
                .validate(&CountryProfile::kyrgyzstan(), today())
                .is_err()
        );
    }
}
