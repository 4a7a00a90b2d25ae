//! Korgon's domain vocabulary.
//!
//! Every value that crosses a boundary (HTTP body, spreadsheet cell, generator output) is parsed
//! here into a type that cannot hold an invalid value: [`Pin`], [`RegionCode`], [`Article`],
//! [`PersonName`]… Validation of whole inputs ([`PersonInput`], [`CaseInput`]) collects every
//! field error at once, each naming the field (never echoing a protected value).
//!
//! The crate knows no database and no HTTP; the backend, the importers and the synthetic data
//! generator all validate through it, so a record is valid in one place exactly when it is
//! valid in all of them.

pub mod agency;
pub mod assistance;
pub mod case;
pub mod country;
pub mod court;
pub mod dates;
pub mod error;
pub mod exploitation;
pub mod party;
pub mod patch;
pub mod person;
pub mod profile;
pub mod referral;
pub mod role;
pub mod status;
pub mod text;

pub use agency::{AgencyCode, AgencyKind};
pub use assistance::{AssistanceInput, AssistanceKind, NewAssistance};
pub use case::{
    Article, ArticleInput, CaseInput, CasePatch, CasePatchInput, CaseReference, NewCase,
};
pub use country::CountryCode;
pub use court::{
    CourtInstance, CourtProceedingInput, DefendantInput, NewCourtProceeding, NewDefendant,
    Sentence, SentenceInput, SentenceKind, Verdict,
};
pub use error::{FieldError, FieldErrors, Warning};
pub use exploitation::ExploitationForm;
pub use party::{PartyDetails, PartyRole};
pub use patch::Patch;
pub use person::{
    DateOfBirth, DobPrecision, NewPerson, PersonInput, PersonName, PersonPatch, PersonPatchInput,
    Phone, Sex,
};
pub use profile::{CountryProfile, Pin, PinCheck, RegionCode};
pub use referral::{
    Consent, ConsentGiver, ConsentInput, ConsentScope, DeclineInput, Need, NewReferral,
    ReferralInput, ReferralStatus, ReferralStepInput, Urgency,
};
pub use role::Role;
pub use status::{CaseStatus, ClosureReason};
