//! A person's full canonical name, drawn for a naming tradition and a sex.

use korgon_domain::Sex;

use super::central_asian as ca;
use super::ethnicity::Ethnicity;
use super::forms::{kyrgyz_patronymic, russian_patronymic, surname_from_root};
use super::{kyrgyz, russian};
use crate::rng::{SynthRng, pick, weighted};

/// How the patronymic is written in the canonical record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PatronymicStyle {
    /// `Бакыт уулу` / `Бакыт кызы` beside a family name.
    Kyrgyz,
    /// `Бакытович` / `Бакытовна`.
    Russian,
    /// No family name of its own: the family name *is* `Бакыт уулу` / `Бакыт кызы`.
    UuluAsFamily,
    /// No patronymic recorded.
    Absent,
}

/// The individual's name as it really is, in Cyrillic, plus what variants are built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CanonicalName {
    /// Naming tradition.
    pub ethnicity: Ethnicity,
    /// Given name.
    pub given: String,
    /// Family name (gendered).
    pub family: String,
    /// Patronymic, unless the style is `UuluAsFamily` or `Absent`.
    pub patronymic: Option<String>,
    /// The father's given name.
    pub father: String,
    /// How the patronymic is written.
    pub style: PatronymicStyle,
}

fn tables(ethnicity: Ethnicity) -> (&'static [&'static str], &'static [&'static str]) {
    match ethnicity {
        Ethnicity::Kyrgyz => (kyrgyz::FEMALE, kyrgyz::MALE),
        Ethnicity::Russian => (russian::FEMALE, russian::MALE),
        Ethnicity::Uzbek => (ca::UZBEK_FEMALE, ca::UZBEK_MALE),
        Ethnicity::Tajik => (ca::TAJIK_FEMALE, ca::TAJIK_MALE),
        Ethnicity::Kazakh => (ca::KAZAKH_FEMALE, ca::KAZAKH_MALE),
        Ethnicity::Dungan => (ca::DUNGAN_FEMALE, ca::DUNGAN_MALE),
    }
}

fn family_table(ethnicity: Ethnicity) -> &'static [&'static str] {
    match ethnicity {
        Ethnicity::Kyrgyz => kyrgyz::ROOTS,
        Ethnicity::Russian => russian::FAMILIES,
        Ethnicity::Uzbek => ca::UZBEK_FAMILIES,
        Ethnicity::Tajik => ca::TAJIK_FAMILIES,
        Ethnicity::Kazakh => ca::KAZAKH_FAMILIES,
        Ethnicity::Dungan => ca::DUNGAN_FAMILIES,
    }
}

fn gendered(masculine: &str, sex: Sex) -> String {
    if sex == Sex::Female {
        format!("{masculine}а")
    } else {
        masculine.to_owned()
    }
}

/// Draws a canonical name. `sex` must be female or male.
pub(crate) fn generate_name(rng: &mut SynthRng, ethnicity: Ethnicity, sex: Sex) -> CanonicalName {
    let (female, male) = tables(ethnicity);
    let given = if sex == Sex::Female {
        pick(rng, female)
    } else {
        pick(rng, male)
    };
    let father = (*pick(rng, male)).to_owned();
    let family_source = *pick(rng, family_table(ethnicity));
    let style = match ethnicity {
        Ethnicity::Kyrgyz => weighted(
            rng,
            &[
                (PatronymicStyle::Kyrgyz, 45),
                (PatronymicStyle::Russian, 35),
                (PatronymicStyle::UuluAsFamily, 15),
                (PatronymicStyle::Absent, 5),
            ],
        ),
        Ethnicity::Russian => weighted(
            rng,
            &[(PatronymicStyle::Russian, 95), (PatronymicStyle::Absent, 5)],
        ),
        _ => weighted(
            rng,
            &[
                (PatronymicStyle::Russian, 85),
                (PatronymicStyle::Absent, 15),
            ],
        ),
    };
    let family = match (ethnicity, style) {
        (_, PatronymicStyle::UuluAsFamily) => kyrgyz_patronymic(&father, sex),
        (Ethnicity::Kyrgyz, _) => surname_from_root(family_source, sex),
        _ => gendered(family_source, sex),
    };
    let patronymic = match style {
        PatronymicStyle::Kyrgyz => Some(kyrgyz_patronymic(&father, sex)),
        PatronymicStyle::Russian => Some(russian_patronymic(&father, sex)),
        PatronymicStyle::UuluAsFamily | PatronymicStyle::Absent => None,
    };
    CanonicalName {
        ethnicity,
        given: (*given).to_owned(),
        family,
        patronymic,
        father,
        style,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::{Stream, rng_for};

    #[test]
    fn kyrgyz_styles_are_consistent() {
        let mut rng = rng_for(5, Stream::Episode, 0);
        for _ in 0..200 {
            let name = generate_name(&mut rng, Ethnicity::Kyrgyz, Sex::Female);
            match name.style {
                PatronymicStyle::UuluAsFamily => {
                    assert_eq!(name.family, format!("{} кызы", name.father));
                    assert_eq!(name.patronymic, None);
                }
                PatronymicStyle::Kyrgyz => {
                    assert_eq!(name.patronymic, Some(format!("{} кызы", name.father)));
                    assert!(name.family.ends_with('а'), "{}", name.family);
                }
                PatronymicStyle::Russian => {
                    assert!(
                        name.patronymic
                            .as_deref()
                            .is_some_and(|p| p.ends_with("на"))
                    );
                }
                PatronymicStyle::Absent => assert_eq!(name.patronymic, None),
            }
        }
    }
}
