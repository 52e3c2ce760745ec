//! Questions to the knowledge base: an organization's roster on a date, a
//! person's career, talent flows, and the event feed.
//!
//! Queries load the events they need with parameterized SQL, then answer from
//! the [`projection`](crate::projection) of those events.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{params, params_from_iter};
use serde::Serialize;
use tenure_extract::PartialDate;

use crate::projection::{self, replay, Change, Tenure, TenureStatus};
use crate::resolution::{person_key, EntityKind};
use crate::store::Store;
use crate::tenures;
use crate::{KbError, Result};

/// An event as stored, with its document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StoredEvent {
    pub doc: String,
    #[serde(skip)]
    pub seq: i64,
    pub published: Option<String>,
    #[serde(rename = "type")]
    pub kind: String,
    pub person: Option<String>,
    pub org: String,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub role_text: Option<String>,
    pub date: Option<String>,
    pub until: Option<String>,
    pub counterpart: Option<String>,
    pub manner: Option<String>,
    pub status: String,
    pub evidence: String,
    pub evidence_start: i64,
    pub evidence_end: i64,
    pub confidence: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct RosterMember {
    pub person: String,
    pub role: Option<String>,
    pub status: &'static str,
    pub since: Option<String>,
    pub until: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Roster {
    pub org: String,
    pub at: String,
    pub members: Vec<RosterMember>,
}

#[derive(Clone, Debug, Serialize)]
pub struct TenureRow {
    pub org: String,
    pub role: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub status: &'static str,
    pub end_cause: Option<String>,
    /// Documents that report it.
    pub sources: Vec<String>,
}

impl From<Tenure> for TenureRow {
    fn from(t: Tenure) -> TenureRow {
        TenureRow { org: t.org, role: t.role, start: t.start, end: t.end, status: t.status.as_str(), end_cause: t.end_cause, sources: t.sources }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Career {
    pub person: String,
    pub tenures: Vec<TenureRow>,
    /// The resolved changes, each with its sources; `preferred: false` for
    /// contradicted or superseded ones, with the reason.
    pub changes: Vec<Change>,
    pub events: Vec<StoredEvent>,
}

/// What a stored document says of itself, for citations.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DocumentInfo {
    pub url: Option<String>,
    pub lang: Option<String>,
    pub title: Option<String>,
}

/// The whole resolved timeline, for exports.
#[derive(Clone, Debug, Serialize)]
pub struct Timeline {
    pub tenures: Vec<Tenure>,
    pub changes: Vec<Change>,
    pub flows: Vec<Flow>,
    #[serde(skip)]
    pub documents: BTreeMap<String, DocumentInfo>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub count: usize,
    pub people: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct FlowFilter {
    pub from: Option<String>,
    pub to: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    /// At most this many flows, the largest first (all when `None`).
    pub limit: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    pub org: Option<String>,
    pub person: Option<String>,
    pub kind: Option<String>,
    pub since: Option<String>,
    /// At most this many events, the newest (all when `None`).
    pub limit: Option<usize>,
}

const SELECT_EVENTS: &str = "
SELECT d.doc_id, ev.seq, d.published, ev.type, p.name, o.name, ev.unit, ev.role, ev.role_text, ev.date, ev.until,
       c.name, ev.manner, ev.status, ev.evidence_text, ev.evidence_start, ev.evidence_end, ev.confidence
FROM events ev
JOIN documents d ON d.id = ev.document_id
JOIN entities o0 ON o0.id = ev.org_id
JOIN entities o ON o.id = coalesce(o0.canonical_id, o0.id)
LEFT JOIN entities p0 ON p0.id = ev.person_id
LEFT JOIN entities p ON p.id = coalesce(p0.canonical_id, p0.id)
LEFT JOIN entities c0 ON c0.id = ev.counterpart_id
LEFT JOIN entities c ON c.id = coalesce(c0.canonical_id, c0.id)";

/// The stored names of the entity bound to `?n`, as a subquery: a filter on
/// `ev.org_id`, `ev.person_id` or `ev.counterpart_id IN` it reads the events
/// through their index, where one on the resolved `o.id` would scan them all.
/// [`Store::load`] resolves first, so every name has its `canonical_id`.
fn names_of(n: usize) -> String {
    format!("(SELECT m.id FROM entities m WHERE m.canonical_id = ?{n})")
}

pub fn parse_date(s: &str) -> Result<PartialDate> {
    PartialDate::parse(s).ok_or_else(|| KbError::BadDate(s.to_string()))
}

impl Store {
    /// Events with their entities resolved: `p`, `o` and `c` in `clause` are
    /// the person, organization and counterpart entities.
    pub(crate) fn load(&self, clause: &str, args: Vec<rusqlite::types::Value>) -> Result<Vec<StoredEvent>> {
        self.load_sorted(clause, args, false, None, false)
    }

    /// [`Store::load`] in time order, or the newest first; at most `limit`
    /// (then `clause` names `ev` and `d` only). `by_date`: read the events
    /// in the order of the date index, for a clause that keeps most of them
    /// (for a small LIMIT, SQLite's planner would rather sort the whole log).
    fn load_sorted(&self, clause: &str, args: Vec<rusqlite::types::Value>, newest_first: bool, limit: Option<usize>, by_date: bool) -> Result<Vec<StoredEvent>> {
        self.ensure_resolved()?;
        // (date, document, place in it) is unique: the newest first is exactly
        // the reverse. `sort_date` is `coalesce(ev.date, d.published)`, stored
        // and indexed: the newest N are read from the index, not sorted from
        // the whole log.
        let order = if newest_first { "ev.sort_date DESC, d.doc_id DESC, ev.seq DESC" } else { "coalesce(ev.date, d.published), d.doc_id, ev.seq" };
        let sql = match limit {
            // The first `n` chosen from the events and their documents alone,
            // then named: naming every event of the day of the newest (all of
            // them are read to sort that day) cost more than the choice.
            // `clause` may then name `ev` and `d` only.
            Some(n) => format!(
                "{SELECT_EVENTS} JOIN (SELECT ev.id AS first_id FROM events ev {index} JOIN documents d ON d.id = ev.document_id {clause} ORDER BY {order} LIMIT {n}) first ON first.first_id = ev.id ORDER BY {order}",
                index = if by_date { "INDEXED BY events_sort_date" } else { "" }
            ),
            None => format!("{SELECT_EVENTS} {clause} ORDER BY {order}"),
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(StoredEvent {
                doc: r.get(0)?,
                seq: r.get(1)?,
                published: r.get(2)?,
                kind: r.get(3)?,
                person: r.get(4)?,
                org: r.get(5)?,
                unit: r.get(6)?,
                role: r.get(7)?,
                role_text: r.get(8)?,
                date: r.get(9)?,
                until: r.get(10)?,
                counterpart: r.get(11)?,
                manner: r.get(12)?,
                status: r.get(13)?,
                evidence: r.get(14)?,
                evidence_start: r.get(15)?,
                evidence_end: r.get(16)?,
                confidence: r.get(17)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    pub(crate) fn require(&self, kind: EntityKind, name: &str) -> Result<(i64, String)> {
        if let Some(found) = self.find_entity(kind, name)? {
            return Ok(found);
        }
        // A surname alone, when it names one person only.
        if kind == EntityKind::Person {
            let k = person_key(name);
            let mut stmt = self.conn.prepare(
                "SELECT DISTINCT c.id, c.name FROM entities e JOIN entities c ON c.id = coalesce(e.canonical_id, e.id)
                 WHERE e.kind = 'person' AND (e.key LIKE '% ' || ?1)",
            )?;
            let hits: Vec<(i64, String)> = stmt.query_map([&k], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<std::result::Result<_, _>>()?;
            if hits.len() == 1 {
                return Ok(hits.into_iter().next().unwrap());
            }
        }
        Err(KbError::NotFound { kind: kind.as_str(), name: name.to_string() })
    }

    /// Who holds a position at `org` on `at`, from the resolved timeline
    /// (its stored projection, brought up to date first: see [`crate::tenures`]).
    pub fn roster(&self, org: &str, at: PartialDate) -> Result<Roster> {
        let (org_id, org_name) = self.require(EntityKind::Org, org)?;
        self.ensure_tenures()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.name, s.role, s.status, s.since, s.leave_until, s.sources FROM roster_spans s JOIN entities p ON p.id = s.person_id
             WHERE s.org_id = ?1 AND s.from_day <= ?2 AND s.to_day > ?2",
        )?;
        let rows = stmt.query_map(params![org_id, at.ordinal_end()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, String>(2)?, r.get::<_, Option<String>>(3)?, r.get::<_, Option<String>>(4)?, r.get::<_, String>(5)?))
        })?;
        let mut members = Vec::new();
        for row in rows {
            let (person, role, status, since, until, sources) = row?;
            // The one part of the replay that reads the date's first day.
            let over = status == "on_leave" && projection::leave_is_over(until.as_deref(), at);
            let status = if status == "on_leave" && !over { TenureStatus::OnLeave } else { TenureStatus::Active };
            let until = if over { None } else { until };
            members.push(RosterMember { person, role, status: status.as_str(), since, until, sources: tenures::parse_sources(&sources) });
        }
        members.sort_by(|a, b| rank(&b.role).cmp(&rank(&a.role)).then(a.person.cmp(&b.person)));
        Ok(Roster { org: org_name, at: at.to_string(), members })
    }

    /// [`Store::roster`] replayed from the event log instead of read from the
    /// stored projection: the reference its answers are tested against.
    pub fn roster_replayed(&self, org: &str, at: PartialDate) -> Result<Roster> {
        let (org_id, org_name) = self.require(EntityKind::Org, org)?;
        let events = self.load(&format!("WHERE ev.org_id IN {} AND ev.person_id IS NOT NULL", names_of(1)), vec![org_id.into()])?;
        let mut members: Vec<RosterMember> = Vec::new();
        for (_, group) in by_person(&events) {
            let Some(t) = replay(&group, Some(at)).pop() else { continue };
            if t.status == TenureStatus::Ended {
                continue;
            }
            members.push(RosterMember {
                person: t.person,
                role: t.role,
                status: t.status.as_str(),
                since: t.start,
                until: t.leave_until,
                sources: t.sources,
            });
        }
        members.sort_by(|a, b| rank(&b.role).cmp(&rank(&a.role)).then(a.person.cmp(&b.person)));
        Ok(Roster { org: org_name, at: at.to_string(), members })
    }

    /// A person's tenures, the changes behind them (contradicted and
    /// superseded ones included, with the reason), and the raw events.
    pub fn career(&self, name: &str) -> Result<Career> {
        let (person_id, person) = self.require(EntityKind::Person, name)?;
        let events = self.load(&format!("WHERE ev.person_id IN {}", names_of(1)), vec![person_id.into()])?;
        let mut by_org: BTreeMap<String, Vec<&StoredEvent>> = BTreeMap::new();
        for e in &events {
            by_org.entry(e.org.clone()).or_default().push(e);
        }
        let mut tenures: Vec<Tenure> = by_org.values().flat_map(|g| replay(g, None)).collect();
        // In time order: by start, else by end (a tenure known only by its end).
        let key = |t: &Tenure| (t.start.clone().or(t.end.clone()).is_none(), t.start.clone().or(t.end.clone()), t.start.is_some(), t.org.clone());
        tenures.sort_by_key(key);
        let mut changes: Vec<Change> = by_org.values().flat_map(|g| projection::changes(g)).collect();
        sort_changes(&mut changes);
        Ok(Career { person, tenures: tenures.into_iter().map(TenureRow::from).collect(), changes, events })
    }

    /// Every resolved change of every person, in time order.
    pub fn all_changes(&self) -> Result<Vec<Change>> {
        let events = self.load("WHERE ev.person_id IS NOT NULL", vec![])?;
        let mut changes: Vec<Change> = by_person_org(&events).values().flat_map(|g| projection::changes(g)).collect();
        sort_changes(&mut changes);
        Ok(changes)
    }

    /// The whole timeline: every tenure and every change, and the flows.
    pub fn timeline(&self) -> Result<Timeline> {
        let events = self.load("WHERE ev.person_id IS NOT NULL", vec![])?;
        let groups = by_person_org(&events);
        let mut tenures: Vec<Tenure> = groups.values().flat_map(|g| replay(g, None)).collect();
        tenures.sort_by(|a, b| (&a.person, &a.start, &a.org, &a.end).cmp(&(&b.person, &b.start, &b.org, &b.end)));
        let mut changes: Vec<Change> = groups.values().flat_map(|g| projection::changes(g)).collect();
        sort_changes(&mut changes);
        let flows = flows_of(&changes, &FlowFilter::default(), None, None)?;
        let documents = self.document_info()?;
        Ok(Timeline { tenures, changes, flows, documents })
    }

    /// Id → (URL, language) of every stored document, for citing sources.
    fn document_info(&self) -> Result<BTreeMap<String, DocumentInfo>> {
        let mut stmt = self.conn.prepare("SELECT doc_id, url, lang, title FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, DocumentInfo { url: r.get(1)?, lang: r.get(2)?, title: r.get(3)? })))?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }

    /// People who left one organization for another, from the resolved
    /// changes: stated moves ("leaves A for B"), and an end at A with a start
    /// at B at the same time reported in the same article. The moves are
    /// read from the stored projection (brought up to date first: see
    /// [`crate::tenures`]): without a filter, the largest flows from their
    /// stored sizes; with `from` or `to`, that organization's moves; with
    /// `since` or `until`, every move is read and its date tested.
    pub fn flows(&self, filter: &FlowFilter) -> Result<Vec<Flow>> {
        let from = filter.from.as_deref().map(|o| self.require(EntityKind::Org, o)).transpose()?.map(|(id, _)| id);
        let to = filter.to.as_deref().map(|o| self.require(EntityKind::Org, o)).transpose()?.map(|(id, _)| id);
        let window = Window::of(filter)?;
        self.ensure_tenures()?;
        // One read transaction for the moves and the names (not one per name).
        let read = self.conn.unchecked_transaction()?;
        let moves = if window.is_open() && from.is_none() && to.is_none() {
            self.largest_flows(filter.limit)?
        } else {
            let (clause, args): (&str, Vec<i64>) = match (from, to) {
                (Some(f), Some(t)) => ("WHERE from_id = ?1 AND to_id = ?2", vec![f, t]),
                (Some(f), None) => ("WHERE from_id = ?1", vec![f]),
                (None, Some(t)) => ("WHERE to_id = ?1", vec![t]),
                (None, None) => ("", vec![]),
            };
            let mut stmt = self.conn.prepare_cached(&format!("SELECT from_id, to_id, person_id, date FROM flow_moves {clause}"))?;
            let mut rows = stmt.query(params_from_iter(args))?;
            let mut moves = Vec::new();
            while let Some(r) = rows.next()? {
                if window.holds(r.get::<_, Option<String>>(3)?.as_deref()) {
                    moves.push((r.get(0)?, r.get(1)?, r.get(2)?));
                }
            }
            group_moves(moves.into_iter())
        };
        // Only the flows answered are named: the largest `limit`, and those
        // tied with the last of them (ties are ordered by name). Naming every
        // person of every flow took seconds on a million events.
        let mut answered: Vec<((i64, i64), Vec<i64>)> = moves.into_iter().collect();
        if let Some(limit) = filter.limit.filter(|&l| l < answered.len()) {
            answered.sort_by_key(|(_, people)| std::cmp::Reverse(people.len()));
            let last = limit.checked_sub(1).map_or(usize::MAX, |l| answered[l].1.len());
            answered.retain(|(_, people)| people.len() >= last);
        }
        let ids: Vec<i64> = answered.iter().flat_map(|((a, b), people)| [*a, *b].into_iter().chain(people.iter().copied())).collect();
        let names = self.names_by_id(&ids)?;
        read.commit()?;
        let name = |id: &i64| names.get(id).cloned().unwrap_or_default();
        let named = answered.iter().map(|((a, b), people)| (name(a), name(b), people.iter().map(name).collect()));
        let mut flows = sorted_flows(named);
        flows.truncate(filter.limit.unwrap_or(usize::MAX));
        Ok(flows)
    }

    /// The `limit` largest flows (all without a limit) and those tied with
    /// the last of them, with their people: read down the stored flow sizes,
    /// so that a million events need not be read for the thousand largest.
    fn largest_flows(&self, limit: Option<usize>) -> Result<HashMap<(i64, i64), Vec<i64>>> {
        let mut sizes = self.conn.prepare_cached("SELECT from_id, to_id, people FROM flow_pairs ORDER BY people DESC")?;
        let mut rows = sizes.query([])?;
        let mut pairs: Vec<(i64, i64)> = Vec::new();
        let mut last = None;
        while let Some(r) = rows.next()? {
            let people: i64 = r.get(2)?;
            if limit.is_some_and(|l| pairs.len() >= l) && last != Some(people) {
                break;
            }
            last = Some(people);
            pairs.push((r.get(0)?, r.get(1)?));
        }
        let mut people = self.conn.prepare_cached("SELECT DISTINCT person_id FROM flow_moves WHERE from_id = ?1 AND to_id = ?2 ORDER BY person_id")?;
        let mut flows = HashMap::with_capacity(pairs.len());
        for (from, to) in pairs {
            let who = people.query_map([from, to], |r| r.get(0))?.collect::<std::result::Result<Vec<i64>, _>>()?;
            flows.insert((from, to), who);
        }
        Ok(flows)
    }

    /// The stored names of these entity ids, in one statement.
    fn names_by_id(&self, ids: &[i64]) -> Result<HashMap<i64, String>> {
        column_by_id(&self.conn, "name", ids)
    }

    /// [`Store::flows`] replayed from the event log instead of read from the
    /// stored projection: the reference its answers are tested against.
    pub fn flows_replayed(&self, filter: &FlowFilter) -> Result<Vec<Flow>> {
        let from = filter.from.as_deref().map(|o| self.require(EntityKind::Org, o)).transpose()?.map(|(_, n)| n);
        let to = filter.to.as_deref().map(|o| self.require(EntityKind::Org, o)).transpose()?.map(|(_, n)| n);
        // A flow from or to an organization is a move of someone with an
        // event there (at it, or naming it as the counterpart): only their
        // events are read, all of them, since a move pairs an end with a
        // start elsewhere.
        let at = [&filter.from, &filter.to].into_iter().flatten().next().map(|o| self.require(EntityKind::Org, o)).transpose()?;
        let events = match at {
            Some((org_id, _)) => {
                let people = format!(
                    "SELECT pe.canonical_id FROM events e2 JOIN entities pe ON pe.id = e2.person_id WHERE e2.org_id IN {0} OR e2.counterpart_id IN {0}",
                    names_of(1)
                );
                let clause = format!("WHERE ev.person_id IN (SELECT m.id FROM entities m WHERE m.canonical_id IN ({people})) AND ev.type IN ('start', 'end')");
                self.load(&clause, vec![org_id.into()])?
            }
            None => self.load("WHERE ev.person_id IS NOT NULL AND ev.type IN ('start', 'end')", vec![])?,
        };
        let changes: Vec<Change> = by_person_org(&events).values().flat_map(|g| projection::changes(g)).collect();
        let mut flows = flows_of(&changes, filter, from.as_deref(), to.as_deref())?;
        flows.truncate(filter.limit.unwrap_or(usize::MAX));
        Ok(flows)
    }

    /// The event feed, newest first.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut clauses = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(o) = &filter.org {
            let (id, _) = self.require(EntityKind::Org, o)?;
            args.push(id.into());
            clauses.push(format!("(ev.org_id IN {0} OR ev.counterpart_id IN {0})", names_of(args.len())));
        }
        if let Some(p) = &filter.person {
            let (id, _) = self.require(EntityKind::Person, p)?;
            args.push(id.into());
            clauses.push(format!("ev.person_id IN {}", names_of(args.len())));
        }
        if let Some(t) = &filter.kind {
            args.push(t.clone().into());
            clauses.push(format!("ev.type = ?{}", args.len()));
        }
        if let Some(s) = &filter.since {
            parse_date(s)?;
            args.push(s.clone().into());
            clauses.push(format!("ev.sort_date >= ?{}", args.len()));
        }
        let clause = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
        // An organization or a person keeps few events: read through their index.
        let by_date = filter.org.is_none() && filter.person.is_none();
        self.load_sorted(&clause, args, true, filter.limit, by_date)
    }
}

fn rank(role: &Option<String>) -> u8 {
    role.as_deref().map_or(0, tenure_extract::event::seniority)
}

fn by_person(events: &[StoredEvent]) -> BTreeMap<String, Vec<&StoredEvent>> {
    let mut out: BTreeMap<String, Vec<&StoredEvent>> = BTreeMap::new();
    for e in events {
        if let Some(p) = &e.person {
            out.entry(p.clone()).or_default().push(e);
        }
    }
    out
}

fn by_person_org(events: &[StoredEvent]) -> BTreeMap<(String, String), Vec<&StoredEvent>> {
    let mut out: BTreeMap<(String, String), Vec<&StoredEvent>> = BTreeMap::new();
    for e in events {
        if let Some(p) = &e.person {
            out.entry((p.clone(), e.org.clone())).or_default().push(e);
        }
    }
    out
}

fn sort_changes(changes: &mut [Change]) {
    changes.sort_by(|a, b| {
        (&a.person, &a.date, &a.org, &a.kind, &a.role, a.sources.first().map(|s| &s.doc)).cmp(&(&b.person, &b.date, &b.org, &b.kind, &b.role, b.sources.first().map(|s| &s.doc)))
    });
}

/// Flows among the changes the timeline uses; `from` and `to` are entity names.
fn flows_of(changes: &[Change], filter: &FlowFilter, from: Option<&str>, to: Option<&str>) -> Result<Vec<Flow>> {
    let used: Vec<Move<&str>> = changes
        .iter()
        .filter(|c| c.in_timeline() && matches!(c.kind.as_str(), "start" | "end"))
        .map(|c| Move {
            person: c.person.as_str(),
            org: c.org.as_str(),
            start: c.kind == "start",
            counterpart: c.counterpart.as_deref(),
            date: c.date.as_deref(),
            docs: c.sources.iter().map(|s| s.doc.as_str()).collect(),
        })
        .collect();
    let moves = pair_moves(&used, filter, from.as_ref(), to.as_ref())?;
    Ok(sorted_flows(moves.into_iter().map(|((a, b), people)| (a.to_string(), b.to_string(), people.into_iter().map(str::to_string).collect()))))
}

/// A start or an end that the timeline uses, for pairing into moves; `K`
/// names an entity (its name, or its id: one entity, one name).
pub(crate) struct Move<'a, K> {
    pub person: K,
    pub org: K,
    /// A start, else an end.
    pub start: bool,
    pub counterpart: Option<K>,
    pub date: Option<&'a str>,
    pub docs: Vec<&'a str>,
}

/// One person's move from one organization to another, dated as the change
/// that tells it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct PersonMove<'a, K> {
    pub from: K,
    pub to: K,
    pub person: K,
    pub date: Option<&'a str>,
}

/// Who moved from where to where: stated moves, and an end with a start
/// elsewhere at the same time in an article that reports both. A move may
/// come more than once (the end and the start that state it).
pub(crate) fn person_moves<'a, K: Ord + Clone + std::hash::Hash>(used: &[Move<'a, K>]) -> Vec<PersonMove<'a, K>> {
    let mut moves = Vec::new();
    let mut add = |from: &K, to: &K, person: &K, date: Option<&'a str>| {
        if from != to {
            moves.push(PersonMove { from: from.clone(), to: to.clone(), person: person.clone(), date });
        }
    };
    // The starts of each person without a stated origin, for the end at the
    // same time (a scan of every change per end is quadratic in the whole KB).
    let mut starts: HashMap<&K, Vec<&Move<K>>> = HashMap::new();
    for s in used.iter().filter(|s| s.start && s.counterpart.is_none()) {
        starts.entry(&s.person).or_default().push(s);
    }
    for c in used {
        match (c.start, &c.counterpart) {
            (false, Some(o)) => add(&c.org, o, &c.person, c.date),
            (true, Some(o)) => add(o, &c.org, &c.person, c.date),
            (false, None) => {
                // A start elsewhere at the same time, in an article that reports both.
                for s in starts.get(&c.person).into_iter().flatten().filter(|s| s.org != c.org) {
                    let shared = s.docs.iter().any(|x| c.docs.contains(x));
                    let same_time = match (c.date.and_then(PartialDate::parse), s.date.and_then(PartialDate::parse)) {
                        (Some(a), Some(b)) => a.compatible(&b),
                        _ => false,
                    };
                    if shared && same_time {
                        add(&c.org, &s.org, &c.person, c.date);
                    }
                }
            }
            (true, None) => {}
        }
    }
    moves
}

/// The `since` and `until` of a flow filter, parsed.
struct Window {
    since: Option<PartialDate>,
    until: Option<PartialDate>,
}

impl Window {
    fn of(filter: &FlowFilter) -> Result<Window> {
        Ok(Window { since: filter.since.as_deref().map(parse_date).transpose()?, until: filter.until.as_deref().map(parse_date).transpose()? })
    }

    fn is_open(&self) -> bool {
        self.since.is_none() && self.until.is_none()
    }

    /// Whether a move of this date may fall in the window (an undated one
    /// does not, unless the window is open).
    fn holds(&self, date: Option<&str>) -> bool {
        if self.is_open() {
            return true;
        }
        let d = date.and_then(PartialDate::parse);
        self.since.is_none_or(|s| d.is_some_and(|d| d.ordinal_end() >= s.ordinal_start())) && self.until.is_none_or(|u| d.is_some_and(|d| d.ordinal_start() <= u.ordinal_end()))
    }
}

/// The moves grouped by (from, to), each person once, that pass the filter.
fn pair_moves<K: Ord + Clone + std::hash::Hash>(used: &[Move<K>], filter: &FlowFilter, from: Option<&K>, to: Option<&K>) -> Result<HashMap<(K, K), Vec<K>>> {
    let window = Window::of(filter)?;
    let moves = person_moves(used).into_iter().filter(|m| from.is_none_or(|f| *f == m.from) && to.is_none_or(|t| *t == m.to) && window.holds(m.date));
    Ok(group_moves(moves.map(|m| (m.from, m.to, m.person))))
}

/// (from, to, person) grouped by (from, to), each person once.
fn group_moves<K: Ord + Clone + std::hash::Hash>(moves: impl Iterator<Item = (K, K, K)>) -> HashMap<(K, K), Vec<K>> {
    let mut grouped: HashMap<(K, K), Vec<K>> = HashMap::new();
    for (from, to, person) in moves {
        grouped.entry((from, to)).or_default().push(person);
    }
    // Deduplicated once here (a search at each push was quadratic in a large flow).
    for people in grouped.values_mut() {
        people.sort();
        people.dedup();
    }
    grouped
}

/// `column` (an expression over `entities`, written here) of the rows of
/// these ids, read in one statement rather than one per id.
pub(crate) fn column_by_id<T: rusqlite::types::FromSql>(conn: &rusqlite::Connection, column: &str, ids: &[i64]) -> Result<HashMap<i64, T>> {
    let ids = serde_json::to_string(ids).expect("integers serialize");
    let mut stmt = conn.prepare_cached(&format!("SELECT id, {column} FROM entities WHERE id IN (SELECT value FROM json_each(?1))"))?;
    let rows = stmt.query_map([ids], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<std::result::Result<_, _>>()?)
}

/// Flows from (from, to, people) named, the largest first.
fn sorted_flows(moves: impl Iterator<Item = (String, String, Vec<String>)>) -> Vec<Flow> {
    let mut flows: Vec<Flow> = moves
        .map(|(from, to, mut people)| {
            people.sort();
            Flow { from, to, count: people.len(), people }
        })
        .collect();
    flows.sort_by(|a, b| b.count.cmp(&a.count).then(a.from.cmp(&b.from)).then(a.to.cmp(&b.to)));
    flows
}
