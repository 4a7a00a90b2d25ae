//! How one agency's record of an individual departs from the truth: other scripts and
//! transliterations, the other patronymic form, typing errors, missing fields. Every change
//! is recorded as a [`crate::model::Variation`] so that matching can be scored later.

mod patronymic;
mod record;
mod script;
mod typo;

pub(crate) use record::write_record;
pub use typo::TypoEdit;
