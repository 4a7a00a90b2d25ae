//! Loading profiles from TOML and checking that they make sense.
//!
//! The built-in profiles are embedded in the binary (`domain/profiles/*.toml`), parsed once and
//! cloned; [`from_toml`] checks any profile with the same rules, so an operator's edited file
//! fails at start-up with a precise message rather than half-working at run time.

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use super::pin::{Checksum, DateFormat, PinRules};
use super::region::{RegionDef, fold};
use super::{CodeEdition, CountryProfile, article};
use crate::country::CountryCode;

/// The ids of the built-in profiles, default first.
pub const BUILTIN_IDS: &[&str] = &["kg", "kz"];

/// The embedded text of each built-in profile, in the order of [`BUILTIN_IDS`].
const SOURCES: [&str; 2] = [
    include_str!("../../profiles/kg.toml"),
    include_str!("../../profiles/kz.toml"),
];

static PARSED: [OnceLock<Result<CountryProfile, ProfileError>>; 2] =
    [const { OnceLock::new() }, const { OnceLock::new() }];

/// Why a profile cannot be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The text is not TOML, or lacks or misnames a field of the profile format.
    #[error("profile is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// The id is empty or not made of lower-case letters, digits and `-`.
    #[error("id `{0}` must be lower-case letters, digits and '-'")]
    InvalidId(String),
    /// `country` is not an ISO 3166-1 alpha-2 code.
    #[error("country `{0}` is not an ISO 3166-1 alpha-2 code")]
    InvalidCountry(String),
    /// The profile lists no region.
    #[error("the profile lists no region")]
    NoRegions,
    /// A region code does not look like `{country}-XXX` in upper case.
    #[error(
        "region code `{0}` must be the country code, '-', then 1 to 3 upper-case letters or digits"
    )]
    InvalidRegionCode(String),
    /// Two regions share one code.
    #[error("region code `{0}` is listed twice")]
    DuplicateRegion(String),
    /// A name or spelling of a region is blank.
    #[error("region `{0}` has a blank name or spelling")]
    BlankRegionName(String),
    /// One name or spelling (after folding case, diacritics and punctuation) points at two
    /// regions, so looking it up would be a guess.
    #[error("the name `{name}` belongs to both {first} and {second}")]
    AmbiguousRegionName {
        /// The name as the second region writes it.
        name: String,
        /// The region listing it first.
        first: String,
        /// The region listing it again.
        second: String,
    },
    /// The profile lists no criminal-code edition.
    #[error("the profile lists no criminal-code edition")]
    NoEditions,
    /// Two editions share one year.
    #[error("criminal-code edition {0} is listed twice")]
    DuplicateEdition(u16),
    /// An article number is blank or contains other than letters, digits and `-`.
    #[error("edition {edition}: article number `{article}` must be digits, letters and '-'")]
    InvalidArticle {
        /// The edition's year.
        edition: u16,
        /// The number as written.
        article: String,
    },
    /// One edition lists the same article twice.
    #[error("edition {edition}: article {article} is listed twice")]
    DuplicateArticle {
        /// The edition's year.
        edition: u16,
        /// The article number.
        article: String,
    },
    /// The `[pin]` rules contradict themselves (a position beyond the length, a date format
    /// without its century digit, a checksum for another length…).
    #[error("pin rules: {0}")]
    PinRules(String),
}

/// The TOML shape of a profile.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    id: String,
    country: String,
    name: String,
    pin: PinRules,
    regions: Vec<RegionDef>,
    editions: Vec<CodeEdition>,
}

/// The built-in profile `id` (case-insensitive), if there is one.
pub fn builtin(id: &str) -> Option<CountryProfile> {
    let index = BUILTIN_IDS
        .iter()
        .position(|known| known.eq_ignore_ascii_case(id.trim()))?;
    let source = SOURCES.get(index)?;
    PARSED
        .get(index)?
        .get_or_init(|| from_toml(source))
        .as_ref()
        .ok()
        .cloned()
}

/// Kyrgyzstan, the default profile.
// The embedded kg.toml cannot fail to load: `every_builtin_profile_loads` parses it in CI.
#[allow(clippy::expect_used)]
pub fn kyrgyzstan() -> CountryProfile {
    builtin("kg").expect("the built-in kg profile is checked by a unit test")
}

/// Parses and checks a profile.
pub fn from_toml(text: &str) -> Result<CountryProfile, ProfileError> {
    let file: ProfileFile = toml::from_str(text)?;
    check_id(&file.id)?;
    let country = CountryCode::parse("country", &file.country)
        .map_err(|_| ProfileError::InvalidCountry(file.country.clone()))?;
    check_regions(country.as_str(), &file.regions)?;
    check_pin(&file.pin)?;
    let mut editions = file.editions;
    check_editions(&editions)?;
    editions.sort_by_key(|e| std::cmp::Reverse(e.year));
    Ok(CountryProfile {
        id: file.id,
        country: country.as_str().to_owned(),
        name: file.name,
        regions: file.regions,
        editions,
        pin: file.pin,
    })
}

fn check_id(id: &str) -> Result<(), ProfileError> {
    let valid = !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if valid {
        Ok(())
    } else {
        Err(ProfileError::InvalidId(id.to_owned()))
    }
}

fn check_regions(country: &str, regions: &[RegionDef]) -> Result<(), ProfileError> {
    if regions.is_empty() {
        return Err(ProfileError::NoRegions);
    }
    let mut codes = BTreeSet::new();
    let mut owners: HashMap<String, &str> = HashMap::new();
    for region in regions {
        let suffix = region
            .code
            .strip_prefix(country)
            .and_then(|s| s.strip_prefix('-'));
        let valid = suffix.is_some_and(|s| {
            (1..=3).contains(&s.len())
                && s.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        });
        if !valid {
            return Err(ProfileError::InvalidRegionCode(region.code.clone()));
        }
        if !codes.insert(region.code.as_str()) {
            return Err(ProfileError::DuplicateRegion(region.code.clone()));
        }
        for name in region.names() {
            let key = fold(name);
            if key.is_empty() {
                return Err(ProfileError::BlankRegionName(region.code.clone()));
            }
            match owners.get(&key) {
                Some(first) if *first != region.code => {
                    return Err(ProfileError::AmbiguousRegionName {
                        name: name.to_owned(),
                        first: (*first).to_owned(),
                        second: region.code.clone(),
                    });
                }
                Some(_) => {}
                None => {
                    owners.insert(key, &region.code);
                }
            }
        }
    }
    Ok(())
}

fn check_editions(editions: &[CodeEdition]) -> Result<(), ProfileError> {
    if editions.is_empty() {
        return Err(ProfileError::NoEditions);
    }
    let mut years = BTreeSet::new();
    for edition in editions {
        if !years.insert(edition.year) {
            return Err(ProfileError::DuplicateEdition(edition.year));
        }
        let mut numbers = BTreeSet::new();
        for def in &edition.articles {
            let number = article::normalise_number(&def.article);
            let valid = !number.is_empty()
                && number == def.article
                && number
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-');
            if !valid {
                return Err(ProfileError::InvalidArticle {
                    edition: edition.year,
                    article: def.article.clone(),
                });
            }
            if !numbers.insert(number) {
                return Err(ProfileError::DuplicateArticle {
                    edition: edition.year,
                    article: def.article.clone(),
                });
            }
        }
    }
    Ok(())
}

fn check_pin(rules: &PinRules) -> Result<(), ProfileError> {
    let bad = |message: String| Err(ProfileError::PinRules(message));
    let length = rules.length;
    if !(1..=32).contains(&length) {
        return bad(format!("length must be from 1 to 32 (got {length})"));
    }
    if rules.checksum == Checksum::KzIin && length != 12 {
        return bad(format!("checksum kz_iin needs length 12 (got {length})"));
    }
    let within = |what: &str, position: u8, width: u8| {
        if position >= 1 && u16::from(position) + u16::from(width) - 1 <= u16::from(length) {
            Ok(())
        } else {
            Err(ProfileError::PinRules(format!(
                "{what} at position {position} does not fit in {length} digits"
            )))
        }
    };
    let single_digits = |what: &str, keys: &mut dyn Iterator<Item = &String>| {
        for key in keys {
            if key.len() != 1 || !key.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ProfileError::PinRules(format!(
                    "{what} key `{key}` must be a single digit"
                )));
            }
        }
        Ok(())
    };
    if let Some(sex) = &rules.sex {
        within("sex digit", sex.position, 1)?;
        if sex.digits.is_empty() {
            return bad("sex.digits lists no digit".to_owned());
        }
        single_digits("sex.digits", &mut sex.digits.keys())?;
    }
    if let Some(date) = &rules.birth_date {
        within("birth date", date.position, date.format.len())?;
        match (date.format, date.century_position) {
            (DateFormat::YyMmDd, None) => {
                return bad("format YYMMDD needs century_position".to_owned());
            }
            (DateFormat::YyMmDd, Some(century)) => {
                within("century digit", century, 1)?;
                if date.centuries.is_empty() {
                    return bad("format YYMMDD needs centuries".to_owned());
                }
                single_digits("birth_date.centuries", &mut date.centuries.keys())?;
                if let Some(year) = date.centuries.values().find(|y| *y % 100 != 0) {
                    return bad(format!("century {year} must be a multiple of 100"));
                }
            }
            (DateFormat::DdMmYyyy, Some(_)) => {
                return bad("format DDMMYYYY has the full year: no century_position".to_owned());
            }
            (DateFormat::DdMmYyyy, None) if !date.centuries.is_empty() => {
                return bad("format DDMMYYYY has the full year: no centuries".to_owned());
            }
            (DateFormat::DdMmYyyy, None) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small valid profile for tests to break one rule at a time.
    pub(crate) fn minimal_toml() -> String {
        r#"
id = "xx"
country = "KG"
name = "Test"

[pin]
length = 12
checksum = "kz_iin"

[pin.sex]
position = 7
digits = { "1" = "male", "2" = "female" }

[pin.birth_date]
position = 1
format = "YYMMDD"
century_position = 7
centuries = { "1" = 1900, "2" = 1900 }

[[regions]]
code = "KG-A"
ky = "А"
ru = "А"
en = "A"
spellings = ["Alpha"]
population = 10

[[regions]]
code = "KG-B"
ky = "Б"
ru = "Б"
en = "B"
spellings = ["Beta"]
population = 20

[[editions]]
year = 2010
name = "Old code"

[[editions.articles]]
article = "7"
parts = 2
en = "Seven"
ru = "Семь"
ky = "Жети"
trafficking = false

[[editions]]
year = 2020
name = "New code"

[[editions.articles]]
article = "1"
parts = 3
en = "One"
ru = "Один"
ky = "Бир"
trafficking = true
"#
        .to_owned()
    }

    fn error(text: &str) -> ProfileError {
        match from_toml(text) {
            Ok(_) => panic!("expected an error for:\n{text}"),
            Err(e) => e,
        }
    }

    #[test]
    fn every_builtin_profile_loads() {
        assert_eq!(BUILTIN_IDS.len(), SOURCES.len());
        for (id, source) in BUILTIN_IDS.iter().zip(SOURCES) {
            let profile = from_toml(source).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert_eq!(profile.id(), *id);
            assert!(builtin(id).is_some());
            assert!(builtin(&id.to_uppercase()).is_some());
        }
        assert!(builtin("ru").is_none());
        assert_eq!(CountryProfile::builtin_ids(), ["kg", "kz"]);
    }

    #[test]
    fn kyrgyzstan_is_the_default_and_complete() {
        let kg = kyrgyzstan();
        assert_eq!(
            (kg.id(), kg.country(), kg.name()),
            ("kg", "KG", "Kyrgyzstan")
        );
        let codes: Vec<&str> = kg.regions().iter().map(|r| r.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "KG-B", "KG-C", "KG-J", "KG-N", "KG-O", "KG-T", "KG-Y", "KG-GB", "KG-GO"
            ]
        );
        let years: Vec<u16> = kg.editions().iter().map(|e| e.year).collect();
        assert_eq!(years, [2021, 2017, 1997]);
        assert_eq!(kg.pin_rules().length, 14);
        let total: u64 = kg.regions().iter().map(|r| u64::from(r.population)).sum();
        assert!((6_000_000..8_000_000).contains(&total), "{total}");
        for region in kg.regions() {
            assert!(region.spellings.len() >= 2, "{}", region.code);
            assert!(region.population > 100_000, "{}", region.code);
        }
    }

    #[test]
    fn kazakhstan_loads_with_its_iin_rules() {
        let kz = builtin("KZ").unwrap();
        assert_eq!((kz.id(), kz.country()), ("kz", "KZ"));
        assert_eq!(kz.regions().len(), 20);
        assert_eq!(kz.pin_rules().length, 12);
        assert_eq!(kz.pin_rules().checksum, Checksum::KzIin);
        for code in ["KZ-71", "KZ-75", "KZ-79"] {
            assert!(kz.parse_region("region", code).is_ok(), "{code}");
        }
    }

    #[test]
    fn editions_are_sorted_newest_first() {
        let profile = from_toml(&minimal_toml()).unwrap();
        let years: Vec<u16> = profile.editions().iter().map(|e| e.year).collect();
        assert_eq!(years, [2020, 2010]);
    }

    #[test]
    fn syntax_and_shape_errors() {
        assert!(matches!(error("id = "), ProfileError::Toml(_)));
        assert!(matches!(
            error(&minimal_toml().replace("population = 10", "")),
            ProfileError::Toml(_)
        ));
        let typo = minimal_toml().replace("spellings = [\"Alpha\"]", "spelling = [\"Alpha\"]");
        assert!(matches!(error(&typo), ProfileError::Toml(_)));
        let bad_format = minimal_toml().replace("\"YYMMDD\"", "\"MMDDYY\"");
        assert!(matches!(error(&bad_format), ProfileError::Toml(_)));
        let bad_checksum = minimal_toml().replace("\"kz_iin\"", "\"luhn\"");
        assert!(matches!(error(&bad_checksum), ProfileError::Toml(_)));
    }

    #[test]
    fn id_and_country_are_checked() {
        assert!(matches!(
            error(&minimal_toml().replace("id = \"xx\"", "id = \"X X\"")),
            ProfileError::InvalidId(_)
        ));
        assert!(matches!(
            error(&minimal_toml().replace("id = \"xx\"", "id = \"\"")),
            ProfileError::InvalidId(_)
        ));
        let err = error(&minimal_toml().replace("country = \"KG\"", "country = \"QQ\""));
        assert!(
            matches!(err, ProfileError::InvalidCountry(ref c) if c == "QQ"),
            "{err}"
        );
    }

    #[test]
    fn region_errors() {
        let text = minimal_toml();
        let Some(cut) = text.find("[[regions]]") else {
            panic!("no regions in the sample")
        };
        let Some(end) = text.find("[[editions]]") else {
            panic!("no editions in the sample")
        };
        let no_regions = format!("{}{}", &text[..cut], &text[end..]).replacen(
            "name = \"Test\"\n",
            "name = \"Test\"\nregions = []\n",
            1,
        );
        assert!(matches!(error(&no_regions), ProfileError::NoRegions));
        let duplicate = text.replace("code = \"KG-B\"", "code = \"KG-A\"");
        assert!(matches!(error(&duplicate), ProfileError::DuplicateRegion(ref c) if c == "KG-A"));
        for bad in ["KZ-B", "KG-b", "KG-", "KG-ABCD", "KGB"] {
            let wrong = text.replace("code = \"KG-B\"", &format!("code = \"{bad}\""));
            assert!(
                matches!(error(&wrong), ProfileError::InvalidRegionCode(ref c) if c == bad),
                "{bad}"
            );
        }
        // "ALPHA" and "Alpha" fold to the same key.
        let ambiguous = text.replace(
            "spellings = [\"Beta\"]",
            "spellings = [\"Beta\", \"ALPHA\"]",
        );
        let err = error(&ambiguous);
        assert!(
            matches!(err, ProfileError::AmbiguousRegionName { ref first, ref second, .. } if first == "KG-A" && second == "KG-B"),
            "{err}"
        );
        let blank = text.replace("spellings = [\"Beta\"]", "spellings = [\"Beta\", \" - \"]");
        assert!(matches!(error(&blank), ProfileError::BlankRegionName(ref c) if c == "KG-B"));
    }

    #[test]
    fn edition_and_article_errors() {
        let text = minimal_toml();
        let duplicate_year = text.replace("year = 2010", "year = 2020");
        assert!(matches!(
            error(&duplicate_year),
            ProfileError::DuplicateEdition(2020)
        ));
        // The same number in two editions is normal.
        assert!(from_toml(&text.replace("article = \"7\"", "article = \"1\"")).is_ok());
        let twice = text.replace(
            "trafficking = true\n",
            "trafficking = true\n\n[[editions.articles]]\narticle = \"1\"\nparts = 0\n\
             en = \"x\"\nru = \"x\"\nky = \"x\"\ntrafficking = false\n",
        );
        let err = error(&twice);
        assert!(
            matches!(err, ProfileError::DuplicateArticle { edition: 2020, ref article } if article == "1"),
            "{err}"
        );
        for bad in ["", " 1", "1 2", "1/2", "1a"] {
            let wrong = text.replace("article = \"7\"", &format!("article = \"{bad}\""));
            let err = error(&wrong);
            assert!(
                matches!(err, ProfileError::InvalidArticle { edition: 2010, .. }),
                "{bad:?}: {err}"
            );
        }
        let Some(cut) = text.find("[[editions]]") else {
            panic!("no editions in the sample")
        };
        let no_editions =
            text[..cut].replacen("name = \"Test\"\n", "name = \"Test\"\neditions = []\n", 1);
        assert!(matches!(error(&no_editions), ProfileError::NoEditions));
    }

    fn pin_error(from: &str, to: &str) -> String {
        let text = minimal_toml();
        assert!(text.contains(from), "{from}");
        match error(&text.replace(from, to)) {
            ProfileError::PinRules(message) => message,
            other => panic!("expected a pin rule error, got {other}"),
        }
    }

    #[test]
    fn pin_rule_errors() {
        let m = pin_error("length = 12", "length = 0");
        assert!(m.contains("length must be from 1 to 32"), "{m}");
        let m = pin_error("[pin.sex]\nposition = 7", "[pin.sex]\nposition = 13");
        assert!(
            m.contains("sex digit at position 13 does not fit in 12 digits"),
            "{m}"
        );
        let m = pin_error("[pin.sex]\nposition = 7", "[pin.sex]\nposition = 0");
        assert!(m.contains("sex digit at position 0"), "{m}");
        let m = pin_error(
            "[pin.birth_date]\nposition = 1",
            "[pin.birth_date]\nposition = 8",
        );
        assert!(
            m.contains("birth date at position 8 does not fit in 12 digits"),
            "{m}"
        );
        let m = pin_error("century_position = 7", "century_position = 13");
        assert!(m.contains("century digit at position 13"), "{m}");
        let m = pin_error("century_position = 7\n", "");
        assert!(m.contains("YYMMDD needs century_position"), "{m}");
        let m = pin_error(
            "centuries = { \"1\" = 1900, \"2\" = 1900 }",
            "centuries = {}",
        );
        assert!(m.contains("YYMMDD needs centuries"), "{m}");
        let m = pin_error(
            "centuries = { \"1\" = 1900, \"2\" = 1900 }",
            "centuries = { \"1\" = 1950 }",
        );
        assert!(m.contains("multiple of 100"), "{m}");
        let m = pin_error(
            "centuries = { \"1\" = 1900, \"2\" = 1900 }",
            "centuries = { \"12\" = 1900 }",
        );
        assert!(m.contains("single digit"), "{m}");
        let m = pin_error(
            "digits = { \"1\" = \"male\", \"2\" = \"female\" }",
            "digits = { \"x\" = \"male\" }",
        );
        assert!(
            m.contains("sex.digits key `x` must be a single digit"),
            "{m}"
        );
        let m = pin_error(
            "digits = { \"1\" = \"male\", \"2\" = \"female\" }",
            "digits = {}",
        );
        assert!(m.contains("lists no digit"), "{m}");
        let m = pin_error("format = \"YYMMDD\"", "format = \"DDMMYYYY\"");
        assert!(m.contains("no century_position"), "{m}");
        let m = pin_error(
            "format = \"YYMMDD\"\ncentury_position = 7\n",
            "format = \"DDMMYYYY\"\n",
        );
        assert!(m.contains("no centuries"), "{m}");
    }

    #[test]
    fn a_checksum_must_fit_the_length() {
        let text = minimal_toml().replace("length = 12", "length = 13");
        match error(&text) {
            ProfileError::PinRules(m) => {
                assert!(m.contains("kz_iin needs length 12 (got 13)"), "{m}")
            }
            other => panic!("{other}"),
        }
    }
}
