//! Assistance records: what an agency gave a victim (shelter, medical care, legal aid…), for
//! the agencies that can see the person and for the ministry's protection statistics. Notes
//! are protected like a person's notes: only the providing agency and full access see them.

mod list;
mod record;
mod view;

pub use list::list;
pub use record::{Provided, record, row};
pub use view::AssistanceView;
