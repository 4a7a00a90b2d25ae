//! Country profiles: the regions, criminal-code editions and personal-number rules of one
//! country, loaded from data (`domain/profiles/*.toml`), not written in code.
//!
//! Kyrgyzstan (`kg`) is the default; Kazakhstan (`kz`) sits beside it to keep the profile
//! honest: nothing outside this module may assume 14-digit PINs or `KG-` region codes.

mod article;
mod load;
mod pin;
mod region;

pub use article::{Article, ArticleDef, CodeEdition};
pub use load::ProfileError;
pub use pin::{Pin, PinCheck, PinRules};
pub use region::{RegionCode, RegionDef};

use crate::case::ArticleInput;
use crate::error::FieldError;

/// One country's reference data. Cheap to share behind an `Arc`; immutable once loaded.
#[derive(Debug, Clone)]
pub struct CountryProfile {
    id: String,
    country: String,
    name: String,
    regions: Vec<RegionDef>,
    editions: Vec<CodeEdition>,
    pin: PinRules,
}

impl CountryProfile {
    /// The built-in profile with this id (`kg`, `kz`; case-insensitive).
    pub fn builtin(id: &str) -> Option<CountryProfile> {
        load::builtin(id)
    }

    /// The ids of the built-in profiles.
    pub fn builtin_ids() -> &'static [&'static str] {
        load::BUILTIN_IDS
    }

    /// Kyrgyzstan, the default profile.
    pub fn kyrgyzstan() -> CountryProfile {
        load::kyrgyzstan()
    }

    /// Parses a profile from its TOML text (the format of `domain/profiles/kg.toml`).
    pub fn from_toml(text: &str) -> Result<CountryProfile, ProfileError> {
        load::from_toml(text)
    }

    /// The profile id (`kg`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The ISO 3166-1 alpha-2 code of the country (`KG`), also the case reference prefix.
    pub fn country(&self) -> &str {
        &self.country
    }

    /// The country's English name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first-level regions (ISO 3166-2).
    pub fn regions(&self) -> &[RegionDef] {
        &self.regions
    }

    /// The criminal-code editions, newest first.
    pub fn editions(&self) -> &[CodeEdition] {
        &self.editions
    }

    /// The personal-number rules.
    pub fn pin_rules(&self) -> &PinRules {
        &self.pin
    }

    /// Parses an ISO 3166-2 region code (`KG-C`; case-insensitive) known to this profile.
    pub fn parse_region(&self, field: &str, input: &str) -> Result<RegionCode, FieldError> {
        region::parse(self, field, input)
    }

    /// Finds a region by its code or any of its names and common spellings, in any script and
    /// case (`Чуйская область`, `Chui`, `Chüy`, `KG-C`). For importers of legacy data.
    pub fn find_region(&self, name_or_code: &str) -> Option<&RegionDef> {
        region::find(self, name_or_code)
    }

    /// Checks an article against this profile's editions.
    pub fn parse_article(&self, field: &str, input: &ArticleInput) -> Result<Article, FieldError> {
        article::parse(self, field, input)
    }

    /// Parses and checks a personal number: wrong length, non-digits or a failed check digit
    /// are errors; what the digits say about sex and birth date is returned for comparison.
    pub fn check_pin(&self, field: &str, input: &str) -> Result<PinCheck, FieldError> {
        pin::check(&self.pin, field, input)
    }
}
