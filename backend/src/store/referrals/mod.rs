//! Referrals between agencies, with consent: submit, read, the inboxes, the status steps
//! (accept, decline, withdraw, close), revoking the access an accepted referral granted, and
//! opening a case from one.

mod answer;
mod get;
mod list;
mod load;
mod open_case;
mod step;
mod submit;
mod view;
mod withdraw;

pub use answer::{accept, close, decline, grant_rows};
pub use get::get;
pub use list::{ReferralFilter, list};
pub use open_case::open_case;
pub use step::status_change;
pub(crate) use submit::takes_referrals;
pub use submit::{Subject, Submitted, date_of_birth, row, submit};
pub use view::{ConsentView, Direction, ReferralCounts, ReferralInbox, ReferralView, SubjectView};
pub use withdraw::{revoke, withdraw};
