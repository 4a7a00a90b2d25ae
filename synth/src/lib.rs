//! Korgon's synthetic data: realistic, deterministic, and entirely invented.
//!
//! Nobody may put a real victim's data into a demo, a test or a benchmark, yet Korgon must be
//! shown and measured on data that looks and behaves like the real thing. This crate makes
//! such data from a seed: agencies and their users; persons with Kyrgyz, Russian, Uzbek and
//! other names in their gendered forms, PINs consistent with sex and birth date; cases with
//! forms of exploitation, destinations, articles and status histories in realistic
//! proportions; referrals, assistance and court decisions; the same individual recorded by
//! two or three agencies in different spellings; and the legacy spreadsheets agencies keep.
//! Beside every record lies the ground truth (which records are one individual, and how each
//! was varied) so that matching and importing can be scored.
//!
//! The crate is pure: no database, no HTTP. Persons and cases are the domain's
//! [`korgon_domain::PersonInput`] and [`korgon_domain::CaseInput`], so they pass exactly the
//! validation user input passes. See `docs/synthetic-data.md`.
//!
//! ```no_run
//! use korgon_synth::{Config, Generator, Size};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 21).ok_or("date")?;
//! let profile = korgon_domain::CountryProfile::kyrgyzstan();
//! let generator = Generator::new(&profile, Config::new(42, Size::Medium, today))?;
//! // agencies(), then users(), then every batch: persons, cases, referrals, assistance, court.
//! for batch in generator.batches(5_000) {
//!     println!("{} persons, {} cases", batch.persons.len(), batch.cases.len());
//! }
//! # Ok(()) }
//! ```

mod config;
mod episode;
mod error;
mod ids;
pub mod model;
pub mod names;
mod people;
mod rng;
mod roster;
mod scenario;
pub mod sheets;
mod size;
mod stream;
pub mod translit;
mod variation;

pub use config::{Config, DEFAULT_DUPLICATE_RATE, MAX_DUPLICATE_RATE};
pub use error::SynthError;
pub use model::{
    Agency, AssistanceRecord, CaseRecord, CourtProceeding, Dataset, IdentityTruth, NameField,
    Party, PersonRecord, Records, ReferralRecord, StatusChange, User, Variation, VariationKind,
};
pub use roster::role_mapping;
pub use scenario::form_label;
pub use size::{Scale, Size, Target};
pub use stream::{Batches, Generator, generate};
pub use translit::TranslitSystem;
pub use variation::TypoEdit;
