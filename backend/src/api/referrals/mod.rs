//! `/api/v1/referrals…`: submit and list referrals, read one, and its status steps.

pub mod accept;
pub mod close;
pub mod create;
pub mod decline;
pub mod get;
pub mod list;
pub mod open_case;
pub mod revoke;
pub mod withdraw;
