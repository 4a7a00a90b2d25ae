//! How legacy spreadsheets write values: Russian and Kyrgyz labels, English labels, region
//! spellings, windows-1251-safe text.

use korgon_domain::profile::RegionDef;
use korgon_domain::{ArticleInput, ExploitationForm, PersonInput, Sex};

use rand::RngExt;

use crate::rng::{SynthRng, pick_copy};
use crate::translit::{has_cyrillic, keyboard_fold};

/// "Фамилия Имя Отчество" from a record's name parts.
pub(super) fn full_name(input: &PersonInput) -> String {
    [&input.family_name, &input.given_name, &input.patronymic]
        .into_iter()
        .filter_map(|p| p.as_deref())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sex as Russian police registers write it.
pub(super) fn sex_ru(rng: &mut SynthRng, sex: Sex) -> &'static str {
    match sex {
        Sex::Female => pick_copy(rng, &["ж", "жен."]),
        Sex::Male => pick_copy(rng, &["м", "муж."]),
        Sex::Unknown => "",
    }
}

/// Sex as a bilingual NGO register writes it (Kyrgyz or Russian).
pub(super) fn sex_mixed(rng: &mut SynthRng, sex: Sex) -> &'static str {
    match sex {
        Sex::Female => pick_copy(rng, &["ж", "жен", "аял"]),
        Sex::Male => pick_copy(rng, &["м", "муж", "эркек"]),
        Sex::Unknown => "",
    }
}

/// A citation as police write it: `ст. 166 ч. 2 УК КР (2021)`.
pub(super) fn article_ru(article: &ArticleInput) -> String {
    match &article.part {
        Some(part) => format!(
            "ст. {} ч. {} УК КР ({})",
            article.article, part, article.edition
        ),
        None => format!("ст. {} УК КР ({})", article.article, article.edition),
    }
}

/// A country in Russian, as a citizenship column writes it.
pub(super) fn citizenship_ru(code: &str) -> &'static str {
    match code {
        "KG" => "КР",
        "UZ" => "Узбекистан",
        "TJ" => "Таджикистан",
        "KZ" => "Казахстан",
        "RU" => "Россия",
        _ => "иное",
    }
}

/// A country in English.
pub(super) fn country_en(code: &str) -> &'static str {
    match code {
        "KG" => "Kyrgyzstan",
        "UZ" => "Uzbekistan",
        "TJ" => "Tajikistan",
        "KZ" => "Kazakhstan",
        "RU" => "Russia",
        "TR" => "Turkey",
        "AE" => "UAE",
        "QA" => "Qatar",
        "BH" => "Bahrain",
        "KR" => "South Korea",
        "PL" => "Poland",
        "DE" => "Germany",
        "IN" => "India",
        _ => "Other",
    }
}

/// A form of exploitation in English.
pub(super) fn form_en(form: ExploitationForm) -> &'static str {
    use ExploitationForm::*;
    match form {
        SexualExploitation => "sexual exploitation",
        ForcedLabour => "labour exploitation",
        ForcedMarriage => "forced marriage / bride kidnapping",
        ChildMarriage => "child marriage",
        ForcedCriminality => "forced criminality",
        Begging => "forced begging",
        OrganRemoval => "organ removal",
        ForcedMilitary => "forced military service",
        ChildSaleAdoption => "sale of a child",
        Other => "other",
    }
}

/// A kind of assistance in Russian.
pub(super) fn assistance_ru(kind: &str) -> &'static str {
    match kind {
        "shelter" => "приют",
        "medical" => "медицинская помощь",
        "legal" => "юридическая помощь",
        "psychological" => "психологическая помощь",
        "repatriation" => "возвращение на родину",
        "reintegration" => "реинтеграция",
        _ => "профобучение",
    }
}

/// How a police register names a region: the official Russian name, or its short form.
pub(super) fn region_police(rng: &mut SynthRng, region: &RegionDef) -> String {
    let short: Vec<&String> = region
        .spellings
        .iter()
        .filter(|s| s.contains("обл.") || s.starts_with("г."))
        .collect();
    if short.is_empty() || rng.random_bool(0.6) {
        region.ru.clone()
    } else {
        (pick_copy(rng, &short)).clone()
    }
}

/// Any of the region's names in Cyrillic or Latin letters (no code), as free text.
pub(super) fn region_free(rng: &mut SynthRng, region: &RegionDef) -> String {
    let names: Vec<&str> = region.names().filter(|n| *n != region.code).collect();
    (pick_copy(rng, &names)).to_owned()
}

/// One of the region's names in Latin letters.
pub(super) fn region_latin(rng: &mut SynthRng, region: &RegionDef) -> String {
    let names: Vec<&str> = region
        .names()
        .filter(|n| *n != region.code && !has_cyrillic(n))
        .collect();
    if names.is_empty() {
        region.en.clone()
    } else {
        (pick_copy(rng, &names)).to_owned()
    }
}

/// Text as windows-1251 can hold it: Kyrgyz letters folded to Russian ones, Latin
/// diacritics dropped (ü → u, ö → o), typographic quotes kept (cp1251 has « »).
pub(super) fn cp1251_safe(text: &str) -> String {
    keyboard_fold(text)
        .chars()
        .map(|c| match c {
            'ü' => 'u',
            'Ü' => 'U',
            'ö' => 'o',
            'Ö' => 'O',
            'ä' => 'a',
            'ı' => 'i',
            other => other,
        })
        .collect()
}
