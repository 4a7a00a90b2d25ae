//! The audit log: append-only and hash-chained, so that who looked at whom cannot be quietly
//! rewritten.
//!
//! Writes append their events inside their own transaction ([`append`]); reads hand theirs to
//! the [`AuditSink`], which commits them in groups and answers each request only once its
//! events are stored. Both paths take the chain head row inside the transaction, which
//! serialises appends across connections and processes. Details hold ids, codes and counts
//! only ([`Detail`] has no free-text variant), so personal data cannot reach the log.

mod append;
mod chain;
mod event;
mod query;
mod refusal;
mod sink;
mod verify;

pub use append::append;
pub use chain::{ChainFields, GENESIS_HASH, hash_event};
pub use event::{AuditContext, AuditEvent, Detail};
pub use query::{AuditFilter, AuditPage, AuditRecord, list};
pub use refusal::on_refusal;
pub use sink::AuditSink;
pub use verify::{Verification, verify};
