//! The other forms of a patronymic: `Бакыт кызы` ↔ `Бакытовна`, and the father's name as
//! family name (`Бакыт кызы` ↔ `Бакытова`).

use korgon_domain::Sex;

use crate::names::{
    CanonicalName, Ethnicity, PatronymicStyle, kyrgyz_patronymic, russian_patronymic,
    surname_from_root,
};
use crate::rng::{SynthRng, chance};

/// The (family name, patronymic) of `name` written in another form, or `None` when the
/// tradition has no other form.
pub(crate) fn other_form(
    rng: &mut SynthRng,
    name: &CanonicalName,
    sex: Sex,
) -> Option<(String, Option<String>)> {
    let father = name.father.as_str();
    match name.style {
        PatronymicStyle::Kyrgyz | PatronymicStyle::Russian
            if name.ethnicity == Ethnicity::Kyrgyz =>
        {
            if chance(rng, 0.6) {
                let other = if name.style == PatronymicStyle::Kyrgyz {
                    russian_patronymic(father, sex)
                } else {
                    kyrgyz_patronymic(father, sex)
                };
                Some((name.family.clone(), Some(other)))
            } else {
                // The patronymic written where the family name goes: Айгүл Бакыт кызы.
                Some((kyrgyz_patronymic(father, sex), None))
            }
        }
        PatronymicStyle::UuluAsFamily => {
            // Асанбек уулу ↔ Асанбеков (Асанбекович).
            let family = surname_from_root(father, sex);
            let patronymic = chance(rng, 0.5).then(|| russian_patronymic(father, sex));
            Some((family, patronymic))
        }
        _ => None,
    }
}
