//! What happened: forms of exploitation and destinations in realistic proportions, who the
//! victims and suspects are, which articles apply, how the case moved, what the court
//! decided, and which referrals and assistance followed.

mod articles;
mod court;
mod dates;
mod details;
mod exploitation;
mod people;
mod referrals;
mod regions;
mod texts;
mod timeline;

pub(crate) use articles::ArticlePicker;
pub(crate) use court::{CourtPlan, court_proceedings};
pub(crate) use dates::{add_days, birth_for};
pub(crate) use details::{suspect_details, victim_details};
pub(crate) use exploitation::{draw_exploitation, incident_window};
pub(crate) use people::{PersonPlan, suspect_plans, victim_plans, witness_plan};
pub(crate) use referrals::{ReferralPlan, assistance_for, referral};
pub(crate) use regions::RegionPicker;
pub use texts::form_label;
pub(crate) use texts::{case_place, case_summary, case_title};
pub(crate) use timeline::draw_timeline;
