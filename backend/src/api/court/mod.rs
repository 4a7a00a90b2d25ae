//! `/api/v1/cases/{id}/court-proceedings`: court decisions on a case.

pub mod create;
pub mod list;
