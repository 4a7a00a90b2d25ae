//! `/api/v1/persons…`: register, list, read and change persons; their assistance records.

pub mod assistance;
pub mod create;
pub mod get;
pub mod list;
pub mod patch;
