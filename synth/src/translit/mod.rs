//! Transliteration of Kyrgyz and Russian Cyrillic names, written for the generator alone.
//!
//! The ground truth must not depend on the matcher it will score, so these tables are this
//! crate's own (the search index has its own normalisation). Each system is an approximation
//! of how one kind of clerk writes Cyrillic names in Latin letters: a passport office, a
//! geographer, a Kyrgyz official, a Russian speaker, someone picking look-alike keys.

mod russian_spelling;
mod tables;

pub use russian_spelling::{keyboard_fold, russian_spelling};

use serde::Serialize;

/// A way of writing Cyrillic in Latin letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TranslitSystem {
    /// Passport style (ICAO Doc 9303): ж→zh, й→i, х→kh, ц→ts, ю→iu, я→ia, ү→u, ө→o, ң→n.
    Icao,
    /// BGN/PCGN for Kyrgyz: ж→j, й→y, ү→ü, ө→ö, ң→ng, х→kh, ю→yu, я→ya, initial е→ye.
    BgnPcgn,
    /// As Kyrgyz officials often write: ж→j, й→y, ү→u, ө→o, ң→ng, х→h, ю→yu, я→ya.
    KyrgyzLatin,
    /// As a Russian speaker writes informally: ж→zh, й→y, х→h, ц→c, щ→sch, ү→u, ө→o, ң→n.
    Informal,
    /// Look-alike keys: ү→y, ө→o, ң→n, ж→j, х→h, й→i (typed on a Latin keyboard by eye).
    Lookalike,
}

impl TranslitSystem {
    /// Every system.
    pub const ALL: [TranslitSystem; 5] = [
        TranslitSystem::Icao,
        TranslitSystem::BgnPcgn,
        TranslitSystem::KyrgyzLatin,
        TranslitSystem::Informal,
        TranslitSystem::Lookalike,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            TranslitSystem::Icao => "icao",
            TranslitSystem::BgnPcgn => "bgn_pcgn",
            TranslitSystem::KyrgyzLatin => "kyrgyz_latin",
            TranslitSystem::Informal => "informal",
            TranslitSystem::Lookalike => "lookalike",
        }
    }
}

fn is_cyrillic_vowel(c: char) -> bool {
    "аеёиоуыэюяөү".contains(c)
}

/// Writes `text` in Latin letters with `system`. Characters outside the Cyrillic tables
/// (spaces, hyphens, Latin letters) are kept; an upper-case letter gives a capitalised
/// group (`Ж` → `Zh`).
pub fn transliterate(text: &str, system: TranslitSystem) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let after_vowel_or_start = previous.is_none_or(|p| {
            let p = p.to_lowercase().next().unwrap_or(p);
            is_cyrillic_vowel(p) || "ъь -".contains(p)
        });
        match tables::latin(system, lower, after_vowel_or_start) {
            Some(latin) if c.is_uppercase() => {
                let mut chars = latin.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
        previous = Some(c);
    }
    out
}

/// True when `text` contains a Cyrillic letter.
pub fn has_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// True when `text` contains a Latin letter (with or without diacritics).
pub fn has_latin(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::TranslitSystem::*;
    use super::*;

    #[test]
    fn the_briefs_examples() {
        assert_eq!(transliterate("Айгүл", Icao), "Aigul");
        assert_eq!(transliterate("Айгүл", BgnPcgn), "Aygül");
        assert_eq!(transliterate("Айгүл", Informal), "Aygul");
        assert_eq!(transliterate("Айгүл", Lookalike), "Aigyl");
        assert_eq!(transliterate("Жээнбеков", Icao), "Zheenbekov");
        assert_eq!(transliterate("Жээнбеков", KyrgyzLatin), "Jeenbekov");
        assert_eq!(transliterate("Джээнбеков", Icao), "Dzheenbekov");
        assert_eq!(transliterate("Асанбек уулу", BgnPcgn), "Asanbek uulu");
        assert_eq!(transliterate("Чыңгыз", BgnPcgn), "Chynggyz");
        assert_eq!(transliterate("Чыңгыз", KyrgyzLatin), "Chynggyz");
        assert_eq!(transliterate("Хасанов", Icao), "Khasanov");
        assert_eq!(transliterate("Хасанов", Informal), "Hasanov");
        assert_eq!(transliterate("Елена", BgnPcgn), "Yelena");
        assert_eq!(transliterate("Наталья", Icao), "Natalia");
        assert_eq!(transliterate("Юлия", Icao), "Iuliia");
        assert_eq!(transliterate("Юлия", Informal), "Yuliya");
    }

    #[test]
    fn no_cyrillic_survives_any_system() {
        let alphabet = "АБВГДЕЁЖЗИЙКЛМНҢОӨПРСТУҮФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя";
        for system in TranslitSystem::ALL {
            let latin = transliterate(alphabet, system);
            assert!(!has_cyrillic(&latin), "{system:?}: {latin}");
        }
    }
}
