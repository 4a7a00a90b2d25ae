//! First-level regions (ISO 3166-2) and the many ways people write their names.
//!
//! A case is always filed under a region code (`KG-C`); legacy spreadsheets say `Чуйская обл.`,
//! `Chui` or `Чүй облусу`. [`parse`] accepts codes only, for the API; [`find`] also accepts the
//! names, for importers, and folds script details (case, diacritics, Kyrgyz and Kazakh letters,
//! punctuation) so that every common spelling meets one key.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::CountryProfile;
use crate::error::FieldError;

/// An ISO 3166-2 region code known to the profile (`KG-C`). Only the profile makes one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct RegionCode(String);

impl RegionCode {
    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RegionCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One region as the profile's TOML describes it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionDef {
    /// ISO 3166-2 code, upper-case (`KG-C`).
    pub code: String,
    /// Name in Kyrgyz (`Чүй облусу`).
    pub ky: String,
    /// Name in Russian (`Чуйская область`).
    pub ru: String,
    /// Name in English (`Chüy Region`).
    pub en: String,
    /// Other common spellings: transliterations, abbreviations, short forms, former codes.
    #[serde(default)]
    pub spellings: Vec<String>,
    /// Approximate number of residents (recent official estimate), to weight synthetic data.
    pub population: u32,
}

impl RegionDef {
    /// Every name the region answers to: code, Kyrgyz, Russian, English, then the spellings.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.code.as_str(), &self.ky, &self.ru, &self.en]
            .into_iter()
            .chain(self.spellings.iter().map(String::as_str))
    }
}

/// Parses a region code known to `profile`: trimmed, case-insensitive.
pub(super) fn parse(
    profile: &CountryProfile,
    field: &str,
    input: &str,
) -> Result<RegionCode, FieldError> {
    let wanted = input.trim();
    profile
        .regions
        .iter()
        .find(|r| r.code.eq_ignore_ascii_case(wanted))
        .map(|r| RegionCode(r.code.clone()))
        .ok_or_else(|| {
            let codes: Vec<&str> = profile.regions.iter().map(|r| r.code.as_str()).collect();
            FieldError::new(
                field,
                format!("unknown region code, expected one of: {}", codes.join(", ")),
            )
        })
}

/// Finds a region by its code or any of its names and spellings.
///
/// An exact match of the folded text wins; failing that, the generic words (`oblast`, `обл`,
/// `city`, `шаары`…) are dropped from both sides and a match counts only if it is unique, so
/// `Naryn oblast` finds Naryn region while `Osh obl` (city or region?) finds nothing.
pub(super) fn find<'a>(profile: &'a CountryProfile, name_or_code: &str) -> Option<&'a RegionDef> {
    let wanted = fold(name_or_code);
    if wanted.is_empty() {
        return None;
    }
    if let Some(region) = profile
        .regions
        .iter()
        .find(|r| r.names().any(|n| fold(n) == wanted))
    {
        return Some(region);
    }
    let wanted = without_generic_words(&wanted);
    if wanted.is_empty() {
        return None;
    }
    let mut matches = profile
        .regions
        .iter()
        .filter(|r| r.names().any(|n| without_generic_words(&fold(n)) == wanted));
    match (matches.next(), matches.next()) {
        (Some(region), None) => Some(region),
        _ => None,
    }
}

/// The matching key of a name: compatibility-decomposed, diacritics dropped, lower-cased,
/// Kyrgyz and Kazakh letters folded to their Russian look-alikes, punctuation turned into
/// spaces and runs of spaces collapsed. `Chüy` = `CHUY`, `Ысык-Көл` = `ысык кол`.
pub(super) fn fold(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ү' | 'ұ' => 'у',
            'ө' => 'о',
            'ң' => 'н',
            'ә' => 'а',
            'ғ' => 'г',
            'қ' => 'к',
            'һ' => 'х',
            'і' => 'и',
            'ı' => 'i',
            c if c.is_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words that say what kind of region a name is, not which one (already folded).
const GENERIC_WORDS: &[&str] = &[
    "region",
    "oblast",
    "oblasty",
    "oblys",
    "oblysy",
    "obl",
    "province",
    "city",
    "gorod",
    "g",
    "shaary",
    "shaar",
    "область",
    "обл",
    "облусу",
    "облысы",
    "город",
    "гор",
    "г",
    "шаары",
    "шаар",
    "каласы",
];

fn without_generic_words(folded: &str) -> String {
    folded
        .split(' ')
        .filter(|w| !GENERIC_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kg() -> CountryProfile {
        CountryProfile::kyrgyzstan()
    }

    #[test]
    fn every_region_code_parses_in_any_case() {
        let profile = kg();
        assert_eq!(profile.regions().len(), 9);
        for region in profile.regions() {
            let code = &region.code;
            assert_eq!(profile.parse_region("region", code).unwrap().as_str(), code);
            let sloppy = format!("  {}  ", code.to_lowercase());
            assert_eq!(
                profile.parse_region("region", &sloppy).unwrap().as_str(),
                code
            );
        }
    }

    #[test]
    fn unknown_codes_name_the_field_and_list_the_codes() {
        let profile = kg();
        for bad in ["KG-X", "", "Chüy", "KG-C1", "KZ-71"] {
            let err = profile.parse_region("region", bad).unwrap_err();
            assert_eq!(err.field, "region");
            assert_eq!(
                err.message,
                "unknown region code, expected one of: \
                 KG-B, KG-C, KG-J, KG-N, KG-O, KG-T, KG-Y, KG-GB, KG-GO"
            );
        }
    }

    #[test]
    fn region_codes_serialise_as_plain_strings() {
        let code = kg().parse_region("region", "kg-gb").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"KG-GB\"");
        assert_eq!(code.to_string(), "KG-GB");
    }

    fn found(profile: &CountryProfile, name: &str) -> Option<String> {
        profile.find_region(name).map(|r| r.code.clone())
    }

    #[test]
    fn chuy_is_found_by_every_spelling() {
        let profile = kg();
        for name in [
            "Chüy",
            "Chui",
            "CHUY",
            "chuy",
            "Chuy Region",
            "Чуйская область",
            "Чуйская обл.",
            "чуйская   обл",
            "Чүй облусу",
            "Чуй облусу",
            "Чүй",
            "kg-c",
            " KG-C ",
            "Chuyskaya oblast'",
            "Chuy oblast",
        ] {
            assert_eq!(found(&profile, name).as_deref(), Some("KG-C"), "{name}");
        }
    }

    #[test]
    fn other_regions_are_found_by_their_spellings() {
        let profile = kg();
        let cases = [
            ("Issyk-Kul", "KG-Y"),
            ("Issyk-Kul'", "KG-Y"),
            ("Issyk Kul", "KG-Y"),
            ("Ysyk-Kol", "KG-Y"),
            ("Ysyk-Köl", "KG-Y"),
            ("Ысык-Көл", "KG-Y"),
            ("Иссык-Кульская обл.", "KG-Y"),
            ("Jalal-Abad", "KG-J"),
            ("Djalal-Abad", "KG-J"),
            ("Zhalal-Abad", "KG-J"),
            ("Джалал-Абадская область", "KG-J"),
            ("Жалал-Абад облусу", "KG-J"),
            ("Бишкек", "KG-GB"),
            ("г. Бишкек", "KG-GB"),
            ("Bishkek city", "KG-GB"),
            ("Ошская обл.", "KG-O"),
            ("Osh Region", "KG-O"),
            ("Ош облусу", "KG-O"),
            ("Ош", "KG-GO"),
            ("г. Ош", "KG-GO"),
            ("Ош шаары", "KG-GO"),
            ("Osh city", "KG-GO"),
            ("Баткенская область", "KG-B"),
            ("Batken", "KG-B"),
            ("Narynskaya oblast", "KG-N"),
            ("Таласская обл.", "KG-T"),
        ];
        for (name, code) in cases {
            assert_eq!(found(&profile, name).as_deref(), Some(code), "{name}");
        }
    }

    #[test]
    fn generic_words_are_dropped_only_when_the_answer_is_unique() {
        let profile = kg();
        // Not listed as such, but "Naryn" is, and only Naryn region answers to it.
        assert_eq!(found(&profile, "Naryn obl.").as_deref(), Some("KG-N"));
        assert_eq!(found(&profile, "Нарын облысы").as_deref(), Some("KG-N"));
        // "Osh" alone is the city; with only a generic word beside it, city and region compete.
        assert_eq!(found(&profile, "Osh obl"), None);
    }

    #[test]
    fn unknown_names_find_nothing() {
        let profile = kg();
        for name in ["", "   ", "Moscow", "KG-X", "обл.", "Chu y"] {
            assert_eq!(found(&profile, name), None, "{name}");
        }
    }

    #[test]
    fn folding_ignores_case_diacritics_and_punctuation() {
        assert_eq!(fold("Chüy"), "chuy");
        assert_eq!(fold("  CHÜY\tRegion "), "chuy region");
        assert_eq!(fold("Issyk-Kul'"), "issyk kul");
        assert_eq!(fold("Ысык-Көл"), fold("Ысык-Кол"));
        assert_eq!(fold("Қарағанды"), "караганды");
        assert_eq!(fold("Чуйская"), fold("Чуиская"));
    }

    #[test]
    fn kazakhstan_finds_its_cities_and_former_codes() {
        let profile = CountryProfile::builtin("kz").unwrap();
        assert_eq!(found(&profile, "Алматы").as_deref(), Some("KZ-75"));
        assert_eq!(found(&profile, "Almaty oblysy").as_deref(), Some("KZ-19"));
        assert_eq!(found(&profile, "Нур-Султан").as_deref(), Some("KZ-71"));
        assert_eq!(found(&profile, "Shymkent").as_deref(), Some("KZ-79"));
        assert_eq!(found(&profile, "KZ-SHY").as_deref(), Some("KZ-79"));
        assert_eq!(
            found(&profile, "Қарағанды облысы").as_deref(),
            Some("KZ-35")
        );
        assert!(profile.parse_region("region", "kz-71").is_ok());
        assert!(profile.parse_region("region", "KG-C").is_err());
    }
}
