//! `/api/v1/users…`: account management (administrators).

pub mod create;
pub mod list;
pub mod patch;
