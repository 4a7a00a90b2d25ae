//! Countries as ISO 3166-1 alpha-2 codes: citizenship of a person and the countries a
//! transnational case involves.
//!
//! Trafficking from Kyrgyzstan is mostly transnational (Russia, Kazakhstan, Turkey, the UAE…),
//! and reports group cases by country, so a country must be one code, never free text that
//! spells Russia five ways. The list is embedded rather than taken from the operating system so
//! that validation is the same on every server.

use serde::Serialize;

use crate::error::FieldError;

/// Every currently assigned ISO 3166-1 alpha-2 code (249), sorted for binary search.
/// User-assigned codes such as `XK` are not part of the standard and are refused.
const CODES: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// An ISO 3166-1 alpha-2 country code (`KG`), upper-case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CountryCode(String);

impl CountryCode {
    /// Parses a code: trimmed, upper-cased, and one of the 249 assigned codes.
    pub fn parse(field: &str, input: &str) -> Result<CountryCode, FieldError> {
        let code = input.trim().to_ascii_uppercase();
        if CODES.binary_search(&code.as_str()).is_ok() {
            Ok(CountryCode(code))
        } else {
            Err(FieldError::new(
                field,
                "must be an ISO 3166-1 alpha-2 country code such as KG, RU, KZ",
            ))
        }
    }

    /// The code as text (`KG`).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Every assigned code, in alphabetical order.
    pub fn all() -> impl Iterator<Item = &'static str> {
        CODES.iter().copied()
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_unique_and_complete() {
        assert_eq!(CountryCode::all().count(), 249);
        assert!(
            CODES.windows(2).all(|w| w[0] < w[1]),
            "binary search needs a sorted list"
        );
        assert!(
            CODES
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        );
    }

    #[test]
    fn codes_are_trimmed_and_upper_cased() {
        assert_eq!(
            CountryCode::parse("citizenship", " kg ").unwrap().as_str(),
            "KG"
        );
        for code in [
            "RU", "KZ", "TR", "AE", "UZ", "TJ", "CN", "KR", "AX", "ZW", "AD",
        ] {
            assert_eq!(CountryCode::parse("c", code).unwrap().as_str(), code);
        }
    }

    #[test]
    fn unknown_and_malformed_codes_name_the_field_without_the_value() {
        for bad in ["XK", "SU", "YU", "KGZ", "K", "", "Кыргызстан", "ZZ", "K G"] {
            let err = CountryCode::parse("countries[3]", bad).unwrap_err();
            assert_eq!(err.field, "countries[3]");
            assert_eq!(
                err.message,
                "must be an ISO 3166-1 alpha-2 country code such as KG, RU, KZ"
            );
        }
    }

    #[test]
    fn serialises_as_the_plain_code() {
        let code = CountryCode::parse("c", "ru").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), "\"RU\"");
        assert_eq!(code.to_string(), "RU");
    }
}
