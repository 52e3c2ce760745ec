//! `tenure check`: is the database whole, and does the event log still
//! project?
//!
//! SQLite's own checks find a damaged file; they do not find a row deleted
//! or edited behind the store's back (an event whose document is gone, a
//! fingerprint that no longer matches its text), nor an event log that the
//! projection cannot replay. Each of those would make queries silently
//! wrong, so each is looked for here and reported as a [`Finding`] that says
//! what is wrong and where.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

use serde::Serialize;
use tenure_extract::{EventType, PartialDate, Status};

use crate::projection::replay;
use crate::query::StoredEvent;
use crate::store::{content_hash, Fingerprint, Store};
use crate::Result;

/// One problem found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// A short stable name: `integrity`, `foreign_key`, `orphan_event`,
    /// `missing_entity`, `duplicate_event`, `fingerprint`, `bad_value`,
    /// `projection`, `stale_tenures`.
    pub check: &'static str,
    /// What is wrong, naming the rows.
    pub message: String,
}

/// What was looked at, and what was wrong.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub documents: i64,
    pub events: i64,
    pub entities: i64,
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

/// At most this many rows are named per kind of problem; the rest are counted.
const SHOWN: usize = 10;

impl Store {
    /// Runs every check; a database error while checking is an `Err`, the
    /// problems found are in the report.
    pub fn check(&self) -> Result<Report> {
        let (documents, entities, events) = self.counts()?;
        let mut report = Report { documents, events, entities, findings: Vec::new() };
        let f = &mut report.findings;
        self.sqlite_checks(f)?;
        self.reference_checks(f)?;
        self.duplicate_checks(f)?;
        self.fingerprint_checks(f)?;
        self.value_and_projection_checks(f)?;
        self.stored_projection_checks(f)?;
        Ok(report)
    }

    fn strings(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    fn sqlite_checks(&self, f: &mut Vec<Finding>) -> Result<()> {
        for line in self.strings("PRAGMA integrity_check")? {
            if line != "ok" {
                f.push(Finding { check: "integrity", message: line });
            }
        }
        // The references checked one by one below are left out here, to be
        // reported once, by name.
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?, r.get::<_, String>(2)?)))?;
        let mut other: BTreeMap<(String, String), Vec<Option<i64>>> = BTreeMap::new();
        for row in rows {
            let (table, rowid, parent) = row?;
            if !matches!((table.as_str(), parent.as_str()), ("events", _) | ("document_sources", "documents") | ("aliases", "entities")) {
                other.entry((table, parent)).or_default().push(rowid);
            }
        }
        for ((table, parent), rows) in other {
            f.push(Finding { check: "foreign_key", message: format!("{} rows of {table} refer to missing {parent} (rowids {})", rows.len(), show(&rows)) });
        }
        Ok(())
    }

    /// Each row of `sql` is (row id, what it names); one finding per query.
    fn rows_finding(&self, f: &mut Vec<Finding>, check: &'static str, sql: &str, what: &str) -> Result<()> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows: Vec<String> = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<std::result::Result<_, _>>()?;
        if !rows.is_empty() {
            f.push(Finding { check, message: format!("{} {what}: {}", rows.len(), show(&rows)) });
        }
        Ok(())
    }

    fn reference_checks(&self, f: &mut Vec<Finding>) -> Result<()> {
        self.rows_finding(
            f,
            "orphan_event",
            "SELECT 'event ' || id || ' (document row ' || document_id || ')' FROM events WHERE document_id NOT IN (SELECT id FROM documents) ORDER BY id",
            "events refer to a missing document",
        )?;
        for (column, role) in [("org_id", "organization"), ("person_id", "person"), ("counterpart_id", "counterpart")] {
            self.rows_finding(
                f,
                "missing_entity",
                &format!("SELECT 'event ' || id || ' (entity ' || {column} || ')' FROM events WHERE {column} IS NOT NULL AND {column} NOT IN (SELECT id FROM entities) ORDER BY id"),
                &format!("events refer to a missing {role}"),
            )?;
        }
        self.rows_finding(
            f,
            "orphan_source",
            "SELECT doc_id FROM document_sources WHERE document_id NOT IN (SELECT id FROM documents) ORDER BY id",
            "recorded copies refer to a missing document",
        )?;
        self.rows_finding(f, "missing_entity", "SELECT kind || ' alias ' || key FROM aliases WHERE entity_id NOT IN (SELECT id FROM entities)", "aliases refer to a missing entity")
    }

    fn duplicate_checks(&self, f: &mut Vec<Finding>) -> Result<()> {
        // The unique indexes make these impossible unless an index is damaged.
        self.rows_finding(
            f,
            "duplicate_event",
            "SELECT 'document row ' || document_id || ' seq ' || seq FROM events GROUP BY document_id, seq HAVING count(*) > 1",
            "events stored twice for one document",
        )?;
        self.rows_finding(f, "duplicate_document", "SELECT doc_id FROM documents GROUP BY doc_id HAVING count(*) > 1", "document ids stored twice")?;
        self.rows_finding(
            f,
            "duplicate_document",
            "SELECT s.doc_id FROM document_sources s JOIN documents d ON d.doc_id = s.doc_id",
            "document ids both stored and recorded as a copy",
        )
    }

    fn fingerprint_checks(&self, f: &mut Vec<Finding>) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT doc_id, text, content_hash, text_hash, simhash, simhash_band0, simhash_band1, simhash_band2, simhash_band3 FROM documents ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut wrong = Vec::new();
        while let Some(r) = rows.next()? {
            let (doc_id, text, hash): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let stored = (r.get::<_, Option<i64>>(3)?, r.get::<_, Option<i64>>(4)?, [r.get::<_, Option<i64>>(5)?, r.get(6)?, r.get(7)?, r.get(8)?]);
            let fp = Fingerprint::of(&text);
            let expected = (Some(fp.text_hash as i64), Some(fp.simhash as i64), fp.bands().map(Some));
            if hash != content_hash(&text) || stored != expected {
                wrong.push(doc_id);
            }
        }
        if !wrong.is_empty() {
            f.push(Finding { check: "fingerprint", message: format!("{} documents whose hashes do not match their text: {}", wrong.len(), show(&wrong)) });
        }
        Ok(())
    }

    /// Values the projection reads, then the projection itself, for every
    /// person at every organization.
    fn value_and_projection_checks(&self, f: &mut Vec<Finding>) -> Result<()> {
        // From the table itself: an event whose document or entities are
        // gone is still checked.
        let mut stmt = self.conn.prepare(
            "SELECT ev.id, coalesce(d.doc_id, '?'), ev.seq, ev.type, ev.status, ev.date, ev.until, ev.evidence_start, ev.evidence_end, ev.confidence
             FROM events ev LEFT JOIN documents d ON d.id = ev.document_id ORDER BY ev.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut bad = Vec::new();
        while let Some(r) = rows.next()? {
            let (id, doc, seq): (i64, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let (kind, status, date, until): (String, String, Option<String>, Option<String>) = (r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?);
            let (start, end, confidence): (i64, i64, f64) = (r.get(7)?, r.get(8)?, r.get(9)?);
            let at = || format!("event {id} ({doc} #{seq})");
            if EventType::parse(&kind).is_none() {
                bad.push(format!("{}: unknown type {kind:?}", at()));
            }
            if Status::parse(&status).is_none() {
                bad.push(format!("{}: unknown status {status:?}", at()));
            }
            for (name, d) in [("date", &date), ("until", &until)] {
                if let Some(d) = d.as_deref().filter(|d| PartialDate::parse(d).is_none()) {
                    bad.push(format!("{}: unreadable {name} {d:?}", at()));
                }
            }
            if start < 0 || end < start {
                bad.push(format!("{}: evidence span {start}..{end}", at()));
            }
            if !(0.0..=1.0).contains(&confidence) {
                bad.push(format!("{}: confidence {confidence}", at()));
            }
        }
        if !bad.is_empty() {
            f.push(Finding { check: "bad_value", message: format!("{} bad values: {}", bad.len(), show(&bad)) });
        }
        let events = self.load("", Vec::new())?;
        let mut groups: BTreeMap<(&str, &str), Vec<&StoredEvent>> = BTreeMap::new();
        for e in &events {
            if let Some(p) = e.person.as_deref() {
                groups.entry((p, e.org.as_str())).or_default().push(e);
            }
        }
        let mut failed = Vec::new();
        for ((person, org), group) in &groups {
            if catch_unwind(AssertUnwindSafe(|| replay(group, None))).is_err() {
                failed.push(format!("{person} at {org}"));
            }
        }
        if !failed.is_empty() {
            f.push(Finding { check: "projection", message: format!("the event log of {} person-organization pairs does not replay: {}", failed.len(), show(&failed)) });
        }
        Ok(())
    }
}

impl Store {
    /// The stored projection (see [`crate::tenures`]), once brought up to
    /// date, is what a replay of the whole log gives: a row missing, extra
    /// or different means the marks missed a change or the tables were
    /// edited (`tenure_kb::Store::rebuild_tenures` rebuilds them).
    fn stored_projection_checks(&self, f: &mut Vec<Finding>) -> Result<()> {
        self.ensure_tenures()?;
        let wrong = crate::tenures::compare(&self.conn)?;
        if !wrong.is_empty() {
            f.push(Finding { check: "stale_tenures", message: format!("{} stored tenure rows differ from a replay of the log: {}", wrong.len(), show(&wrong)) });
        }
        Ok(())
    }
}

/// The first [`SHOWN`] items, and how many more.
fn show<T: std::fmt::Debug>(items: &[T]) -> String {
    let shown: Vec<String> = items.iter().take(SHOWN).map(|i| format!("{i:?}").trim_matches('"').to_string()).collect();
    let more = items.len().saturating_sub(SHOWN);
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}
