//! `/api/v1/persons…`: register, list, read and change persons.

pub mod create;
pub mod get;
pub mod list;
pub mod patch;
