//! Who may do what: the authenticated [`Actor`], the role table ([`policy`]) and the agency
//! scope of cases and persons ([`scope`]), which storage functions apply in their queries.

pub mod actor;
pub mod policy;
pub mod scope;

pub use actor::Actor;
pub use policy::{Action, require};
pub use scope::{CaseAccess, PersonAccess};
