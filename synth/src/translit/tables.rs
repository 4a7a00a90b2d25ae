//! One table per system: a lower-case Cyrillic letter to its Latin group.

use super::TranslitSystem::{self, *};

/// The Latin group for a lower-case Cyrillic letter, or `None` for anything else.
/// `initial` is true at the start of a word and after a vowel (where BGN/PCGN writes `ye`).
pub(super) fn latin(system: TranslitSystem, c: char, initial: bool) -> Option<&'static str> {
    let common = match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'з' => "z",
        'и' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'ч' => "ch",
        'ш' => "sh",
        'ы' => "y",
        'ь' => "",
        'э' => "e",
        _ => return special(system, c, initial),
    };
    Some(common)
}

fn special(system: TranslitSystem, c: char, initial: bool) -> Option<&'static str> {
    let group = match (system, c) {
        (BgnPcgn, 'е') if initial => "ye",
        (_, 'е') => "e",
        (Icao | Lookalike, 'ё') => "e",
        (_, 'ё') => "yo",
        (Icao | Informal, 'ж') => "zh",
        (_, 'ж') => "j",
        (Icao | Lookalike, 'й') => "i",
        (_, 'й') => "y",
        (BgnPcgn | KyrgyzLatin, 'ң') => "ng",
        (_, 'ң') => "n",
        (BgnPcgn, 'ө') => "ö",
        (_, 'ө') => "o",
        (BgnPcgn, 'ү') => "ü",
        (Lookalike, 'ү') => "y",
        (_, 'ү') => "u",
        (Icao | BgnPcgn, 'х') => "kh",
        (_, 'х') => "h",
        (Informal, 'ц') => "c",
        (_, 'ц') => "ts",
        (Icao | BgnPcgn, 'щ') => "shch",
        (Informal, 'щ') => "sch",
        (_, 'щ') => "sh",
        (Icao, 'ъ') => "ie",
        (_, 'ъ') => "",
        (Icao, 'ю') => "iu",
        (_, 'ю') => "yu",
        (Icao, 'я') => "ia",
        (_, 'я') => "ya",
        _ => return None,
    };
    Some(group)
}
