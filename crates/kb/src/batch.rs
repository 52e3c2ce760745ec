//! Many documents per transaction.
//!
//! Each SQLite commit writes and syncs the WAL's bookkeeping; at one commit
//! per document the writer, not extraction, was the slow part of a large
//! ingest. A [`Batch`] keeps one transaction open over many documents and
//! commits every [`BatchLimits::documents`] documents or after
//! [`BatchLimits::age`], whichever comes first.
//!
//! A document is still all or nothing: a crash loses the documents of the
//! open transaction, each of them whole; the next run stores them again, as
//! it stores the document a crash interrupted when each had its own
//! transaction. An error while writing a document does the same: the whole
//! open transaction is rolled back, as a crash would have it, rather than
//! the one document. (A savepoint per document kept the others, but it
//! copied every page the document changed into a statement journal first:
//! a sixth of the writer's time, for an error that ends the ingest anyway.)
//!
//! The open transaction holds the write lock: other writers wait (up to the
//! 30 s busy timeout, far above the age limit) and readers do not (WAL). A
//! caller whose input may pause calls [`Batch::commit`] while it waits, so
//! that the lock and the documents already written are not held back by the
//! pause.

use std::time::{Duration, Instant};

use tenure_extract::Event;

use crate::checkpoint::{Checkpointer, WRITER_THRESHOLD};
use crate::store::{write_document, DocumentRecord, IngestOutcome, Store, WriteCache};
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
    /// Names and SimHashes the writer keeps (see [`WriteCache`]).
    cache: WriteCache,
    /// `PRAGMA data_version` when the last transaction began: it changes when
    /// another connection commits, and the cache may then be wrong.
    data_version: Option<i64>,
    /// Copies what each commit wrote into the database file, beside the writer.
    checkpointer: Option<Checkpointer>,
}

impl Store {
    /// A batch of documents to store, committed as `limits` say.
    pub fn batch(&mut self, limits: BatchLimits) -> Batch<'_> {
        // A statement that may fail halfway (foreign keys, triggers) copies
        // the pages it changes into a statement journal first; past 64 KiB
        // SQLite spills that journal to a temporary file, whose writes and
        // truncations were once a quarter of the writer's time. In memory it
        // holds the pages of one statement at most. Set outside a
        // transaction (SQLite requires it), put back when the batch ends.
        let _ = self.conn.pragma_update(None, "temp_store", "MEMORY");
        // Checkpoints run beside the writer (see `checkpoint`); the writer's
        // own, at a higher threshold than SQLite's 1,000 pages, only rewinds
        // the log.
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", WRITER_THRESHOLD);
        let checkpointer = self.conn.path().filter(|p| !p.is_empty()).and_then(|p| Checkpointer::start(std::path::Path::new(p)));
        Batch { store: self, limits, opened: None, documents: 0, cache: WriteCache::for_batch(), data_version: None, checkpointer }
    }
}

impl Batch<'_> {
    /// Stores a document as [`Store::ingest`] does, in the open transaction
    /// (begun if none is), and commits when the limits are reached.
    ///
    /// # Errors
    /// A database error; then the open transaction is rolled back: nothing
    /// of this document is stored, nor of the documents written since the
    /// last commit (each whole, as after a crash: a later run stores them).
    pub fn ingest(&mut self, doc: &DocumentRecord, events: &[Event]) -> Result<IngestOutcome> {
        let conn = &self.store.conn;
        if self.opened.is_none() {
            // IMMEDIATE: take the write lock now (waiting for other writers
            // within the busy timeout) rather than fail to upgrade later.
            conn.execute_batch("BEGIN IMMEDIATE")?;
            self.opened = Some(Instant::now());
            let version = conn.query_row("PRAGMA data_version", [], |r| r.get(0));
            let version = match version {
                Ok(v) => v,
                Err(e) => {
                    self.rollback();
                    return Err(e.into());
                }
            };
            if self.data_version != Some(version) {
                self.cache.clear();
                self.data_version = Some(version);
            }
        }
        let outcome = match write_document(conn, &mut self.cache, doc, events) {
            Ok(outcome) => outcome,
            Err(e) => {
                self.rollback();
                return Err(e);
            }
        };
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
            self.rollback();
            return Err(e.into());
        }
        if let Some(c) = &self.checkpointer {
            c.wake();
        }
        Ok(())
    }

    /// Rolls the open transaction back, and forgets what the cache learnt. A
    /// failed rollback is not reported: the error that caused it is.
    fn rollback(&mut self) {
        self.opened = None;
        self.documents = 0;
        self.cache.clear();
        if !self.store.conn.is_autocommit() {
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
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

    /// An event of `person` at Fabrikam, for names the batch must remember or forget.
    fn event(person: &str) -> tenure_extract::Event {
        tenure_extract::Event {
            doc: String::new(),
            kind: tenure_extract::EventType::Start,
            person: Some(person.into()),
            org: "Fabrikam".into(),
            unit: None,
            role: Some("ceo".into()),
            role_text: None,
            date: Some("2024-05".into()),
            until: None,
            counterpart: None,
            manner: None,
            status: tenure_extract::Status::Actual,
            evidence: tenure_extract::Evidence { start: 0, end: 5, text: "w0x0 ".into() },
            confidence: 0.9,
            published_inferred: None,
        }
    }

    #[test]
    fn a_failed_document_rolls_back_the_open_transaction_and_the_batch_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        store.conn.execute_batch("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN new.doc_id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END;").unwrap();
        let texts = texts(4);
        let mut batch = store.batch(BatchLimits { documents: 1000, age: Duration::from_secs(3600) });
        assert!(matches!(batch.ingest(&doc("a", &texts[0]), &[event("Claire Martin")]).unwrap(), IngestOutcome::Added(1)));
        assert!(batch.ingest(&doc("bad", &texts[1]), &[]).is_err());
        // "a" and its names went with the transaction: they are written again, not taken from memory.
        assert!(matches!(batch.ingest(&doc("c", &texts[2]), &[event("Claire Martin")]).unwrap(), IngestOutcome::Added(1)));
        assert!(matches!(batch.ingest(&doc("a", &texts[0]), &[event("Claire Martin")]).unwrap(), IngestOutcome::Added(1)));
        batch.finish().unwrap();
        let ids: Vec<String> = store.conn.prepare("SELECT doc_id FROM documents ORDER BY id").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(ids, ["c", "a"]);
        assert_eq!(store.counts().unwrap(), (2, 2, 2), "one person, one organization, two events");
        assert!(store.check().unwrap().is_clean());
    }

    #[test]
    fn names_written_by_another_connection_between_commits_are_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        let mut other = Store::open(&path).unwrap();
        let texts = texts(3);
        let mut batch = store.batch(BatchLimits { documents: 1, age: Duration::from_secs(3600) });
        batch.ingest(&doc("a", &texts[0]), &[event("Claire Martin")]).unwrap();
        // Another writer removes the name the batch has in memory.
        other.ingest(&doc("b", &texts[1]), &[]).unwrap();
        other.conn.execute_batch("DELETE FROM events; DELETE FROM entities;").unwrap();
        batch.ingest(&doc("c", &texts[2]), &[event("Claire Martin")]).unwrap();
        batch.finish().unwrap();
        let names: i64 = store.conn.query_row("SELECT count(*) FROM entities", [], |r| r.get(0)).unwrap();
        assert_eq!(names, 2, "the person and the organization, written again");
        assert!(store.check().unwrap().is_clean());
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
