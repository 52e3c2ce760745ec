//! Copying the write-ahead log into the database on a thread of its own.
//!
//! In WAL mode a commit appends pages to the log; a checkpoint copies them
//! into the database file and syncs it, which is the only time a writer with
//! `synchronous = NORMAL` waits for the disk. Run by SQLite at a commit (its
//! `wal_autocheckpoint`), the checkpoint blocked the one writer of an ingest
//! for a quarter of a second at a time, and the extraction threads stopped
//! behind it once the documents in flight filled up: at 100 MB of crawl, 83
//! syncs held the writer 8 s.
//!
//! A [`Checkpointer`] holds a second connection on its own thread and, when
//! woken after a commit of a batch, runs a `PASSIVE` checkpoint: it copies
//! what is committed without waiting for the writer or blocking it. Wakes
//! during the [`PAUSE`] that follows each checkpoint are dropped; the next
//! commit's wake brings the pages they stood for. The writer keeps a checkpoint of its own at a higher
//! threshold ([`WRITER_THRESHOLD`]): the log is rewound only when a writer
//! begins and finds every page of it copied, which a checkpoint running
//! beside a busy writer rarely achieves, so the writer's own checkpoint, with
//! little left to copy and sync, is what bounds the log's size.

use std::path::Path;
use std::sync::mpsc::{sync_channel, RecvTimeoutError, SyncSender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::Connection;

/// Pages of log (4 KiB each) past which the writer checkpoints itself: at
/// most 256 MiB of log between rewinds.
pub(crate) const WRITER_THRESHOLD: i64 = 65_536;

/// The least time between two checkpoints.
const PAUSE: Duration = Duration::from_secs(2);

/// The checkpointing thread; dropping it waits for the checkpoint under way.
pub(crate) struct Checkpointer {
    wake: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// A checkpointer for the database file at `path`; `None` when it cannot
    /// be opened a second time (the writer's own checkpoints then do).
    pub(crate) fn start(path: &Path) -> Option<Checkpointer> {
        let conn = Connection::open(path).ok()?;
        // A checkpoint that finds the checkpoint lock taken (by the writer's
        // own) gives up at once and runs at the next wake.
        conn.busy_timeout(Duration::ZERO).ok()?;
        // One pending wake is enough: wakes while a checkpoint runs merge.
        let (wake, woken) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("tenure-checkpoint".into())
            .spawn(move || {
                while woken.recv().is_ok() {
                    // Errors (busy, a full disk) are the writer's to meet
                    // and report; this thread only gets ahead of it.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                    // Each checkpoint copies the pages changed since the
                    // last one and syncs: the index pages every commit
                    // touches are copied once per pause, not once per commit.
                    let rest = Instant::now() + PAUSE;
                    while let Some(left) = rest.checked_duration_since(Instant::now()) {
                        match woken.recv_timeout(left) {
                            Err(RecvTimeoutError::Disconnected) => return,
                            _ => continue,
                        }
                    }
                }
            })
            .ok()?;
        Some(Checkpointer { wake: Some(wake), thread: Some(thread) })
    }

    /// Asks for a checkpoint of what is committed; never waits.
    pub(crate) fn wake(&self) {
        if let Some(w) = &self.wake {
            let _ = w.try_send(());
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        // Closing the channel ends the thread's loop.
        self.wake = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_woken_checkpointer_copies_what_is_committed_into_the_database_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let writer = Connection::open(&path).unwrap();
        writer.pragma_update(None, "journal_mode", "WAL").unwrap();
        writer.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        writer
            .execute_batch(
                "CREATE TABLE t (x TEXT);
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
                 INSERT INTO t SELECT hex(randomblob(500)) FROM n;",
            )
            .unwrap();
        let size = || std::fs::metadata(&path).unwrap().len();
        assert!(size() < 100_000, "committed pages wait in the log: {} bytes in the database", size());
        let checkpointer = Checkpointer::start(&path).expect("a file database opens twice");
        checkpointer.wake();
        drop(checkpointer); // waits for the checkpoint it was woken for
        assert!(size() > 2_000_000, "the table was copied into the database: {} bytes", size());
        assert_eq!(writer.query_row("SELECT count(*) FROM t", [], |r| r.get::<_, i64>(0)).unwrap(), 2000);
    }
}
