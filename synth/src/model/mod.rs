//! The dataset model: plain serialisable structs the backend persists without guessing.
//!
//! Records refer to each other by *global index* (`person: 3141` is the person whose
//! `index` is 3141). Every index a batch refers to is defined in the same batch, so a backend
//! can map indices to its own ids one batch at a time. Each record also carries a
//! deterministic UUID derived from the seed, for backends that want stable ids.

mod agency;
mod assistance;
mod case;
mod court;
mod person;
mod records;
mod referral;
mod truth;

pub use agency::{Agency, User};
pub use assistance::{AssistanceRecord, assistance_kinds};
pub use case::{CaseRecord, Party, StatusChange};
pub use court::{CourtProceeding, Defendant, Sentence, instances, sentence_kinds, verdicts};
pub use person::PersonRecord;
pub use records::{Dataset, Records};
pub use referral::{
    Consent, ReferralRecord, ReferralStatusChange, consent_givers, consent_scopes, needs,
    referral_statuses, urgencies,
};
pub use truth::{IdentityTruth, NameField, Variation, VariationKind};
