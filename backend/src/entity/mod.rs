//! sea-orm entities, one file per table of `korgon-migrations`. Only the storage layer
//! (`crate::store`, `crate::audit`) uses them; handlers see views.

pub mod agency;
pub mod assistance_record;
pub mod audit_event;
pub mod audit_head;
pub mod case;
pub mod case_grant;
pub mod case_party;
pub mod case_transfer;
pub mod classification_change;
pub mod court_defendant;
pub mod court_proceeding;
pub mod json;
pub mod person;
pub mod person_grant;
pub mod reference_counter;
pub mod referral;
pub mod user;
