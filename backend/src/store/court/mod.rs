//! Court proceedings of a case: prosecutors whose agency owns the case or holds a full grant
//! on it record the decisions ("record charges and court outcomes"); investigators and
//! prosecutors with any access read them. Nobody else sees them.

mod list;
mod record;
mod view;

pub use list::list;
pub use record::{ProceedingRows, Recorded, record, rows};
pub use view::{CourtProceedingView, DefendantView, SentenceView};
