//! The projection, stored: what `roster` and `flows` read instead of
//! replaying the event log.
//!
//! Replaying every event of every person who passed through a large
//! organization took a second for its roster and half a minute for its
//! flows on a knowledge base of a million events. The projection of each
//! person at each organization is therefore kept in two tables, derived from
//! the log and never edited by hand:
//!
//! - `roster_spans`: for each (person, organization) entity pair, the
//!   stretches of dates over which the roster's answer for that person is the
//!   same. A roster `--at D` replays the changes dated up to `D` (and the held
//!   facts known by then); the answer only changes at the dates of those
//!   changes and facts, so one row per stretch between them (consecutive equal
//!   stretches merged, ended tenures left out) gives the replay's answer for
//!   every date. `from_day <= D < to_day` on the day ordinal of `D`'s end; the
//!   one part of the replay that depends on `D`'s start (a leave whose
//!   announced end has passed is over) is applied when reading.
//! - `flow_changes`: the changes the timeline uses (preferred and actual)
//!   that are starts and ends, with the name of the counterpart as stored,
//!   the date and the documents: what flows pair up.
//! - `flow_moves`: those changes paired into moves of one person from one
//!   organization to another (counterparts resolved when stored), keyed by
//!   origin then destination; and `flow_pairs`, the number of people of
//!   each (origin, destination), indexed by that number: `flows` without a
//!   filter reads the largest flows down that index instead of pairing a
//!   million changes at each query (1.3 s before, 40 ms since).
//!
//! The rows of one organization are stored together (`WITHOUT ROWID`, keyed
//! by organization first), and those naming one counterpart in an index
//! that holds them whole: a large organization's rows are read from a few
//! consecutive pages rather than one page each.
//!
//! All are keyed by entity (the `canonical_id` of the names), so they depend
//! on resolution; names are joined when reading, so a better spelling needs no
//! refresh.
//!
//! **Maintenance.** What a write makes stale is marked in the writer's own
//! transaction (a crash leaves the marks with the events they follow): the
//! store marks the persons of each document it writes, once each (a trigger
//! per event row cost the writer more); triggers mark the rest: an event
//! removed or changed marks its person's entity, a document whose
//! publication date changes or that is removed marks the persons of its
//! events, and a name
//! whose entity changes on resolution (a merge, a split, an alias, a new name
//! joining an entity) marks the old and the new entity. [`Store::ensure_tenures`]
//! (run by the queries that read the tables, after resolution, and by
//! `tenure ingest` at its end) replays the marked entities, in one
//! transaction: every pair of a marked person, every pair at a marked
//! organization, then clears the marks. The moves of every person replayed,
//! and of everyone with a change or a move at a marked organization (a
//! merge changes which entity a counterpart's name is), are paired again
//! from the stored changes, and the sizes of the flows they leave or join
//! counted again. `tenure check` replays everything and compares.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};

use rusqlite::{params, Connection, OptionalExtension};

use crate::projection::{self, TenureStatus};
use crate::query::{column_by_id, person_moves, Move, StoredEvent};
use crate::store::Store;
use crate::Result;

/// Version 3 → 4: the stored projection and the triggers that keep it.
pub(crate) const SCHEMA: &str = "
CREATE TABLE tenure_dirty (
    kind TEXT NOT NULL CHECK (kind IN ('person', 'org')),
    entity_id INTEGER NOT NULL,
    PRIMARY KEY (kind, entity_id)
) WITHOUT ROWID;
CREATE TABLE roster_spans (
    org_id INTEGER NOT NULL,
    from_day INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    to_day INTEGER NOT NULL,
    role TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'on_leave')),
    since TEXT,
    leave_until TEXT,
    sources TEXT NOT NULL,
    PRIMARY KEY (org_id, from_day, person_id)
) WITHOUT ROWID;
CREATE INDEX roster_spans_person ON roster_spans(person_id);
CREATE TABLE flow_changes (
    org_id INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('start', 'end')),
    person_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    counterpart_id INTEGER,
    date TEXT,
    sources TEXT NOT NULL,
    PRIMARY KEY (org_id, kind, person_id, n)
) WITHOUT ROWID;
CREATE INDEX flow_changes_counterpart ON flow_changes(counterpart_id, kind, date, sources);
CREATE INDEX flow_changes_person ON flow_changes(person_id, kind, counterpart_id);
CREATE TRIGGER tenure_event_added AFTER INSERT ON events WHEN new.person_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT 'person', coalesce(canonical_id, id) FROM entities WHERE id = new.person_id;
END;
CREATE TRIGGER tenure_event_removed AFTER DELETE ON events WHEN old.person_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT 'person', coalesce(canonical_id, id) FROM entities WHERE id = old.person_id;
END;
CREATE TRIGGER tenure_event_changed AFTER UPDATE ON events BEGIN
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT 'person', coalesce(canonical_id, id) FROM entities WHERE id IN (old.person_id, new.person_id);
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT 'org', coalesce(canonical_id, id) FROM entities WHERE id IN (old.org_id, new.org_id);
END;
CREATE TRIGGER tenure_document_dated AFTER UPDATE OF published ON documents WHEN old.published IS NOT new.published BEGIN
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id)
        SELECT DISTINCT 'person', coalesce(p.canonical_id, p.id) FROM events ev JOIN entities p ON p.id = ev.person_id WHERE ev.document_id = new.id;
END;
CREATE TRIGGER tenure_document_removed AFTER DELETE ON documents BEGIN
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id)
        SELECT DISTINCT 'person', coalesce(p.canonical_id, p.id) FROM events ev JOIN entities p ON p.id = ev.person_id WHERE ev.document_id = old.id;
END;
CREATE TRIGGER tenure_resolved AFTER UPDATE OF canonical_id ON entities WHEN old.canonical_id IS NOT new.canonical_id BEGIN
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT new.kind, old.canonical_id WHERE old.canonical_id IS NOT NULL;
    INSERT OR IGNORE INTO tenure_dirty (kind, entity_id) SELECT new.kind, new.canonical_id
        WHERE new.canonical_id IS NOT NULL AND (new.kind = 'person' OR old.canonical_id IS NOT NULL);
END;
";

/// Version 5 → 6: the moves that flows group, stored per person, and the
/// size of each flow, so that the largest flows of a million events are
/// read from an index rather than paired anew at every query.
pub(crate) const MOVES: &str = "
CREATE TABLE flow_moves (
    from_id INTEGER NOT NULL,
    to_id INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    n INTEGER NOT NULL,
    date TEXT,
    PRIMARY KEY (from_id, to_id, person_id, n)
) WITHOUT ROWID;
CREATE INDEX flow_moves_to ON flow_moves(to_id, from_id, person_id, date);
CREATE INDEX flow_moves_person ON flow_moves(person_id);
CREATE TABLE flow_pairs (
    from_id INTEGER NOT NULL,
    to_id INTEGER NOT NULL,
    people INTEGER NOT NULL,
    PRIMARY KEY (from_id, to_id)
) WITHOUT ROWID;
CREATE INDEX flow_pairs_size ON flow_pairs(people);
";

// A new organization name (no entity yet) needs no mark of its own: every
// event that names it marked its person when it was stored.

/// Marks every person of the log: the next [`Store::ensure_tenures`] replays
/// everything (a migrated database, or a rebuild).
pub(crate) fn mark_all(conn: &Connection) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO tenure_dirty (kind, entity_id)
         SELECT DISTINCT 'person', coalesce(p.canonical_id, p.id) FROM events ev JOIN entities p ON p.id = ev.person_id",
        [],
    )?;
    Ok(())
}

/// One row of `roster_spans`: `person` is at `org` as this for every date
/// whose last day's ordinal is in `from_day..to_day`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Span {
    pub org: i64,
    pub person: i64,
    pub from_day: i64,
    pub to_day: i64,
    pub role: Option<String>,
    pub status: &'static str,
    pub since: Option<String>,
    pub leave_until: Option<String>,
    pub sources: Vec<String>,
}

/// One row of `flow_changes`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FlowChange {
    pub person: i64,
    pub org: i64,
    pub kind: String,
    /// Its place among the group's changes (they may share a date).
    pub n: i64,
    /// The counterpart's name as stored (its row id), resolved when read.
    pub counterpart: Option<i64>,
    pub date: Option<String>,
    pub sources: Vec<String>,
}

/// One row of `flow_moves`: `person` moved from `from` to `to` (entities,
/// resolved when stored), dated as the change that tells it; `n` tells
/// apart the moves of one person between the same two organizations.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct MoveRow {
    pub from: i64,
    pub to: i64,
    pub person: i64,
    pub n: i64,
    pub date: Option<String>,
}

/// The moves that these changes (all those of their persons) make, with
/// the counterparts resolved as the entities now stand.
fn moves_of(conn: &Connection, flows: &[FlowChange]) -> Result<Vec<MoveRow>> {
    let mut counterparts: Vec<i64> = flows.iter().filter_map(|f| f.counterpart).collect();
    counterparts.sort_unstable();
    counterparts.dedup();
    let entity_of: HashMap<i64, i64> = column_by_id(conn, "coalesce(canonical_id, id)", &counterparts)?;
    let used: Vec<Move<i64>> = flows
        .iter()
        .map(|f| Move {
            person: f.person,
            org: f.org,
            start: f.kind == "start",
            counterpart: f.counterpart.map(|c| entity_of.get(&c).copied().unwrap_or(c)),
            date: f.date.as_deref(),
            docs: f.sources.iter().map(String::as_str).collect(),
        })
        .collect();
    let mut moves = person_moves(&used);
    moves.sort();
    moves.dedup();
    let mut rows: Vec<MoveRow> = Vec::with_capacity(moves.len());
    for m in moves {
        let n = match rows.last() {
            Some(prev) if (prev.from, prev.to, prev.person) == (m.from, m.to, m.person) => prev.n + 1,
            _ => 0,
        };
        rows.push(MoveRow { from: m.from, to: m.to, person: m.person, n, date: m.date.map(str::to_string) });
    }
    Ok(rows)
}

/// Events of persons, as the projection reads them: person and
/// organization are entity ids, the counterpart the stored name's id (all
/// as text, which the projection only carries along), no evidence.
const SELECT_PAIRS: &str = "
SELECT d.doc_id, ev.seq, d.published, ev.type, coalesce(p0.canonical_id, p0.id), coalesce(o0.canonical_id, o0.id),
       ev.role, ev.date, ev.until, ev.counterpart_id, ev.manner, ev.status
FROM events ev
JOIN documents d ON d.id = ev.document_id
JOIN entities o0 ON o0.id = ev.org_id
JOIN entities p0 ON p0.id = ev.person_id";

/// Events grouped by (person, organization) entity, each group in the order
/// [`Store::load`] gives (the projection's held facts depend on it).
type Groups = BTreeMap<(i64, i64), Vec<StoredEvent>>;

fn load_groups(conn: &Connection, clause: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Groups> {
    let sql = format!("{SELECT_PAIRS} {clause} ORDER BY coalesce(ev.date, d.published), d.doc_id, ev.seq");
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query(args)?;
    let mut groups = Groups::new();
    while let Some(r) = rows.next()? {
        let (person, org): (i64, i64) = (r.get(4)?, r.get(5)?);
        let e = StoredEvent {
            doc: r.get(0)?,
            seq: r.get(1)?,
            published: r.get(2)?,
            kind: r.get(3)?,
            person: Some(person.to_string()),
            org: org.to_string(),
            role: r.get(6)?,
            date: r.get(7)?,
            until: r.get(8)?,
            counterpart: r.get::<_, Option<i64>>(9)?.map(|c| c.to_string()),
            manner: r.get(10)?,
            status: r.get(11)?,
            ..StoredEvent::default()
        };
        groups.entry((person, org)).or_default().push(e);
    }
    Ok(groups)
}

/// The stored rows of one (person, organization) group. A group whose replay
/// panics gives none (`tenure check` reports it).
fn project(person: i64, org: i64, events: &[StoredEvent]) -> (Vec<Span>, Vec<FlowChange>) {
    catch_unwind(AssertUnwindSafe(|| {
        let refs: Vec<&StoredEvent> = events.iter().collect();
        let changes = projection::changes(&refs);
        let held: Vec<&StoredEvent> = refs.iter().copied().filter(|e| e.kind == "held" && e.status == "actual").collect();
        let (p, o) = (person.to_string(), org.to_string());
        let mut spans: Vec<Span> = Vec::new();
        for (from_day, to_day, t) in projection::last_tenure_spans(&p, &o, &changes, &held) {
            if t.status == TenureStatus::Ended {
                continue;
            }
            let span = Span { org, person, from_day, to_day, role: t.role, status: t.status.as_str(), since: t.start, leave_until: t.leave_until, sources: t.sources };
            match spans.last_mut() {
                Some(prev) if prev.to_day == from_day && (&prev.role, prev.status, &prev.since, &prev.leave_until, &prev.sources) == (&span.role, span.status, &span.since, &span.leave_until, &span.sources) => {
                    prev.to_day = to_day;
                }
                _ => spans.push(span),
            }
        }
        let flows = changes
            .iter()
            .filter(|c| c.in_timeline() && matches!(c.kind.as_str(), "start" | "end"))
            .enumerate()
            .map(|(n, c)| FlowChange {
                person,
                org,
                kind: c.kind.clone(),
                n: n as i64,
                counterpart: c.counterpart.as_deref().and_then(|id| id.parse().ok()),
                date: c.date.clone(),
                sources: c.sources.iter().map(|s| s.doc.clone()).collect(),
            })
            .collect();
        (spans, flows)
    }))
    .unwrap_or_default()
}

fn project_all(groups: &Groups) -> (Vec<Span>, Vec<FlowChange>) {
    let (mut spans, mut flows) = (Vec::new(), Vec::new());
    for ((person, org), events) in groups {
        let (s, f) = project(*person, *org, events);
        spans.extend(s);
        flows.extend(f);
    }
    (spans, flows)
}

fn json(docs: &[String]) -> String {
    serde_json::to_string(docs).expect("strings serialize")
}

pub(crate) fn parse_sources(s: &str) -> Vec<String> {
    serde_json::from_str(s).unwrap_or_default()
}

fn insert(conn: &Connection, spans: &[Span], flows: &[FlowChange]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO roster_spans (org_id, person_id, from_day, to_day, role, status, since, leave_until, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for s in spans {
        stmt.execute(params![s.org, s.person, s.from_day, s.to_day, s.role, s.status, s.since, s.leave_until, json(&s.sources)])?;
    }
    let mut stmt = conn.prepare_cached("INSERT INTO flow_changes (person_id, org_id, kind, n, counterpart_id, date, sources) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    for f in flows {
        stmt.execute(params![f.person, f.org, f.kind, f.n, f.counterpart, f.date, json(&f.sources)])?;
    }
    Ok(())
}

/// Marked persons are replayed this many at a time (memory stays bounded on
/// a full rebuild).
const CHUNK: usize = 2_000;

/// Past this many flows to resize, all sizes are counted again in one pass
/// over the moves (a full rebuild), rather than one lookup per flow.
const RESIZE_ALL: usize = 50_000;

/// Replays what is marked and clears the marks, on `conn` inside the
/// caller's transaction.
fn refresh(conn: &Connection) -> Result<()> {
    let marked = |kind: &str| -> Result<Vec<i64>> {
        let mut stmt = conn.prepare("SELECT entity_id FROM tenure_dirty WHERE kind = ?1 ORDER BY entity_id")?;
        let rows = stmt.query_map([kind], |r| r.get(0))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    };
    // The flows whose size the new moves may change.
    let mut resized: BTreeSet<(i64, i64)> = BTreeSet::new();
    // Every pair of a marked person: its rows go, its events are replayed.
    let marked_in = "(SELECT entity_id FROM tenure_dirty WHERE kind = 'person' AND entity_id BETWEEN ?1 AND ?2)";
    for chunk in marked("person")?.chunks(CHUNK) {
        let (lo, hi) = (chunk[0], chunk[chunk.len() - 1]);
        conn.execute(&format!("DELETE FROM roster_spans WHERE person_id IN {marked_in}"), params![lo, hi])?;
        conn.execute(&format!("DELETE FROM flow_changes WHERE person_id IN {marked_in}"), params![lo, hi])?;
        forget_moves(conn, &format!("person_id IN {marked_in}"), params![lo, hi], &mut resized)?;
        let groups = load_groups(conn, &format!("WHERE ev.person_id IN (SELECT m.id FROM entities m WHERE m.canonical_id IN {marked_in})"), &[&lo, &hi])?;
        let (spans, flows) = project_all(&groups);
        insert(conn, &spans, &flows)?;
        insert_moves(conn, &moves_of(conn, &flows)?, &mut resized)?;
    }
    // Every pair at a marked organization (some replayed again: the same
    // rows), and the moves of everyone who was or is there, or who moved
    // from or to it (a merged organization's moves now name another).
    let mut movers: BTreeSet<i64> = BTreeSet::new();
    for org in marked("org")? {
        let mut stmt = conn.prepare_cached(
            "SELECT person_id FROM flow_changes WHERE org_id = ?1 UNION SELECT person_id FROM flow_moves WHERE from_id = ?1 UNION SELECT person_id FROM flow_moves WHERE to_id = ?1",
        )?;
        for person in stmt.query_map([org], |r| r.get(0))? {
            movers.insert(person?);
        }
        conn.execute("DELETE FROM roster_spans WHERE org_id = ?1", [org])?;
        conn.execute("DELETE FROM flow_changes WHERE org_id = ?1", [org])?;
        let groups = load_groups(conn, "WHERE ev.person_id IS NOT NULL AND ev.org_id IN (SELECT m.id FROM entities m WHERE m.canonical_id = ?1)", &[&org])?;
        movers.extend(groups.keys().map(|(person, _)| *person));
        let (spans, flows) = project_all(&groups);
        insert(conn, &spans, &flows)?;
    }
    remake_moves(conn, &movers.into_iter().collect::<Vec<i64>>(), &mut resized)?;
    resize(conn, &resized)?;
    conn.execute("DELETE FROM tenure_dirty", [])?;
    Ok(())
}

/// The moves of these persons made again from their stored changes.
fn remake_moves(conn: &Connection, persons: &[i64], resized: &mut BTreeSet<(i64, i64)>) -> Result<()> {
    for chunk in persons.chunks(CHUNK) {
        let people = json_ids(chunk);
        forget_moves(conn, "person_id IN (SELECT value FROM json_each(?1))", params![people], resized)?;
        let flows = stored_flow_changes(conn, "WHERE person_id IN (SELECT value FROM json_each(?1))", params![people])?;
        insert_moves(conn, &moves_of(conn, &flows)?, resized)?;
    }
    Ok(())
}

/// Fills `flow_moves` and `flow_pairs` from the stored changes (a
/// database of version 5, whose projection is otherwise up to date).
pub(crate) fn fill_moves(conn: &Connection) -> Result<()> {
    let persons: Vec<i64> = conn.prepare("SELECT DISTINCT person_id FROM flow_changes ORDER BY person_id")?.query_map([], |r| r.get(0))?.collect::<std::result::Result<_, _>>()?;
    let mut resized = BTreeSet::new();
    remake_moves(conn, &persons, &mut resized)?;
    resize(conn, &resized)
}

fn json_ids(ids: &[i64]) -> String {
    serde_json::to_string(ids).expect("integers serialize")
}

/// Deletes the moves `clause` selects, noting the flows they were part of.
fn forget_moves(conn: &Connection, clause: &str, args: impl rusqlite::Params, resized: &mut BTreeSet<(i64, i64)>) -> Result<()> {
    let mut stmt = conn.prepare_cached(&format!("DELETE FROM flow_moves WHERE {clause} RETURNING from_id, to_id"))?;
    for pair in stmt.query_map(args, |r| Ok((r.get(0)?, r.get(1)?)))? {
        resized.insert(pair?);
    }
    Ok(())
}

fn insert_moves(conn: &Connection, moves: &[MoveRow], resized: &mut BTreeSet<(i64, i64)>) -> Result<()> {
    let mut stmt = conn.prepare_cached("INSERT INTO flow_moves (from_id, to_id, person_id, n, date) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for m in moves {
        stmt.execute(params![m.from, m.to, m.person, m.n, m.date])?;
        resized.insert((m.from, m.to));
    }
    Ok(())
}

/// Counts again the people of these flows, in `flow_pairs`.
fn resize(conn: &Connection, flows: &BTreeSet<(i64, i64)>) -> Result<()> {
    if flows.len() > RESIZE_ALL {
        conn.execute_batch(
            "DELETE FROM flow_pairs;
             INSERT INTO flow_pairs (from_id, to_id, people) SELECT from_id, to_id, count(DISTINCT person_id) FROM flow_moves GROUP BY from_id, to_id;",
        )?;
        return Ok(());
    }
    let mut count = conn.prepare_cached("SELECT count(DISTINCT person_id) FROM flow_moves WHERE from_id = ?1 AND to_id = ?2")?;
    let mut set = conn.prepare_cached("INSERT OR REPLACE INTO flow_pairs (from_id, to_id, people) VALUES (?1, ?2, ?3)")?;
    let mut unset = conn.prepare_cached("DELETE FROM flow_pairs WHERE from_id = ?1 AND to_id = ?2")?;
    for &(from, to) in flows {
        match count.query_row([from, to], |r| r.get::<_, i64>(0))? {
            0 => unset.execute([from, to])?,
            people => set.execute([from, to, people])?,
        };
    }
    Ok(())
}

/// Rows of `flow_changes`.
fn stored_flow_changes(conn: &Connection, clause: &str, args: impl rusqlite::Params) -> Result<Vec<FlowChange>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT person_id, org_id, kind, n, counterpart_id, date, sources FROM flow_changes {clause}"))?;
    let rows = stmt.query_map(args, |r| {
        Ok(FlowChange { person: r.get(0)?, org: r.get(1)?, kind: r.get(2)?, n: r.get(3)?, counterpart: r.get(4)?, date: r.get(5)?, sources: parse_sources(&r.get::<_, String>(6)?) })
    })?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// What `tenure check` finds wrong with the stored projection: rows missing
/// or extra against a replay of the whole log, as (table, row described).
pub(crate) fn compare(conn: &Connection) -> Result<Vec<String>> {
    let groups = load_groups(conn, "WHERE ev.person_id IS NOT NULL", &[])?;
    let (mut spans, mut flows) = project_all(&groups);
    spans.sort();
    flows.sort();
    let mut stored_spans: Vec<Span> = conn
        .prepare("SELECT org_id, person_id, from_day, to_day, role, status, since, leave_until, sources FROM roster_spans")?
        .query_map([], |r| {
            let status: String = r.get(5)?;
            Ok(Span {
                org: r.get(0)?,
                person: r.get(1)?,
                from_day: r.get(2)?,
                to_day: r.get(3)?,
                role: r.get(4)?,
                status: if status == "on_leave" { "on_leave" } else if status == "active" { "active" } else { "?" },
                since: r.get(6)?,
                leave_until: r.get(7)?,
                sources: parse_sources(&r.get::<_, String>(8)?),
            })
        })?
        .collect::<std::result::Result<_, _>>()?;
    let mut stored_flows = stored_flow_changes(conn, "", [])?;
    let mut moves = moves_of(conn, &flows)?;
    let mut stored_moves: Vec<MoveRow> = conn
        .prepare("SELECT from_id, to_id, person_id, n, date FROM flow_moves")?
        .query_map([], |r| Ok(MoveRow { from: r.get(0)?, to: r.get(1)?, person: r.get(2)?, n: r.get(3)?, date: r.get(4)? }))?
        .collect::<std::result::Result<_, _>>()?;
    moves.sort();
    stored_spans.sort();
    stored_flows.sort();
    stored_moves.sort();
    let mut sizes: BTreeMap<(i64, i64), BTreeSet<i64>> = BTreeMap::new();
    for m in &moves {
        sizes.entry((m.from, m.to)).or_default().insert(m.person);
    }
    let sizes: Vec<(i64, i64, i64)> = sizes.into_iter().map(|((from, to), people)| (from, to, people.len() as i64)).collect();
    let stored_sizes: Vec<(i64, i64, i64)> =
        conn.prepare("SELECT from_id, to_id, people FROM flow_pairs ORDER BY from_id, to_id")?.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<std::result::Result<_, _>>()?;
    let mut out = Vec::new();
    diff(&spans, &stored_spans, "roster span", &mut out);
    diff(&flows, &stored_flows, "flow change", &mut out);
    diff(&moves, &stored_moves, "flow move", &mut out);
    diff(&sizes, &stored_sizes, "flow size", &mut out);
    Ok(out)
}

/// Items of sorted `expected` and `stored` that the other lacks.
fn diff<T: Ord + std::fmt::Debug>(expected: &[T], stored: &[T], what: &str, out: &mut Vec<String>) {
    let (mut i, mut j) = (0, 0);
    while i < expected.len() || j < stored.len() {
        match (expected.get(i), stored.get(j)) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(a), b) if b.is_none_or(|b| a < b) => {
                out.push(format!("{what} missing: {a:?}"));
                i += 1;
            }
            (_, Some(b)) => {
                out.push(format!("{what} stale: {b:?}"));
                j += 1;
            }
            _ => unreachable!(),
        }
    }
}

impl Store {
    /// Brings the stored projection up to date with the log and the
    /// entities (resolving new names first); does nothing when nothing is
    /// marked. See the module documentation.
    pub fn ensure_tenures(&self) -> Result<()> {
        self.ensure_resolved()?;
        if !self.tenures_pending()? {
            return Ok(());
        }
        // IMMEDIATE, as resolution: wait for another writer rather than fail.
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
        refresh(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether some entity is marked for replay.
    pub fn tenures_pending(&self) -> Result<bool> {
        Ok(self.conn.query_row("SELECT 1 FROM tenure_dirty LIMIT 1", [], |_| Ok(())).optional()?.is_some())
    }

    /// Replays the whole log into the stored projection.
    pub fn rebuild_tenures(&self) -> Result<()> {
        self.ensure_resolved()?;
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch("DELETE FROM roster_spans; DELETE FROM flow_changes; DELETE FROM flow_moves; DELETE FROM flow_pairs;")?;
        mark_all(&tx)?;
        refresh(&tx)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolution::EntityKind;
    use crate::store::DocumentRecord;
    use crate::{EventFilter, FlowFilter};
    use tenure_extract::{Event, EventType, Evidence, PartialDate, Status};

    const PERSONS: [&str; 12] =
        ["Paul R. Girard", "Girard", "Paul Girard", "Claire Martin", "Jean Dupont", "Anna Berg", "Marc Lefebvre", "Léa Moreau", "Sophie Bernard", "Tom Wu", "Nina Roy", "Omar Haddad"];
    const ORGS: [&str; 10] = ["Facebook", "Meta Platforms", "Contoso", "Contoso Ltd", "Fabrikam", "Northwind", "Northwind Traders", "Tailspin Toys", "Alphabet", "Google"];
    const ROLES: [Option<&str>; 6] = [None, Some("ceo"), Some("cto"), Some("cfo"), Some("chair"), Some("vp")];

    /// xorshift: reproducible without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
        fn pick<T: Copy>(&mut self, items: &[T]) -> T {
            items[self.below(items.len())]
        }
        fn date(&mut self) -> String {
            let y = 2018 + self.below(7);
            match self.below(4) {
                0 => format!("{y}"),
                1 => format!("{y}-{:02}", 1 + self.below(12)),
                _ => format!("{y}-{:02}-{:02}", 1 + self.below(12), 1 + self.below(28)),
            }
        }
    }

    fn event(rng: &mut Rng, text: &str) -> Event {
        let kind = rng.pick(&[EventType::Start, EventType::Start, EventType::End, EventType::End, EventType::Absence, EventType::Return, EventType::Held, EventType::Held, EventType::Dissolution]);
        let status = rng.pick(&[Status::Actual, Status::Actual, Status::Actual, Status::Actual, Status::Planned, Status::Speculative, Status::Denied]);
        let manner = match kind {
            EventType::End => rng.pick(&[None, Some("resigned"), Some("removed"), Some("unspecified")]),
            EventType::Held => rng.pick(&[Some("current"), Some("past"), None]),
            EventType::Return => rng.pick(&[Some("reinstated"), Some("returned")]),
            _ => None,
        };
        let until = match kind {
            EventType::Absence | EventType::Held if rng.below(2) == 0 => Some(rng.date()),
            _ => None,
        };
        Event {
            doc: String::new(),
            kind,
            person: (rng.below(20) > 0).then(|| rng.pick(&PERSONS).to_string()),
            org: rng.pick(&ORGS).to_string(),
            unit: None,
            role: rng.pick(&ROLES).map(str::to_string),
            role_text: None,
            date: (rng.below(6) > 0).then(|| rng.date()),
            until,
            counterpart: (rng.below(3) == 0).then(|| rng.pick(&ORGS).to_string()),
            manner: manner.map(str::to_string),
            status,
            evidence: Evidence { start: 0, end: text.len(), text: text.to_string() },
            confidence: 0.9,
            published_inferred: None,
        }
    }

    /// A text of its own words: no two are near-duplicates.
    fn text(rng: &mut Rng) -> String {
        (0..30).map(|_| format!("w{:x}", rng.next() % 1_000_000)).collect::<Vec<_>>().join(" ")
    }

    fn ingest_random(store: &mut Store, rng: &mut Rng, prefix: &str, docs: usize) {
        for i in 0..docs {
            let text = text(rng);
            let events: Vec<Event> = (0..1 + rng.below(4)).map(|_| event(rng, &text)).collect();
            let published = (rng.below(8) > 0).then(|| format!("{}-{:02}-{:02}", 2018 + rng.below(7), 1 + rng.below(12), 1 + rng.below(28)));
            let doc = DocumentRecord { doc_id: format!("{prefix}{i}"), text, published, ..DocumentRecord::default() };
            store.ingest(&doc, &events).unwrap();
        }
    }

    fn at_dates() -> Vec<PartialDate> {
        let mut out: Vec<PartialDate> = ["2017", "2019", "2021-06", "2023-02", "2026"].iter().filter_map(|d| PartialDate::parse(d)).collect();
        for y in 2017..=2025 {
            for m in 1..=12 {
                for d in [1, 14, 28] {
                    out.push(PartialDate::parse(&format!("{y}-{m:02}-{d:02}")).unwrap());
                }
            }
        }
        out
    }

    /// The stored projection answers every roster and flow as the replay
    /// of the log does, and `check` finds it clean.
    fn same_answers(store: &Store, step: &str) {
        let orgs: Vec<String> = store.entities(Some(EntityKind::Org), None).unwrap().into_iter().map(|e| e.name).collect();
        assert!(orgs.len() > 3, "{step}: {orgs:?}");
        let mut members = 0;
        for org in &orgs {
            for at in at_dates() {
                let (stored, replayed) = (store.roster(org, at).unwrap(), store.roster_replayed(org, at).unwrap());
                members += stored.members.len();
                assert_eq!(stored.json(), replayed.json(), "{step}: roster {org} --at {at}");
            }
        }
        assert!(members > 0, "{step}: some rosters have members");
        let mut filters = vec![FlowFilter::default(), FlowFilter { since: Some("2020-03".into()), until: Some("2023".into()), ..FlowFilter::default() }];
        // The largest flows, read down the stored sizes.
        filters.extend([1, 2, 5].map(|n| FlowFilter { limit: Some(n), ..FlowFilter::default() }));
        for org in &orgs {
            filters.push(FlowFilter { from: Some(org.clone()), ..FlowFilter::default() });
            filters.push(FlowFilter { to: Some(org.clone()), ..FlowFilter::default() });
            filters.push(FlowFilter { from: Some(org.clone()), to: Some(orgs[0].clone()), since: Some("2019".into()), ..FlowFilter::default() });
        }
        let mut moves = 0;
        for f in &filters {
            let (stored, replayed) = (store.flows(f).unwrap(), store.flows_replayed(f).unwrap());
            moves += stored.len();
            assert_eq!(stored.json(), replayed.json(), "{step}: flows {f:?}");
        }
        assert!(moves > 0, "{step}: some flows");
        let report = store.check().unwrap();
        assert!(report.is_clean(), "{step}: {:?}", report.findings);
    }

    /// Serialized, to compare answers that do not implement `PartialEq`.
    trait AsJson {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> AsJson for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).unwrap()
        }
    }

    #[test]
    fn the_stored_projection_answers_as_the_replay_through_ingests_and_corrections() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        ingest_random(&mut store, &mut rng, "a", 250);
        same_answers(&store, "first ingest");
        store.merge(EntityKind::Org, "Contoso", "Fabrikam").unwrap();
        same_answers(&store, "merge of two organizations");
        store.split(EntityKind::Person, "Girard").unwrap();
        same_answers(&store, "split of a person");
        store.merge(EntityKind::Person, "Tom Wu", "Nina Roy").unwrap();
        same_answers(&store, "merge of two persons");
        store.add_aliases("Tailspin Toys\tNorthwind Traders\n").unwrap();
        same_answers(&store, "an alias");
        // Documents updated (other text, other events), new names, more documents.
        let mut rng2 = Rng(0x1234_5678_9abc_def1);
        ingest_random(&mut store, &mut rng2, "a", 40);
        let mut batch = store.batch(crate::BatchLimits::default());
        for i in 0..60 {
            let text = text(&mut rng2);
            let mut events: Vec<Event> = (0..2).map(|_| event(&mut rng2, &text)).collect();
            if i % 5 == 0 {
                events[0].person = Some("Claire Martin-Durand".into());
                events[1].org = "Meta".into();
            }
            let doc = DocumentRecord { doc_id: format!("b{i}"), text, published: Some("2024-05-02".into()), ..DocumentRecord::default() };
            batch.ingest(&doc, &events).unwrap();
        }
        batch.finish().unwrap();
        same_answers(&store, "updates and a second ingest");
        store.split(EntityKind::Org, "Fabrikam").unwrap();
        same_answers(&store, "the organizations split again");
    }

    #[test]
    fn check_finds_a_stored_tenure_that_the_log_does_not_give() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        ingest_random(&mut store, &mut Rng(42), "a", 60);
        store.ensure_tenures().unwrap();
        assert!(store.check().unwrap().is_clean());
        store.conn.execute("UPDATE roster_spans SET role = 'ceo' WHERE person_id = (SELECT min(person_id) FROM roster_spans WHERE role IS NOT 'ceo') AND role IS NOT 'ceo'", []).unwrap();
        store.conn.execute("DELETE FROM flow_changes WHERE person_id = (SELECT min(person_id) FROM flow_changes)", []).unwrap();
        let report = store.check().unwrap();
        let stale: Vec<&crate::Finding> = report.findings.iter().filter(|f| f.check == "stale_tenures").collect();
        assert_eq!(stale.len(), 1, "{:?}", report.findings);
        assert!(stale[0].message.contains("stored tenure rows differ from a replay of the log"), "{}", stale[0].message);
        assert!(stale[0].message.contains("roster span stale") && stale[0].message.contains("flow change missing"), "{}", stale[0].message);
        store.rebuild_tenures().unwrap();
        assert!(store.check().unwrap().is_clean());
    }

    #[test]
    fn a_database_of_version_3_gets_its_projection_on_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        ingest_random(&mut store, &mut Rng(7), "a", 80);
        store.resolve().unwrap();
        store
            .conn
            .execute_batch(
                "DROP INDEX events_sort_date; DROP TRIGGER events_redated; ALTER TABLE events DROP COLUMN sort_date;
                 DROP TABLE tenure_dirty; DROP TABLE roster_spans; DROP TABLE flow_changes; DROP TABLE flow_moves; DROP TABLE flow_pairs;
                 DROP TRIGGER IF EXISTS tenure_event_added; DROP TRIGGER tenure_event_removed; DROP TRIGGER tenure_event_changed;
                 DROP TRIGGER tenure_document_dated; DROP TRIGGER tenure_document_removed; DROP TRIGGER tenure_resolved;
                 PRAGMA user_version = 3;",
            )
            .unwrap();
        let triggers: i64 = store.conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'", [], |r| r.get(0)).unwrap();
        assert_eq!(triggers, 0);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert!(store.tenures_pending().unwrap(), "everything is marked");
        same_answers(&store, "migrated");
        assert!(!store.tenures_pending().unwrap());
    }

    #[test]
    fn a_database_of_version_5_gets_its_moves_from_the_stored_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut store = Store::open(&path).unwrap();
        ingest_random(&mut store, &mut Rng(11), "a", 60);
        let flows = store.flows(&FlowFilter::default()).unwrap();
        assert!(!flows.is_empty());
        store.conn.execute_batch("DROP TABLE flow_moves; DROP TABLE flow_pairs; PRAGMA user_version = 5;").unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert!(!store.tenures_pending().unwrap(), "nothing to replay: the moves come from the stored changes");
        assert!(store.check().unwrap().is_clean());
        assert_eq!(store.flows(&FlowFilter::default()).unwrap().json(), flows.json());
        same_answers(&store, "migrated from version 5");
    }

    #[test]
    fn check_finds_a_flow_size_that_the_moves_do_not_give() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        ingest_random(&mut store, &mut Rng(5), "a", 40);
        store.ensure_tenures().unwrap();
        assert!(store.check().unwrap().is_clean());
        let changed = store.conn.execute("UPDATE flow_pairs SET people = people + 1 WHERE (from_id, to_id) = (SELECT from_id, to_id FROM flow_pairs LIMIT 1)", []).unwrap();
        assert_eq!(changed, 1);
        let findings = store.check().unwrap().findings;
        assert!(findings.iter().any(|f| f.check == "stale_tenures" && f.message.contains("flow size")), "{findings:?}");
    }

    #[test]
    fn the_event_feed_is_limited_to_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("kb.db")).unwrap();
        ingest_random(&mut store, &mut Rng(3), "a", 50);
        let all = store.events(&EventFilter::default()).unwrap();
        let some = store.events(&EventFilter { limit: Some(7), ..EventFilter::default() }).unwrap();
        assert_eq!(some, all[..7]);
        let since = EventFilter { since: Some("2021".into()), ..EventFilter::default() };
        let all_since = store.events(&since).unwrap();
        assert!(all_since.len() > 7 && all_since.len() < all.len(), "{}", all_since.len());
        assert_eq!(store.events(&EventFilter { limit: Some(7), ..since }).unwrap(), all_since[..7]);
        let kind = EventFilter { kind: Some("start".into()), ..EventFilter::default() };
        let starts = store.events(&kind).unwrap();
        assert_eq!(store.events(&EventFilter { limit: Some(3), ..kind }).unwrap(), starts[..3]);
        let flows = store.flows(&FlowFilter::default()).unwrap();
        let first = store.flows(&FlowFilter { limit: Some(2), ..FlowFilter::default() }).unwrap();
        assert_eq!(first.json(), flows[..2].to_vec().json());
    }
}
