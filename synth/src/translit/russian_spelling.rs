//! Kyrgyz Cyrillic as Russian writers and Russian keyboards render it.

fn fold_letter(c: char) -> char {
    match c {
        'ү' => 'у',
        'Ү' => 'У',
        'ө' => 'о',
        'Ө' => 'О',
        'ң' => 'н',
        'Ң' => 'Н',
        other => other,
    }
}

/// Replaces the Kyrgyz letters by their Russian look-alikes (ү→у, ө→о, ң→н): what a Russian
/// keyboard, or a windows-1251 file, leaves of a Kyrgyz name.
pub fn keyboard_fold(text: &str) -> String {
    text.chars().map(fold_letter).collect()
}

fn is_consonant(c: char) -> bool {
    let c = c.to_lowercase().next().unwrap_or(c);
    c.is_alphabetic() && !"аеёиоуыэюяөүьъй".contains(c)
}

/// The Russian spelling of a Kyrgyz name: `Айгүл` → `Айгуль`, `Чыңгыз` → `Чингыз`,
/// `Жээнбеков` → `Женбеков` (or `Дженбеков` with `dzh`), `Таалай` → `Талай`.
///
/// `shorten` drops the Kyrgyz long vowels (аа, ээ, оо, уу, үү, өө, ыы); `dzh` writes an
/// initial Ж as Дж, as Russian texts write Джалал-Абад.
pub fn russian_spelling(text: &str, shorten: bool, dzh: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let word_start = i == 0 || chars[i - 1] == ' ' || chars[i - 1] == '-';
        if dzh && word_start && c == 'Ж' {
            out.push_str("Дж");
            i += 1;
            continue;
        }
        if shorten && next == Some(c) && "аэоуүөыАЭОУҮӨЫ".contains(c) {
            // One letter for the long vowel; ээ becomes е as in Russian spelling.
            out.push(if c == 'э' { 'е' } else { fold_letter(c) });
            i += 2;
            continue;
        }
        if c == 'ы' && out.ends_with(['ч', 'Ч', 'ш', 'Ш']) {
            out.push('и');
            i += 1;
            continue;
        }
        if c == 'л' && i > 0 && matches!(chars[i - 1], 'ү' | 'ю') && next.is_none_or(is_consonant)
        {
            out.push_str("ль");
            i += 1;
            continue;
        }
        out.push(fold_letter(c));
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_spellings() {
        assert_eq!(russian_spelling("Айгүл", false, false), "Айгуль");
        assert_eq!(russian_spelling("Гүлнара", false, false), "Гульнара");
        assert_eq!(russian_spelling("Чыңгыз", false, false), "Чингыз");
        assert_eq!(russian_spelling("Жээнбеков", true, false), "Женбеков");
        assert_eq!(russian_spelling("Жээнбеков", false, true), "Джээнбеков");
        assert_eq!(russian_spelling("Таалай", true, false), "Талай");
        assert_eq!(russian_spelling("Өмүрбек", false, false), "Омурбек");
        assert_eq!(russian_spelling("Асанбек уулу", true, false), "Асанбек улу");
        assert_eq!(keyboard_fold("Төрөкан Дүйшөнова"), "Торокан Дуйшонова");
    }
}
