//! Group commit for the audit events of reads.
//!
//! A read cannot answer before its audit event is stored (a gap in "who looked at whom"
//! would defeat the log), yet one write transaction per read would throttle reads to the
//! writer's pace. The sink gathers the events of concurrent reads and commits them together;
//! each reader waits for the commit that holds its events.

use tokio::sync::{mpsc, oneshot};

use super::append::append;
use super::event::{AuditContext, AuditEvent};
use crate::db::Db;
use crate::error::Error;

/// How many requests' events one commit takes at most.
const MAX_BATCH: usize = 1_024;

struct Pending {
    entries: Vec<(AuditContext, AuditEvent)>,
    done: oneshot::Sender<bool>,
}

/// Handle to the background task that commits read events.
#[derive(Debug, Clone)]
pub struct AuditSink {
    tx: mpsc::Sender<Pending>,
}

impl std::fmt::Debug for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pending")
            .field("events", &self.entries.len())
            .finish()
    }
}

impl AuditSink {
    /// Starts the committing task on the current runtime.
    pub fn spawn(db: Db) -> Self {
        let (tx, rx) = mpsc::channel(8_192);
        tokio::spawn(run(db, rx));
        Self { tx }
    }

    /// Stores `events` as done by `ctx`; returns once they are committed.
    pub async fn record(&self, ctx: AuditContext, events: Vec<AuditEvent>) -> Result<(), Error> {
        if events.is_empty() {
            return Ok(());
        }
        let (done, committed) = oneshot::channel();
        let entries = events.into_iter().map(|e| (ctx.clone(), e)).collect();
        self.tx
            .send(Pending { entries, done })
            .await
            .map_err(|_| Error::AuditUnavailable)?;
        match committed.await {
            Ok(true) => Ok(()),
            _ => Err(Error::AuditUnavailable),
        }
    }
}

async fn run(db: Db, mut rx: mpsc::Receiver<Pending>) {
    let mut batch = Vec::new();
    while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let entries: Vec<(AuditContext, AuditEvent)> = batch
            .iter_mut()
            .flat_map(|p| std::mem::take(&mut p.entries))
            .collect();
        let ok = match commit(&db, &entries).await {
            Ok(()) => true,
            Err(err) => {
                tracing::error!(error = %err, events = entries.len(), "audit commit failed");
                false
            }
        };
        for pending in batch.drain(..) {
            // The reader may have gone away (client disconnected); nothing to tell it then.
            let _ = pending.done.send(ok);
        }
    }
}

async fn commit(db: &Db, entries: &[(AuditContext, AuditEvent)]) -> Result<(), sea_orm::DbErr> {
    let txn = db.begin_write().await?;
    append(&txn, entries).await?;
    txn.commit().await
}
