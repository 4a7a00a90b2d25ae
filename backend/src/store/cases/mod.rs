//! Cases: create, read, list, change (with reclassification history), parties, shares and
//! transfers.

mod create;
mod get;
mod history;
mod list;
mod parties;
mod reference;
mod shares;
mod transfer;
mod update;
mod view;

pub use create::create;
pub(crate) use create::insert;
pub use get::{display_name, get, load_visible};
pub(crate) use get::{nameable_parties, visible_parties};
pub use history::{ClassificationChangeView, history};
pub use list::{CaseFilter, list};
pub use parties::{NewParty, add_party};
pub use shares::{GrantView, NewShare, list_shares, revoke_share, share};
pub use transfer::{TransferInput, TransferView, transfer};
pub use update::update;
pub use view::{CaseSummary, CaseView, PartyView};
