//! Persons: register, read (every read audited), list and change, with protected fields
//! (telephone, address, notes) shown only to the registering agency and full grants.

mod create;
mod get;
mod list;
mod update;
mod view;

pub use create::{create, new_row};
pub use get::get;
pub use list::list;
pub use update::update;
pub use view::{PROTECTED_FIELDS, PersonSummary, PersonView};
