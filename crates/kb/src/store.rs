//! The SQLite store: documents, entities and the append-only event log.
//!
//! Each document is written with all its events in one transaction, or in
//! a [`Batch`](crate::batch::Batch) transaction with others, so a crash
//! leaves either the whole document or nothing. A document already
//! stored with the same text is skipped: ingesting twice changes nothing.
//! Every statement binds its values; no text from an article is ever spliced
//! into SQL.
//!
//! The same wire story arrives from many outlets. Counting each copy would
//! multiply the evidence for one event, so a document is compared with the
//! stored ones before its events are written: the same URL, or the same
//! normalized text, is a copy already known; a text whose SimHash is within
//! 3 bits of a stored document's is a syndicated, lightly edited copy. Copies
//! are recorded in `document_sources` as further sources of the first
//! document, and their events are not stored again.
//!
//! Near-duplicates are found through the four 16-bit bands of the SimHash,
//! each indexed: two hashes at most 3 bits apart differ in at most 3 bands,
//! so they share at least one (pigeonhole), and only documents sharing a band
//! are compared. A [`Batch`](crate::batch::Batch) keeps those bands in
//! memory ([`Similar`]): a band shared by a family of similar stories holds
//! hundreds of documents, more as the database grows, and reading each from
//! SQLite for every new document made the writer slower the larger the
//! database.

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};
use tenure_extract::Event;
use tenure_sources::fingerprint;

use crate::resolution::{better_spelling, key, EntityKind};
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

/// The schema version this code writes, in `PRAGMA user_version`. Databases
/// of version 0 (the first schema, before versions were recorded) are
/// migrated on open.
const SCHEMA_VERSION: i64 = 6;

/// Version 0 → 1: fingerprints of documents and the sources of each story.
const FINGERPRINTS: &str = "
ALTER TABLE documents ADD COLUMN text_hash INTEGER;
ALTER TABLE documents ADD COLUMN simhash INTEGER;
ALTER TABLE documents ADD COLUMN simhash_band0 INTEGER;
ALTER TABLE documents ADD COLUMN simhash_band1 INTEGER;
ALTER TABLE documents ADD COLUMN simhash_band2 INTEGER;
ALTER TABLE documents ADD COLUMN simhash_band3 INTEGER;
CREATE INDEX documents_url ON documents(url);
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_band0 ON documents(simhash_band0);
CREATE INDEX documents_band1 ON documents(simhash_band1);
CREATE INDEX documents_band2 ON documents(simhash_band2);
CREATE INDEX documents_band3 ON documents(simhash_band3);
CREATE TABLE document_sources (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('duplicate', 'near_duplicate')),
    distance INTEGER NOT NULL,
    url TEXT,
    title TEXT,
    published TEXT,
    origin TEXT,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX document_sources_document ON document_sources(document_id);
CREATE INDEX document_sources_url ON document_sources(url);
";

/// Version 1 → 2: entity resolution. Each stored name points to the name that
/// represents its entity (`canonical_id`, recomputed by [`Store::resolve`]);
/// the user's corrections and alias lines are kept so that every resolution
/// replays them.
const RESOLUTION: &str = "
ALTER TABLE entities ADD COLUMN canonical_id INTEGER REFERENCES entities(id);
CREATE INDEX entities_canonical ON entities(canonical_id);
CREATE TABLE corrections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('person', 'org')),
    action TEXT NOT NULL CHECK (action IN ('merge', 'split')),
    key TEXT NOT NULL,
    other_key TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE user_aliases (
    kind TEXT NOT NULL CHECK (kind IN ('person', 'org')),
    canonical TEXT NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (kind, canonical, alias)
);
";

/// Version 2 → 3: the SimHash band indexes carry the SimHash, so that the
/// near-duplicate candidates of a new document are read from the indexes
/// alone (the column sits after the text in the row: reading it from the
/// table walks the text's overflow pages).
const COVERING_BANDS: &str = "
DROP INDEX IF EXISTS documents_band0;
DROP INDEX IF EXISTS documents_band1;
DROP INDEX IF EXISTS documents_band2;
DROP INDEX IF EXISTS documents_band3;
CREATE INDEX documents_band0 ON documents(simhash_band0, simhash);
CREATE INDEX documents_band1 ON documents(simhash_band1, simhash);
CREATE INDEX documents_band2 ON documents(simhash_band2, simhash);
CREATE INDEX documents_band3 ON documents(simhash_band3, simhash);
";

/// Version 4 → 5: cheaper writes of the event log, and the event feed read
/// in order from an index. The persons an ingested document makes stale are
/// marked once per document by [`write_document`] instead of by a trigger
/// run for each event row. `events_date` goes: no query read it, as they
/// sort and filter on the date, else the document's publication date, which
/// lie in two tables; each event now carries that date as `sort_date`
/// (filled for the stored events by [`fill_sort_dates`]), indexed, so that
/// the newest thousand events are read without sorting the whole log.
const LEANER_EVENTS: &str = "
DROP TRIGGER IF EXISTS tenure_event_added;
DROP INDEX IF EXISTS events_date;
ALTER TABLE events ADD COLUMN sort_date TEXT;
CREATE TRIGGER events_redated AFTER UPDATE OF published ON documents WHEN old.published IS NOT new.published BEGIN
    UPDATE events SET sort_date = coalesce(date, new.published) WHERE document_id = new.id;
END;
";

/// Fills `sort_date` for the events stored before version 5, a range of ids
/// at a time (an UPDATE of every event at once journalled the whole table),
/// with the trigger that marks changed events put aside: the date an event
/// sorts by changes no tenure.
fn fill_sort_dates(tx: &Connection) -> Result<()> {
    let trigger: Option<String> = tx.query_row("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'tenure_event_changed'", [], |r| r.get(0)).optional()?;
    if trigger.is_some() {
        tx.execute_batch("DROP TRIGGER tenure_event_changed")?;
    }
    let max: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM events", [], |r| r.get(0))?;
    let mut fill = tx.prepare("UPDATE events SET sort_date = coalesce(date, (SELECT published FROM documents d WHERE d.id = events.document_id)) WHERE id BETWEEN ?1 AND ?2")?;
    const STEP: i64 = 20_000;
    for lo in (0..=max).step_by(STEP as usize) {
        fill.execute([lo, lo + STEP - 1])?;
    }
    if let Some(sql) = trigger {
        tx.execute_batch(&sql)?;
    }
    tx.execute_batch("CREATE INDEX events_sort_date ON events(sort_date)")?;
    Ok(())
}

/// The fingerprints of a text (see [`tenure_sources::fingerprint`]):
/// computed by [`Fingerprint::of`], or ahead of time by a caller that has
/// spare threads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    pub text_hash: u64,
    pub simhash: u64,
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        Fingerprint { text_hash: fingerprint::exact_hash(text), simhash: fingerprint::simhash(text) }
    }

    /// The four 16-bit bands of the SimHash, as SQLite integers.
    pub(crate) fn bands(&self) -> [i64; 4] {
        std::array::from_fn(|i| (self.simhash >> (16 * i) & 0xffff) as i64)
    }
}

/// SQLite integers are signed: a u64 is stored as the i64 of the same bits.
fn to_sql(h: u64) -> i64 {
    h as i64
}

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
    /// Computed from `text` when absent.
    pub fingerprint: Option<Fingerprint>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IngestOutcome {
    /// New document, with this many events.
    Added(usize),
    /// The same id with another text: its events were replaced.
    Updated(usize),
    /// Already stored: the same id and text, the same URL, or a copy already
    /// recorded as a source.
    Unchanged,
    /// The same normalized text as the stored document `of`, under another id:
    /// recorded as another source of it, no events stored.
    Duplicate { of: String },
    /// A lightly edited copy of the stored document `of` (SimHash `distance`
    /// bits apart): recorded as another source of it, no events stored.
    NearDuplicate { of: String, distance: u32 },
}

/// A further source of a stored story: a copy that was not stored again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceRecord {
    pub doc_id: String,
    /// `duplicate` or `near_duplicate`.
    pub kind: String,
    /// SimHash distance in bits to the stored document.
    pub distance: u32,
    pub url: Option<String>,
    pub title: Option<String>,
}

/// A stored document that a new one copies.
struct Original {
    id: i64,
    doc_id: String,
    distance: u32,
    same_text: bool,
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
        // Every statement of the write path is cached (`prepare_cached`): room for all of them.
        conn.set_prepared_statement_cache_capacity(64);
        // The indexes written on every document (ids, keys, URLs, hashes) are
        // random-access: a page cache of 64 MiB instead of SQLite's 2 MB keeps
        // their inner pages in memory on a large database.
        conn.pragma_update(None, "cache_size", -65_536).map_err(err)?;
        let mut store = Store { conn };
        store.migrate(path).map_err(|e| match e {
            KbError::Sql(source) => err(source),
            other => other,
        })?;
        Ok(store)
    }

    /// Brings the schema to [`SCHEMA_VERSION`], in one transaction.
    fn migrate(&mut self, path: &Path) -> Result<()> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let version: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(KbError::NewerSchema { path: path.display().to_string(), version, known: SCHEMA_VERSION });
        }
        if version == SCHEMA_VERSION {
            return Ok(());
        }
        if version < 1 {
            tx.execute_batch(SCHEMA)?;
            tx.execute_batch(FINGERPRINTS)?;
            // Documents stored before fingerprints existed get theirs now, so
            // that copies of them are recognised.
            let texts: Vec<(i64, String)> = tx.prepare("SELECT id, text FROM documents")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
            for (id, text) in texts {
                set_fingerprint(&tx, id, &Fingerprint::of(&text))?;
            }
        }
        if version < 2 {
            // Names stored before resolution are resolved by the first query.
            tx.execute_batch(RESOLUTION)?;
        }
        if version < 3 {
            tx.execute_batch(COVERING_BANDS)?;
        }
        if version < 4 {
            // Version 3 → 4: the stored projection (see `tenures`), built
            // from the whole log by the first query.
            tx.execute_batch(crate::tenures::SCHEMA)?;
            crate::tenures::mark_all(&tx)?;
        }
        if version < 5 {
            tx.execute_batch(LEANER_EVENTS)?;
            fill_sort_dates(&tx)?;
        }
        if version < 6 {
            // Version 5 → 6: stored moves and flow sizes (see `tenures`),
            // made from the stored changes (none yet below version 4).
            tx.execute_batch(crate::tenures::MOVES)?;
            crate::tenures::fill_moves(&tx)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        Ok(())
    }

    /// Stores a document and its events in one transaction, unless it is a
    /// copy of a stored document: then it is recorded as another source of
    /// that one (see the module documentation). To store many documents,
    /// [`Store::batch`] commits several in each transaction.
    ///
    /// # Errors
    /// A database error; then nothing of this document is stored.
    pub fn ingest(&mut self, doc: &DocumentRecord, events: &[Event]) -> Result<IngestOutcome> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let outcome = write_document(&tx, &mut WriteCache::default(), doc, events)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// The other sources of the stored document `doc_id`: copies recorded
    /// instead of stored, in the order they came.
    pub fn sources_of(&self, doc_id: &str) -> Result<Vec<SourceRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.doc_id, s.kind, s.distance, s.url, s.title FROM document_sources s JOIN documents d ON d.id = s.document_id
             WHERE d.doc_id = ?1 ORDER BY s.id",
        )?;
        let rows = stmt.query_map([doc_id], |r| Ok(SourceRecord { doc_id: r.get(0)?, kind: r.get(1)?, distance: r.get(2)?, url: r.get(3)?, title: r.get(4)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Counts of documents, entities and events.
    pub fn counts(&self) -> Result<(i64, i64, i64)> {
        let one = |sql: &str| self.conn.query_row(sql, [], |r| r.get::<_, i64>(0));
        Ok((one("SELECT count(*) FROM documents")?, one("SELECT count(*) FROM entities")?, one("SELECT count(*) FROM events")?))
    }

    /// The entity a name refers to (its representative's id and name),
    /// through the name's key or an alias.
    pub fn find_entity(&self, kind: EntityKind, name: &str) -> Result<Option<(i64, String)>> {
        self.ensure_resolved()?;
        let k = key(kind, name);
        let found = self
            .conn
            .query_row(
                "SELECT c.id, c.name FROM entities e JOIN entities c ON c.id = coalesce(e.canonical_id, e.id) WHERE e.kind = ?1 AND e.key = ?2
                 UNION ALL
                 SELECT c.id, c.name FROM aliases a JOIN entities e ON e.id = a.entity_id JOIN entities c ON c.id = coalesce(e.canonical_id, e.id)
                 WHERE a.kind = ?1 AND a.key = ?2
                 LIMIT 1",
                params![kind.as_str(), k],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(found)
    }
}

/// The stored names already looked up or written in this transaction and the
/// ones before it, by (kind, key): most events name an organization or a
/// person seen shortly before, and the lookup was a tenth of the writer's
/// time. It is only right while this connection is the only writer: a
/// [`Batch`](crate::batch::Batch) empties it when another connection has
/// committed (`PRAGMA data_version`) and when a transaction is rolled back.
#[derive(Default)]
pub(crate) struct Names {
    /// Key → (row id, name as stored), persons then organizations.
    known: [std::collections::HashMap<String, (i64, String)>; 2],
}

impl Names {
    /// Names kept at most; then the map starts again (it holds the recent
    /// ones, and memory stays bounded on a crawl of millions of names).
    const CAPACITY: usize = 100_000;

    pub(crate) fn clear(&mut self) {
        self.known.iter_mut().for_each(|m| m.clear());
    }

    fn of(&mut self, kind: EntityKind) -> &mut std::collections::HashMap<String, (i64, String)> {
        &mut self.known[match kind {
            EntityKind::Person => 0,
            EntityKind::Org => 1,
        }]
    }
}

/// The SimHashes of the stored documents by band, in memory: what the band
/// indexes give, without a query per new document (see the module
/// documentation). 64 bytes a document.
#[derive(Default)]
pub(crate) struct Similar {
    /// Band value → (SimHash, document row id), for each of the four bands.
    bands: [std::collections::HashMap<u16, Vec<(u64, i64)>>; 4],
}

impl Similar {
    /// Every stored document's SimHash, read from a band index (the rows
    /// hold the text before it).
    fn load(conn: &Connection) -> Result<Similar> {
        let mut similar = Similar::default();
        let mut stmt = conn.prepare("SELECT id, simhash FROM documents INDEXED BY documents_band0 WHERE simhash_band0 IS NOT NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            similar.add(r.get::<_, i64>(1)? as u64, r.get(0)?);
        }
        Ok(similar)
    }

    fn add(&mut self, simhash: u64, id: i64) {
        for (i, band) in self.bands.iter_mut().enumerate() {
            band.entry((simhash >> (16 * i)) as u16).or_default().push((simhash, id));
        }
    }

    /// The nearest within 3 bits, the first stored on a tie: (distance, id).
    fn nearest(&self, simhash: u64) -> Option<(u32, i64)> {
        let mut best: Option<(u32, i64)> = None;
        for (i, band) in self.bands.iter().enumerate() {
            for &(other, id) in band.get(&((simhash >> (16 * i)) as u16)).into_iter().flatten() {
                let distance = (other ^ simhash).count_ones();
                if fingerprint::near_duplicate(other, simhash) && best.is_none_or(|b| (distance, id) < b) {
                    best = Some((distance, id));
                }
            }
        }
        best
    }
}

/// What the writer remembers between documents; see [`Names`] and
/// [`Similar`]. Both are only right while they match the database in the
/// writer's transaction: [`WriteCache::clear`] when they may not.
#[derive(Default)]
pub(crate) struct WriteCache {
    pub(crate) names: Names,
    /// `None`: not loaded (read on first use), or stale. Left `None` by
    /// [`Store::ingest`], which looks the bands up in SQLite instead.
    similar: Option<Similar>,
    /// Whether to keep `similar` in memory at all.
    keep_similar: bool,
}

impl WriteCache {
    /// A cache that keeps the SimHashes in memory: for many documents.
    pub(crate) fn for_batch() -> WriteCache {
        WriteCache { keep_similar: true, ..WriteCache::default() }
    }

    pub(crate) fn clear(&mut self) {
        self.names.clear();
        self.similar = None;
    }
}

/// Writes one document and its events on `conn`, inside the caller's
/// transaction: the caller commits or rolls back the whole. `cache` must
/// match the database as it is in that transaction.
pub(crate) fn write_document(conn: &Connection, cache: &mut WriteCache, doc: &DocumentRecord, events: &[Event]) -> Result<IngestOutcome> {
    let hash = content_hash(&doc.text);
    let fingerprint = doc.fingerprint.unwrap_or_else(|| Fingerprint::of(&doc.text));
    let existing: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, content_hash FROM documents WHERE doc_id = ?1")?
        .query_row([&doc.doc_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (document_id, updated) = match existing {
        Some((_, h)) if h == hash => return Ok(IngestOutcome::Unchanged),
        Some((id, _)) => {
            conn.prepare_cached("DELETE FROM events WHERE document_id = ?1")?.execute([id])?;
            conn.prepare_cached(
                "UPDATE documents SET content_hash = ?2, lang = ?3, published = ?4, published_inferred = ?5, title = ?6, url = ?7, origin = ?8, text = ?9 WHERE id = ?1",
            )?
            .execute(params![id, hash, doc.lang, doc.published, doc.published_inferred, doc.title, doc.url, doc.origin, doc.text])?;
            set_fingerprint(conn, id, &fingerprint)?;
            // Its SimHash moved: read them again when next needed (rare).
            cache.similar = None;
            (id, true)
        }
        None => {
            if already_known(conn, doc)? {
                return Ok(IngestOutcome::Unchanged);
            }
            if cache.keep_similar && cache.similar.is_none() {
                cache.similar = Some(Similar::load(conn)?);
            }
            if let Some(original) = original_of(conn, cache.similar.as_ref(), &fingerprint)? {
                let outcome = if original.same_text {
                    IngestOutcome::Duplicate { of: original.doc_id.clone() }
                } else {
                    IngestOutcome::NearDuplicate { of: original.doc_id.clone(), distance: original.distance }
                };
                let kind = if matches!(outcome, IngestOutcome::Duplicate { .. }) { "duplicate" } else { "near_duplicate" };
                conn.prepare_cached(
                    "INSERT INTO document_sources (document_id, doc_id, kind, distance, url, title, published, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![original.id, doc.doc_id, kind, original.distance, doc.url, doc.title, doc.published, doc.origin])?;
                return Ok(outcome);
            }
            // The fingerprint goes in with the row: one write instead of an
            // insert and an update.
            let [b0, b1, b2, b3] = fingerprint.bands();
            conn.prepare_cached(
                "INSERT INTO documents (doc_id, content_hash, lang, published, published_inferred, title, url, origin, text,
                                        text_hash, simhash, simhash_band0, simhash_band1, simhash_band2, simhash_band3)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                doc.doc_id,
                hash,
                doc.lang,
                doc.published,
                doc.published_inferred,
                doc.title,
                doc.url,
                doc.origin,
                doc.text,
                to_sql(fingerprint.text_hash),
                to_sql(fingerprint.simhash),
                b0,
                b1,
                b2,
                b3
            ])?;
            let id = conn.last_insert_rowid();
            if let Some(similar) = &mut cache.similar {
                similar.add(fingerprint.simhash, id);
            }
            (id, false)
        }
    };
    let mut persons: Vec<i64> = Vec::new();
    for (seq, e) in events.iter().enumerate() {
        if let Some(person) = insert_event(conn, &mut cache.names, document_id, doc.published.as_deref(), seq, e)? {
            persons.push(person);
        }
    }
    // The persons whose stored tenures this document changes (see
    // `tenures`), each once: cheaper than a trigger on every event row.
    persons.sort_unstable();
    persons.dedup();
    let mut mark = conn.prepare_cached("INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT 'person', coalesce(canonical_id, id) FROM entities WHERE id = ?1")?;
    for person in persons {
        mark.execute([person])?;
    }
    Ok(if updated { IngestOutcome::Updated(events.len()) } else { IngestOutcome::Added(events.len()) })
}

fn set_fingerprint(conn: &Connection, document_id: i64, f: &Fingerprint) -> Result<()> {
    let [b0, b1, b2, b3] = f.bands();
    conn.prepare_cached(
        "UPDATE documents SET text_hash = ?2, simhash = ?3, simhash_band0 = ?4, simhash_band1 = ?5, simhash_band2 = ?6, simhash_band3 = ?7 WHERE id = ?1",
    )?
    .execute(params![document_id, to_sql(f.text_hash), to_sql(f.simhash), b0, b1, b2, b3],
    )?;
    Ok(())
}

/// Whether a document with another id is nonetheless known: its URL is a
/// stored document's or a recorded source's, or it is itself a recorded source.
fn already_known(conn: &Connection, doc: &DocumentRecord) -> Result<bool> {
    let as_source = conn.prepare_cached("SELECT 1 FROM document_sources WHERE doc_id = ?1")?.query_row([&doc.doc_id], |_| Ok(())).optional()?.is_some();
    let by_url = match doc.url.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(url) => conn
            .prepare_cached("SELECT 1 FROM documents WHERE url = ?1 UNION ALL SELECT 1 FROM document_sources WHERE url = ?1 LIMIT 1")?
            .query_row([url], |_| Ok(()))
            .optional()?
            .is_some(),
        None => false,
    };
    Ok(as_source || by_url)
}

/// The stored document a text copies: one with the same normalized text,
/// else the nearest within 3 bits of SimHash (the first stored on a tie),
/// from `similar` when given.
fn original_of(conn: &Connection, similar: Option<&Similar>, f: &Fingerprint) -> Result<Option<Original>> {
    // The first stored is chosen here rather than by `ORDER BY id LIMIT 1`:
    // with that clause SQLite prepared the statement again on every call
    // (the plan depends on the bound value). There is rarely more than one.
    let mut stmt = conn.prepare_cached("SELECT id, doc_id FROM documents WHERE text_hash = ?1")?;
    let mut rows = stmt.query([to_sql(f.text_hash)])?;
    let mut same_text: Option<Original> = None;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if same_text.as_ref().is_none_or(|o| id < o.id) {
            same_text = Some(Original { id, doc_id: r.get(1)?, distance: 0, same_text: true });
        }
    }
    if same_text.is_some() {
        return Ok(same_text);
    }
    let best = match similar {
        Some(similar) => similar.nearest(f.simhash),
        None => {
            let [b0, b1, b2, b3] = f.bands();
            // One lookup per band, each read from its covering index alone
            // (an OR of the four read every candidate's row, text and all);
            // the exact distance here.
            let mut stmt = conn.prepare_cached(
                "SELECT id, simhash FROM documents WHERE simhash_band0 = ?1
                 UNION ALL SELECT id, simhash FROM documents WHERE simhash_band1 = ?2
                 UNION ALL SELECT id, simhash FROM documents WHERE simhash_band2 = ?3
                 UNION ALL SELECT id, simhash FROM documents WHERE simhash_band3 = ?4",
            )?;
            let candidates = stmt.query_map(params![b0, b1, b2, b3], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)? as u64)))?;
            let mut best: Option<(u32, i64)> = None;
            for c in candidates {
                let (id, simhash) = c?;
                let distance = (simhash ^ f.simhash).count_ones();
                if fingerprint::near_duplicate(simhash, f.simhash) && best.is_none_or(|b| (distance, id) < b) {
                    best = Some((distance, id));
                }
            }
            best
        }
    };
    let Some((distance, id)) = best else { return Ok(None) };
    let doc_id = conn.prepare_cached("SELECT doc_id FROM documents WHERE id = ?1")?.query_row([id], |r| r.get(0))?;
    Ok(Some(Original { id, doc_id, distance, same_text: false }))
}

/// The stored name of this key, inserted if new. Events point to the name as
/// written (its key); which entity it belongs to is [`Store::resolve`]'s
/// business, so that a correction can move it later. Of two spellings of one
/// key the better one is kept, whatever the order they came in.
fn entity(conn: &Connection, names: &mut Names, kind: EntityKind, name: &str) -> Result<i64> {
    let k = key(kind, name);
    let k = if k.is_empty() { name.trim().to_lowercase() } else { k };
    let name = name.trim();
    if let Some((id, stored)) = names.of(kind).get_mut(&k) {
        if better_spelling(name, stored) {
            conn.prepare_cached("UPDATE entities SET name = ?2 WHERE id = ?1")?.execute(params![*id, name])?;
            *stored = name.to_string();
        }
        return Ok(*id);
    }
    let stored = conn
            .prepare_cached("SELECT id, name FROM entities WHERE kind = ?1 AND key = ?2")?
            .query_row(params![kind.as_str(), k], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .optional()?;
    let (id, kept) = match stored {
        Some((id, stored)) if better_spelling(name, &stored) => {
            conn.prepare_cached("UPDATE entities SET name = ?2 WHERE id = ?1")?.execute(params![id, name])?;
            (id, name.to_string())
        }
        Some(found) => found,
        None => {
            conn.prepare_cached("INSERT INTO entities (kind, name, key) VALUES (?1, ?2, ?3)")?.execute(params![kind.as_str(), name, k])?;
            (conn.last_insert_rowid(), name.to_string())
        }
    };
    let known = names.of(kind);
    if known.len() >= Names::CAPACITY {
        known.clear();
    }
    known.insert(k, (id, kept));
    Ok(id)
}

/// Inserts one event of a document published on `published`; returns its
/// person's stored name, if any.
fn insert_event(conn: &Connection, names: &mut Names, document_id: i64, published: Option<&str>, seq: usize, e: &Event) -> Result<Option<i64>> {
    let person = e.person.as_deref().map(|p| entity(conn, names, EntityKind::Person, p)).transpose()?;
    let org = entity(conn, names, EntityKind::Org, &e.org)?;
    let counterpart = e.counterpart.as_deref().map(|c| entity(conn, names, EntityKind::Org, c)).transpose()?;
    conn.prepare_cached(
        "INSERT INTO events (document_id, seq, type, person_id, org_id, unit, role, role_text, date, until, counterpart_id, manner, status, evidence_start, evidence_end, evidence_text, confidence, sort_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, coalesce(?9, ?18))",
    )?
    .execute(params![
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
            published,
        ])?;
    Ok(person)
}

/// FNV-1a over the text: enough to tell a changed article from the same one.
pub(crate) fn content_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}-{}", text.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tenure_extract::{Extractor, Input, Lang, PartialDate};

    const STORY: &str = "Fabrikam nomme Claire Martin directrice générale\n\
        Fabrikam a annoncé mardi la nomination de Claire Martin au poste de directrice générale, \
        à compter du 1er septembre. Elle succède à Jean Dupont, qui quitte le groupe après douze ans à sa tête \
        pour rejoindre le conseil de surveillance de Contoso. Diplômée de Polytechnique, Claire Martin était \
        jusqu'ici directrice financière du groupe, qu'elle avait rejoint en 2015 après un passage chez Northwind. \
        Le conseil d'administration a salué « une transition préparée de longue date » et rappelé que la \
        nouvelle dirigeante aura pour mission de poursuivre le plan stratégique présenté au printemps, \
        centré sur les services numériques et la réduction de la dette. Les syndicats ont demandé à la \
        rencontrer rapidement afin d'obtenir des garanties sur l'emploi dans les usines françaises du groupe, \
        où plusieurs centaines de postes pourraient être supprimés d'ici la fin de l'année prochaine.";

    const OTHER: &str = "Le club de football de Lyon a limogé son entraîneur dimanche soir après une série de cinq défaites \
        consécutives en championnat. Le président du club a expliqué que l'équipe avait besoin d'un nouvel élan \
        avant la trêve hivernale et qu'un successeur serait nommé dans la semaine.";

    fn edited() -> String {
        STORY
            .replace("Fabrikam nomme Claire Martin directrice générale", "Claire Martin prend la tête de Fabrikam")
            .replace("mardi", "ce mardi")
            .replace("rapidement", "au plus vite")
    }

    fn ingest(store: &mut Store, id: &str, url: &str, text: &str) -> IngestOutcome {
        let extractor = extractor();
        let x = extractor
            .extract(&Input { id, text, lang: Some(Lang::Fr), published: PartialDate::parse("2024-05-02") })
            .unwrap();
        let record = DocumentRecord { doc_id: id.into(), text: text.into(), url: Some(url.into()), ..DocumentRecord::default() };
        store.ingest(&record, &x.events).unwrap()
    }

    fn extractor() -> &'static Extractor {
        static EXTRACTOR: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        EXTRACTOR.get_or_init(|| Extractor::new().unwrap())
    }

    fn event_count(store: &Store) -> i64 {
        store.counts().unwrap().2
    }

    #[test]
    fn copies_of_a_story_are_sources_and_their_events_are_not_stored_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        let IngestOutcome::Added(n) = ingest(&mut store, "wire", "https://wire.example/a", STORY) else { panic!("first copy is added") };
        assert!(n > 0, "the story has events");
        assert_eq!(ingest(&mut store, "paper", "https://paper.example/b", STORY), IngestOutcome::Duplicate { of: "wire".into() });
        let near = ingest(&mut store, "blog", "https://blog.example/c", &edited());
        assert!(matches!(&near, IngestOutcome::NearDuplicate { of, distance } if of == "wire" && *distance <= 3), "{near:?}");
        assert_eq!(event_count(&store), n as i64, "copies add no events");
        let sources = store.sources_of("wire").unwrap();
        let seen: Vec<(&str, &str)> = sources.iter().map(|s| (s.doc_id.as_str(), s.kind.as_str())).collect();
        assert_eq!(seen, [("paper", "duplicate"), ("blog", "near_duplicate")]);
        assert!(matches!(ingest(&mut store, "other", "https://wire.example/other", OTHER), IngestOutcome::Added(_)), "another story is stored");
        assert_eq!(store.counts().unwrap().0, 2, "two stories");
    }

    #[test]
    fn a_known_url_or_a_recorded_copy_is_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        ingest(&mut store, "wire", "https://wire.example/a", STORY);
        ingest(&mut store, "blog", "https://blog.example/c", &edited());
        assert_eq!(ingest(&mut store, "wire-again", "https://wire.example/a", OTHER), IngestOutcome::Unchanged, "same URL");
        assert_eq!(ingest(&mut store, "blog", "https://blog.example/c", &edited()), IngestOutcome::Unchanged, "recorded copy");
        assert_eq!(ingest(&mut store, "blog-2", "https://blog.example/c", STORY), IngestOutcome::Unchanged, "a copy's URL");
        assert_eq!(store.sources_of("wire").unwrap().len(), 1);
    }

    #[test]
    fn an_updated_document_keeps_its_id_and_refreshes_its_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        ingest(&mut store, "a", "https://x.example/a", OTHER);
        assert!(matches!(ingest(&mut store, "a", "https://x.example/a", STORY), IngestOutcome::Updated(_)));
        assert_eq!(ingest(&mut store, "b", "https://y.example/b", STORY), IngestOutcome::Duplicate { of: "a".into() });
    }

    #[test]
    fn a_database_of_the_first_schema_is_migrated_and_its_documents_fingerprinted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(SCHEMA).unwrap();
            conn.execute("INSERT INTO documents (doc_id, content_hash, text, url) VALUES ('old', 'h', ?1, 'https://old.example')", [STORY]).unwrap();
        }
        let mut store = Store::open(&path).unwrap();
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(ingest(&mut store, "new", "https://new.example", STORY), IngestOutcome::Duplicate { of: "old".into() });
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.sources_of("old").unwrap().len(), 1, "reopening migrates nothing twice");
    }

    #[test]
    fn a_batch_finds_near_duplicates_stored_before_it_and_by_another_connection() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        let mut other = Store::open(&path).unwrap();
        ingest(&mut store, "wire", "https://wire.example/a", STORY);
        let record = |id: &str, text: &str| DocumentRecord { doc_id: id.into(), text: text.into(), url: Some(format!("https://{id}.example")), ..DocumentRecord::default() };
        let mut batch = store.batch(crate::BatchLimits { documents: 1, age: Duration::from_secs(3600) });
        assert!(matches!(batch.ingest(&record("blog", &edited()), &[]).unwrap(), IngestOutcome::NearDuplicate { of, .. } if of == "wire"), "stored before the batch");
        // Between two of the batch's transactions another writer stores a story.
        let club = [OTHER; 4].join(" ");
        other.ingest(&record("club", &club), &[]).unwrap();
        let other_edited = club.replacen("limogé", "renvoyé", 1);
        let outcome = batch.ingest(&record("club-2", &other_edited), &[]).unwrap();
        assert!(matches!(&outcome, IngestOutcome::NearDuplicate { of, .. } if of == "club"), "{outcome:?}");
        batch.finish().unwrap();
    }

    #[test]
    fn version_5_marks_persons_per_document_and_drops_the_unused_date_index() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        let objects: Vec<String> = store.conn.prepare("SELECT name FROM sqlite_master WHERE name IN ('tenure_event_added', 'events_date')").unwrap().query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect();
        assert!(objects.is_empty(), "{objects:?}");
        ingest(&mut store, "wire", "https://wire.example/a", STORY);
        assert!(store.tenures_pending().unwrap(), "the document's persons are marked");
        store.ensure_tenures().unwrap();
        assert!(store.check().unwrap().is_clean());
    }

    #[test]
    fn a_database_of_version_4_gets_the_sort_dates_of_its_events() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        ingest(&mut store, "wire", "https://wire.example/a", STORY);
        ingest(&mut store, "other", "https://x.example/b", OTHER);
        store.ensure_tenures().unwrap();
        let feed = store.events(&crate::EventFilter::default()).unwrap();
        assert!(feed.len() > 2);
        store
            .conn
            .execute_batch(
                "DROP INDEX events_sort_date; DROP TRIGGER events_redated; ALTER TABLE events DROP COLUMN sort_date;
                 CREATE INDEX events_date ON events(date);
                 CREATE TRIGGER tenure_event_added AFTER INSERT ON events WHEN new.person_id IS NOT NULL BEGIN
                     INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT 'person', coalesce(canonical_id, id) FROM entities WHERE id = new.person_id;
                 END;
                 DROP TABLE flow_moves; DROP TABLE flow_pairs;
                 PRAGMA user_version = 4;",
            )
            .unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert!(!store.tenures_pending().unwrap(), "filling the sort dates changes no tenure");
        assert_eq!(store.events(&crate::EventFilter::default()).unwrap(), feed);
        let unsorted: i64 = store.conn.query_row("SELECT count(*) FROM events WHERE sort_date IS NOT coalesce(date, (SELECT published FROM documents d WHERE d.id = document_id))", [], |r| r.get(0)).unwrap();
        assert_eq!(unsorted, 0);
        // A document's new publication date moves its undated events in the feed.
        store.conn.execute("UPDATE documents SET published = '2031-01-01' WHERE doc_id = 'other'", []).unwrap();
        let unsorted: i64 = store.conn.query_row("SELECT count(*) FROM events WHERE sort_date IS NOT coalesce(date, (SELECT published FROM documents d WHERE d.id = document_id))", [], |r| r.get(0)).unwrap();
        assert_eq!(unsorted, 0);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.db");
        Connection::open(&path).unwrap().pragma_update(None, "user_version", SCHEMA_VERSION + 1).unwrap();
        let Err(e) = Store::open(&path) else { panic!("a newer schema opened") };
        assert!(matches!(e, KbError::NewerSchema { .. }), "{e}");
    }

    #[test]
    fn bands_split_the_simhash_in_four() {
        let f = Fingerprint { text_hash: 0, simhash: 0xdead_beef_0123_4567 };
        assert_eq!(f.bands(), [0x4567, 0x0123, 0xbeef, 0xdead]);
        assert_eq!(to_sql(u64::MAX) as u64, u64::MAX);
    }
}
