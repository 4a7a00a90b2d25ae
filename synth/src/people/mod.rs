//! Synthetic individuals: who they really are (name, sex, birth date, PIN, contacts), before
//! any agency writes them down.

mod contact;
mod identity;
mod pin;
mod places;

pub(crate) use identity::{Identity, IdentitySpec, draw_identity};
pub(crate) use places::settlement;
