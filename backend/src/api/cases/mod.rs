//! `/api/v1/cases…`: open, list, read and change cases; parties, shares, transfers and
//! history.

pub mod create;
pub mod get;
pub mod history;
pub mod list;
pub mod parties;
pub mod patch;
pub mod shares;
pub mod transfer;
