//! Gendered family names and the two forms of patronymic.

use korgon_domain::Sex;

/// Endings of masculine family names and patronymic family names.
pub fn masculine_family_suffixes() -> &'static [&'static str] {
    &["ов", "ев", "ёв", "ин", "уулу"]
}

/// Endings of feminine family names and patronymic family names.
pub fn feminine_family_suffixes() -> &'static [&'static str] {
    &["ова", "ева", "ёва", "ина", "кызы"]
}

fn is_vowel(c: char) -> bool {
    "аеёиоуыэюяөү".contains(c)
}

/// A family name built from an ancestor's name: `Асанбек` → `Асанбеков` / `Асанбекова`,
/// `Турдубай` → `Турдубаев`, `Сатыбалды` → `Сатыбалдиев`, `Абдылда` → `Абдылдаев`.
pub(crate) fn surname_from_root(root: &str, sex: Sex) -> String {
    let mut chars: Vec<char> = root.chars().collect();
    let last = chars.last().copied().unwrap_or('а');
    let suffix = match last {
        'й' => {
            chars.pop();
            "ев"
        }
        'ы' | 'и' => {
            chars.pop();
            "иев"
        }
        c if is_vowel(c) => "ев",
        'ж' | 'ш' | 'ч' | 'щ' | 'ц' => "ев",
        _ => "ов",
    };
    let mut name: String = chars.into_iter().collect();
    name.push_str(suffix);
    if sex == Sex::Female {
        name.push('а');
    }
    name
}

/// The Kyrgyz patronymic: `Бакыт уулу` (son of Бакыт) or `Бакыт кызы` (daughter of Бакыт).
pub(crate) fn kyrgyz_patronymic(father: &str, sex: Sex) -> String {
    match sex {
        Sex::Female => format!("{father} кызы"),
        _ => format!("{father} уулу"),
    }
}

/// The Russian-style patronymic from a father's name, with the irregular Russian forms:
/// `Бакыт` → `Бакытович`/`Бакытовна`, `Таалай` → `Таалаевич`, `Сергей` → `Сергеевич`,
/// `Юрий` → `Юрьевич`, `Михаил` → `Михайлович`, `Павел` → `Павлович`.
pub(crate) fn russian_patronymic(father: &str, sex: Sex) -> String {
    let female = sex == Sex::Female;
    let irregular = match father {
        "Михаил" => Some("Михайлов"),
        "Павел" => Some("Павлов"),
        "Лев" => Some("Львов"),
        "Пётр" => Some("Петров"),
        _ => None,
    };
    if let Some(stem) = irregular {
        return format!("{stem}{}", if female { "на" } else { "ич" });
    }
    let mut chars: Vec<char> = father.chars().collect();
    let last = chars.last().copied().unwrap_or('а');
    let soft_stem: Option<&str> = match last {
        // Юрий → Юрьевич, Дмитрий → Дмитриевич, Евгений → Евгеньевич.
        'й' if father.ends_with("ий") => {
            chars.truncate(chars.len() - 2);
            Some(if matches!(father, "Дмитрий" | "Анатолий") {
                "иев"
            } else {
                "ьев"
            })
        }
        'й' => {
            chars.pop();
            Some("ев")
        }
        'ь' => {
            chars.pop();
            Some("ев")
        }
        'ы' | 'и' => {
            chars.pop();
            Some("иев")
        }
        c if is_vowel(c) => Some("ев"),
        'ж' | 'ш' | 'ч' | 'щ' | 'ц' => Some("ев"),
        _ => None,
    };
    let mut name: String = chars.into_iter().collect();
    name.push_str(soft_stem.unwrap_or("ов"));
    name.push_str(if female { "на" } else { "ич" });
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_agree_with_sex() {
        assert_eq!(surname_from_root("Асанбек", Sex::Male), "Асанбеков");
        assert_eq!(surname_from_root("Асанбек", Sex::Female), "Асанбекова");
        assert_eq!(surname_from_root("Турдубай", Sex::Male), "Турдубаев");
        assert_eq!(surname_from_root("Сатыбалды", Sex::Female), "Сатыбалдиева");
        assert_eq!(surname_from_root("Абдылда", Sex::Male), "Абдылдаев");
    }

    #[test]
    fn patronymics_in_both_forms() {
        assert_eq!(kyrgyz_patronymic("Асанбек", Sex::Male), "Асанбек уулу");
        assert_eq!(kyrgyz_patronymic("Асанбек", Sex::Female), "Асанбек кызы");
        assert_eq!(russian_patronymic("Асанбек", Sex::Male), "Асанбекович");
        assert_eq!(russian_patronymic("Бакыт", Sex::Female), "Бакытовна");
        assert_eq!(russian_patronymic("Таалай", Sex::Male), "Таалаевич");
        assert_eq!(russian_patronymic("Сергей", Sex::Female), "Сергеевна");
        assert_eq!(russian_patronymic("Юрий", Sex::Male), "Юрьевич");
        assert_eq!(russian_patronymic("Дмитрий", Sex::Female), "Дмитриевна");
        assert_eq!(russian_patronymic("Игорь", Sex::Male), "Игоревич");
        assert_eq!(russian_patronymic("Михаил", Sex::Female), "Михайловна");
    }
}
