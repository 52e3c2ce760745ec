//! The SQLite store: documents, entities and the append-only event log.
//!
//! Each document is written in one transaction with all its events, so a
//! crash leaves either the whole document or nothing. A document already
//! stored with the same text is skipped: ingesting twice changes nothing.
//! Every statement binds its values; no text from an article is ever spliced
//! into SQL.

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use tenure_extract::Event;

use crate::resolution::{key, EntityKind};
use crate::{KbError, Result};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL,
    lang TEXT,
    published TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    title TEXT,
    url TEXT,
    origin TEXT,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'org')),
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    UNIQUE (kind, key)
);
CREATE TABLE IF NOT EXISTS aliases (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    PRIMARY KEY (kind, key)
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT NOT NULL,
    person_id INTEGER REFERENCES entities(id),
    org_id INTEGER NOT NULL REFERENCES entities(id),
    unit TEXT,
    role TEXT,
    role_text TEXT,
    date TEXT,
    until TEXT,
    counterpart_id INTEGER REFERENCES entities(id),
    manner TEXT,
    status TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    confidence REAL NOT NULL,
    UNIQUE (document_id, seq)
);
CREATE INDEX IF NOT EXISTS events_person ON events(person_id);
CREATE INDEX IF NOT EXISTS events_org ON events(org_id);
CREATE INDEX IF NOT EXISTS events_counterpart ON events(counterpart_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
";

/// A document as stored, beside its events.
#[derive(Clone, Debug, Default)]
pub struct DocumentRecord {
    pub doc_id: String,
    pub text: String,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub published_inferred: bool,
    pub title: Option<String>,
    pub url: Option<String>,
    pub origin: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IngestOutcome {
    /// New document, with this many events.
    Added(usize),
    /// The same id with another text: its events were replaced.
    Updated(usize),
    /// Already stored with the same text.
    Unchanged,
}

pub struct Store {
    pub(crate) conn: Connection,
}

impl Store {
    /// Opens (and creates if needed) the database at `path`.
    ///
    /// # Errors
    /// The file cannot be opened or is not a tenure database.
    pub fn open(path: &Path) -> Result<Store> {
        let err = |source| KbError::Open { path: path.display().to_string(), source };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(30)).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(err)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        Ok(Store { conn })
    }

    /// Stores a document and its events in one transaction.
    ///
    /// # Errors
    /// A database error; then nothing of this document is stored.
    pub fn ingest(&mut self, doc: &DocumentRecord, events: &[Event]) -> Result<IngestOutcome> {
        let hash = content_hash(&doc.text);
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let existing: Option<(i64, String)> = tx
            .query_row("SELECT id, content_hash FROM documents WHERE doc_id = ?1", [&doc.doc_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let (document_id, updated) = match existing {
            Some((_, h)) if h == hash => return Ok(IngestOutcome::Unchanged),
            Some((id, _)) => {
                tx.execute("DELETE FROM events WHERE document_id = ?1", [id])?;
                tx.execute(
                    "UPDATE documents SET content_hash = ?2, lang = ?3, published = ?4, published_inferred = ?5, title = ?6, url = ?7, origin = ?8, text = ?9 WHERE id = ?1",
                    params![id, hash, doc.lang, doc.published, doc.published_inferred, doc.title, doc.url, doc.origin, doc.text],
                )?;
                (id, true)
            }
            None => {
                tx.execute(
                    "INSERT INTO documents (doc_id, content_hash, lang, published, published_inferred, title, url, origin, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    params![doc.doc_id, hash, doc.lang, doc.published, doc.published_inferred, doc.title, doc.url, doc.origin, doc.text],
                )?;
                (tx.last_insert_rowid(), false)
            }
        };
        for (seq, e) in events.iter().enumerate() {
            insert_event(&tx, document_id, seq, e)?;
        }
        tx.commit()?;
        Ok(if updated { IngestOutcome::Updated(events.len()) } else { IngestOutcome::Added(events.len()) })
    }

    /// Counts of documents, entities and events.
    pub fn counts(&self) -> Result<(i64, i64, i64)> {
        let one = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        Ok((one("SELECT count(*) FROM documents")?, one("SELECT count(*) FROM entities")?, one("SELECT count(*) FROM events")?))
    }

    /// The entity a name refers to, through its key or an alias.
    pub fn find_entity(&self, kind: EntityKind, name: &str) -> Result<Option<(i64, String)>> {
        let k = key(kind, name);
        let found = self
            .conn
            .query_row(
                "SELECT e.id, e.name FROM entities e WHERE e.kind = ?1 AND e.key = ?2
                 UNION ALL
                 SELECT e.id, e.name FROM aliases a JOIN entities e ON e.id = a.entity_id WHERE a.kind = ?1 AND a.key = ?2
                 LIMIT 1",
                params![kind.as_str(), k],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(found)
    }
}

fn entity(tx: &Transaction, kind: EntityKind, name: &str) -> Result<i64> {
    let k = key(kind, name);
    let k = if k.is_empty() { name.trim().to_lowercase() } else { k };
    if let Some(id) = tx
        .query_row(
            "SELECT id FROM entities WHERE kind = ?1 AND key = ?2 UNION ALL SELECT entity_id FROM aliases WHERE kind = ?1 AND key = ?2 LIMIT 1",
            params![kind.as_str(), k],
            |r| r.get(0),
        )
        .optional()?
    {
        return Ok(id);
    }
    tx.execute("INSERT INTO entities (kind, name, key) VALUES (?1, ?2, ?3)", params![kind.as_str(), name.trim(), k])?;
    Ok(tx.last_insert_rowid())
}

fn insert_event(tx: &Transaction, document_id: i64, seq: usize, e: &Event) -> Result<()> {
    let person = e.person.as_deref().map(|p| entity(tx, EntityKind::Person, p)).transpose()?;
    let org = entity(tx, EntityKind::Org, &e.org)?;
    let counterpart = e.counterpart.as_deref().map(|c| entity(tx, EntityKind::Org, c)).transpose()?;
    tx.execute(
        "INSERT INTO events (document_id, seq, type, person_id, org_id, unit, role, role_text, date, until, counterpart_id, manner, status, evidence_start, evidence_end, evidence_text, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        params![
            document_id,
            seq as i64,
            e.kind.as_str(),
            person,
            org,
            e.unit,
            e.role,
            e.role_text,
            e.date,
            e.until,
            counterpart,
            e.manner,
            e.status.as_str(),
            e.evidence.start as i64,
            e.evidence.end as i64,
            e.evidence.text,
            e.confidence as f64,
        ],
    )?;
    Ok(())
}

/// FNV-1a over the text: enough to tell a changed article from the same one.
fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}-{}", text.len())
}
