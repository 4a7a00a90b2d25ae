//! Names: Kyrgyz, Russian, Uzbek, Tajik, Kazakh and Dungan given names, family names and
//! patronymics, with their gendered forms.
//!
//! A Kyrgyz person may be written `Айгүл Асанбекова Бакыт кызы` (family name from an
//! ancestor's name, Kyrgyz patronymic), `Айгүл Асанбекова Бакытовна` (Russian-style
//! patronymic) or `Айгүл Бакыт кызы` (the patronymic itself as family name); the generator
//! keeps the father's name so that a duplicate can be written in another of these forms.

mod central_asian;
mod ethnicity;
mod forms;
mod full;
mod kyrgyz;
mod russian;

pub use ethnicity::Ethnicity;
pub(crate) use ethnicity::ethnicity_for;
pub use forms::{feminine_family_suffixes, masculine_family_suffixes};
pub(crate) use forms::{kyrgyz_patronymic, russian_patronymic, surname_from_root};
pub(crate) use full::{CanonicalName, PatronymicStyle, generate_name};
