//! Many documents per transaction.
//!
//! Each SQLite commit writes and syncs the WAL's bookkeeping; at one commit
//! per document the writer, not extraction, was the slow part of a large
//! ingest. A [`Batch`] keeps one transaction open over many documents and
//! commits every [`BatchLimits::documents`] documents or after
//! [`BatchLimits::age`], whichever comes first.
//!
//! A document is still all or nothing: it is written inside a savepoint that
//! is released only once the whole document is written, and rolled back
//! otherwise. A crash loses the documents of the open transaction, each of
//! them whole; the next run stores them again, as it stores the document a
//! crash interrupted when each had its own transaction.
//!
//! The open transaction holds the write lock: other writers wait (up to the
//! 30 s busy timeout, far above the age limit) and readers do not (WAL). A
//! caller whose input may pause calls [`Batch::commit`] while it waits, so
//! that the lock and the documents already written are not held back by the
//! pause.

use std::time::{Duration, Instant};

use tenure_extract::Event;

use crate::store::{write_document, DocumentRecord, IngestOutcome, Store};
use crate::Result;

/// When a [`Batch`] commits: after this many documents or once its
/// transaction is this old, whichever comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BatchLimits {
    pub documents: usize,
    pub age: Duration,
}

impl Default for BatchLimits {
    /// 200 documents or one second: commits then cost little beside the
    /// writes, and a crash or another writer loses or waits a second at most.
    fn default() -> BatchLimits {
        BatchLimits { documents: 200, age: Duration::from_secs(1) }
    }
}

/// Documents written in shared transactions; see the module documentation.
/// Dropping a batch commits what it holds (every document in it is whole).
pub struct Batch<'s> {
    store: &'s mut Store,
    limits: BatchLimits,
    /// When the open transaction began; `None` when none is open.
    opened: Option<Instant>,
    documents: usize,
}

impl Store {
    /// A batch of documents to store, committed as `limits` say.
    pub fn batch(&mut self, limits: BatchLimits) -> Batch<'_> {
        // Each document's savepoint copies every page it changes into a
        // statement journal before changing it; past 64 KiB SQLite spills
        // that journal to a temporary file, and the writes and truncations
        // of that file were a quarter of the writer's time. In memory it
        // holds the pages of one document at most (it is emptied at each
        // release). Set outside a transaction (SQLite requires it), put back
        // when the batch ends.
        let _ = self.conn.pragma_update(None, "temp_store", "MEMORY");
        // The writer checkpoints the WAL itself when it passes this many
        // pages; at SQLite's 1,000 (4 MB) a large ingest copied its hot index
        // pages to the database file, and synced, every few commits. At
        // 16,384 pages (64 MiB of WAL at most between checkpoints) each
        // checkpoint copies a page once for many commits.
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 16_384);
        Batch { store: self, limits, opened: None, documents: 0 }
    }
}

impl Batch<'_> {
    /// Stores a document as [`Store::ingest`] does, in the open transaction
    /// (begun if none is), and commits when the limits are reached.
    ///
    /// # Errors
    /// A database error; then nothing of this document is stored, and the
    /// documents before it stay in the open transaction.
    pub fn ingest(&mut self, doc: &DocumentRecord, events: &[Event]) -> Result<IngestOutcome> {
        let conn = &self.store.conn;
        if self.opened.is_none() {
            // IMMEDIATE: take the write lock now (waiting for other writers
            // within the busy timeout) rather than fail to upgrade later.
            conn.execute_batch("BEGIN IMMEDIATE")?;
            self.opened = Some(Instant::now());
        }
        // Cached: `execute_batch` would parse these again for every document.
        conn.prepare_cached("SAVEPOINT document")?.execute([])?;
        let outcome = match write_document(conn, doc, events) {
            Ok(outcome) => outcome,
            Err(e) => {
                // The error is the one to report; a failed rollback leaves
                // the transaction to the caller's drop, which ends it.
                let _ = conn.execute_batch("ROLLBACK TO document; RELEASE document");
                return Err(e);
            }
        };
        conn.prepare_cached("RELEASE document")?.execute([])?;
        self.documents += 1;
        let due = self.documents >= self.limits.documents || self.opened.is_some_and(|t| t.elapsed() >= self.limits.age);
        if due {
            self.commit()?;
        }
        Ok(outcome)
    }

    /// Commits the documents written so far, if any.
    ///
    /// # Errors
    /// The commit failed; then the documents of this transaction are not
    /// stored (a later run stores them).
    pub fn commit(&mut self) -> Result<()> {
        if self.opened.take().is_none() {
            return Ok(());
        }
        self.documents = 0;
        if let Err(e) = self.store.conn.execute_batch("COMMIT") {
            // SQLite may have rolled back already; if not, do it, so that the
            // connection is usable again.
            if !self.store.conn.is_autocommit() {
                let _ = self.store.conn.execute_batch("ROLLBACK");
            }
            return Err(e.into());
        }
        Ok(())
    }

    /// Commits and ends the batch.
    ///
    /// # Errors
    /// As [`Batch::commit`].
    pub fn finish(mut self) -> Result<()> {
        self.commit()
    }
}

impl Drop for Batch<'_> {
    fn drop(&mut self) {
        // Reached without `finish` when the caller stopped on an error: the
        // documents written so far are whole, so they are kept.
        let _ = self.commit();
        let _ = self.store.conn.pragma_update(None, "temp_store", "DEFAULT");
        let _ = self.store.conn.pragma_update(None, "wal_autocheckpoint", 1_000);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> DocumentRecord {
        DocumentRecord { doc_id: id.into(), text: text.into(), ..DocumentRecord::default() }
    }

    /// Texts far apart in SimHash (none a near-duplicate of another): each
    /// its own words.
    fn texts(n: usize) -> Vec<String> {
        (0..n).map(|i| (0..40).map(|w| format!("w{}x{}", i * 7919 + w * 104_729, w * i)).collect::<Vec<_>>().join(" ")).collect()
    }

    #[test]
    fn documents_are_committed_by_count_and_the_rest_on_finish() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        let texts = texts(5);
        let mut batch = store.batch(BatchLimits { documents: 2, age: Duration::from_secs(3600) });
        for (i, t) in texts.iter().enumerate() {
            assert!(matches!(batch.ingest(&doc(&format!("d{i}"), t), &[]).unwrap(), IngestOutcome::Added(0)));
        }
        assert_eq!(reader.counts().unwrap().0, 4, "two commits of two; the fifth is not visible yet");
        batch.finish().unwrap();
        assert_eq!(reader.counts().unwrap().0, 5);
    }

    #[test]
    fn an_old_transaction_is_committed_with_the_next_document() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        let reader = Store::open(&path).unwrap();
        let texts = texts(2);
        let mut batch = store.batch(BatchLimits { documents: 1000, age: Duration::ZERO });
        batch.ingest(&doc("a", &texts[0]), &[]).unwrap();
        assert_eq!(reader.counts().unwrap().0, 1, "an age of zero commits each document");
        drop(batch);
    }

    #[test]
    fn copies_within_one_transaction_are_found_and_a_dropped_batch_keeps_its_documents() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        let text = &texts(1)[0];
        {
            let mut batch = store.batch(BatchLimits::default());
            batch.ingest(&doc("a", text), &[]).unwrap();
            assert_eq!(batch.ingest(&doc("a", text), &[]).unwrap(), IngestOutcome::Unchanged);
            assert_eq!(batch.ingest(&doc("b", text), &[]).unwrap(), IngestOutcome::Duplicate { of: "a".into() });
        }
        let reader = Store::open(&path).unwrap();
        assert_eq!(reader.counts().unwrap().0, 1);
        assert_eq!(reader.sources_of("a").unwrap().len(), 1);
    }
}
