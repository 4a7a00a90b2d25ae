//! `/api/v1/agencies…`: the agency directory (everyone) and its management (administrators).

pub mod create;
pub mod list;
pub mod patch;
