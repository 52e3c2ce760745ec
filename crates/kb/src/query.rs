//! Questions to the knowledge base: an organization's roster on a date, a
//! person's career, talent flows, and the event feed.
//!
//! Queries load the events they need with parameterized SQL, then answer from
//! the [`projection`](crate::projection) of those events.

use std::collections::{BTreeMap, HashMap};

use rusqlite::params_from_iter;
use serde::Serialize;
use tenure_extract::PartialDate;

use crate::projection::{replay, Tenure, TenureStatus};
use crate::resolution::{person_key, EntityKind};
use crate::store::Store;
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
}

#[derive(Clone, Debug, Serialize)]
pub struct Career {
    pub person: String,
    pub tenures: Vec<TenureRow>,
    pub events: Vec<StoredEvent>,
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
}

#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    pub org: Option<String>,
    pub person: Option<String>,
    pub kind: Option<String>,
    pub since: Option<String>,
}

const SELECT_EVENTS: &str = "
SELECT d.doc_id, ev.seq, d.published, ev.type, p.name, o.name, ev.unit, ev.role, ev.role_text, ev.date, ev.until,
       c.name, ev.manner, ev.status, ev.evidence_text, ev.evidence_start, ev.evidence_end, ev.confidence
FROM events ev
JOIN documents d ON d.id = ev.document_id
JOIN entities o ON o.id = ev.org_id
LEFT JOIN entities p ON p.id = ev.person_id
LEFT JOIN entities c ON c.id = ev.counterpart_id";

pub fn parse_date(s: &str) -> Result<PartialDate> {
    PartialDate::parse(s).ok_or_else(|| KbError::BadDate(s.to_string()))
}

impl Store {
    pub(crate) fn load(&self, clause: &str, args: Vec<rusqlite::types::Value>) -> Result<Vec<StoredEvent>> {
        let sql = format!("{SELECT_EVENTS} {clause} ORDER BY coalesce(ev.date, d.published), d.doc_id, ev.seq");
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

    fn require(&self, kind: EntityKind, name: &str) -> Result<(i64, String)> {
        if let Some(found) = self.find_entity(kind, name)? {
            return Ok(found);
        }
        // A surname alone, when it names one person only.
        if kind == EntityKind::Person {
            let k = person_key(name);
            let mut stmt = self.conn.prepare("SELECT id, name FROM entities WHERE kind = 'person' AND (key LIKE '% ' || ?1)")?;
            let hits: Vec<(i64, String)> = stmt.query_map([&k], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<std::result::Result<_, _>>()?;
            if hits.len() == 1 {
                return Ok(hits.into_iter().next().unwrap());
            }
        }
        Err(KbError::NotFound { kind: kind.as_str(), name: name.to_string() })
    }

    /// Who holds a position at `org` on `at`.
    pub fn roster(&self, org: &str, at: PartialDate) -> Result<Roster> {
        let (org_id, org_name) = self.require(EntityKind::Org, org)?;
        let events = self.load("WHERE ev.org_id = ?1 AND ev.person_id IS NOT NULL", vec![org_id.into()])?;
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

    /// A person's tenures and the events that make them.
    pub fn career(&self, name: &str) -> Result<Career> {
        let (person_id, person) = self.require(EntityKind::Person, name)?;
        let events = self.load("WHERE ev.person_id = ?1", vec![person_id.into()])?;
        let mut by_org: BTreeMap<String, Vec<&StoredEvent>> = BTreeMap::new();
        for e in &events {
            by_org.entry(e.org.clone()).or_default().push(e);
        }
        let mut tenures: Vec<Tenure> = by_org.values().flat_map(|g| replay(g, None)).collect();
        tenures.sort_by(|a, b| (a.start.is_none(), &a.start, &a.end).cmp(&(b.start.is_none(), &b.start, &b.end)));
        let tenures = tenures
            .into_iter()
            .map(|t| TenureRow { org: t.org, role: t.role, start: t.start, end: t.end, status: t.status.as_str() })
            .collect();
        Ok(Career { person, tenures, events })
    }

    /// People who left one organization for another: stated moves ("leaves A
    /// for B"), and an end at A with a start at B reported in the same article.
    pub fn flows(&self, filter: &FlowFilter) -> Result<Vec<Flow>> {
        let since = filter.since.as_deref().map(parse_date).transpose()?;
        let until = filter.until.as_deref().map(parse_date).transpose()?;
        let from = filter.from.as_deref().map(|o| self.require(EntityKind::Org, o)).transpose()?.map(|(_, n)| n);
        let to = filter.to.as_deref().map(|o| self.require(EntityKind::Org, o)).transpose()?.map(|(_, n)| n);
        let events = self.load("WHERE ev.person_id IS NOT NULL AND ev.status = 'actual' AND ev.type IN ('start', 'end')", vec![])?;
        let mut moves: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
        let mut add = |a: &str, b: &str, person: &str, date: Option<&str>| {
            let d = date.and_then(PartialDate::parse);
            let in_window = since.is_none_or(|s| d.is_some_and(|d| d.ordinal_end() >= s.ordinal_start())) && until.is_none_or(|u| d.is_some_and(|d| d.ordinal_start() <= u.ordinal_end()));
            if a != b && in_window && from.as_deref().is_none_or(|f| f == a) && to.as_deref().is_none_or(|t| t == b) {
                let people = moves.entry((a.to_string(), b.to_string())).or_default();
                if !people.iter().any(|p| p == person) {
                    people.push(person.to_string());
                }
            }
        };
        let mut starts: HashMap<(&str, &str), Vec<&StoredEvent>> = HashMap::new();
        for e in &events {
            if e.kind == "start" {
                starts.entry((e.doc.as_str(), e.person.as_deref().unwrap_or(""))).or_default().push(e);
            }
        }
        for e in &events {
            let person = e.person.as_deref().unwrap_or("");
            match (e.kind.as_str(), &e.counterpart) {
                ("end", Some(c)) => add(&e.org, c, person, e.date.as_deref()),
                ("start", Some(c)) => add(c, &e.org, person, e.date.as_deref()),
                ("end", None) => {
                    for s in starts.get(&(e.doc.as_str(), person)).into_iter().flatten() {
                        let same_time = match (e.date.as_deref().and_then(PartialDate::parse), s.date.as_deref().and_then(PartialDate::parse)) {
                            (Some(a), Some(b)) => a.compatible(&b),
                            _ => false,
                        };
                        if same_time && s.counterpart.is_none() {
                            add(&e.org, &s.org, person, e.date.as_deref());
                        }
                    }
                }
                _ => {}
            }
        }
        let mut flows: Vec<Flow> = moves.into_iter().map(|((from, to), people)| Flow { from, to, count: people.len(), people }).collect();
        flows.sort_by(|a, b| b.count.cmp(&a.count).then(a.from.cmp(&b.from)).then(a.to.cmp(&b.to)));
        Ok(flows)
    }

    /// The event feed, newest first.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<StoredEvent>> {
        let mut clauses = Vec::new();
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(o) = &filter.org {
            let (id, _) = self.require(EntityKind::Org, o)?;
            args.push(id.into());
            clauses.push(format!("(ev.org_id = ?{0} OR ev.counterpart_id = ?{0})", args.len()));
        }
        if let Some(p) = &filter.person {
            let (id, _) = self.require(EntityKind::Person, p)?;
            args.push(id.into());
            clauses.push(format!("ev.person_id = ?{}", args.len()));
        }
        if let Some(t) = &filter.kind {
            args.push(t.clone().into());
            clauses.push(format!("ev.type = ?{}", args.len()));
        }
        if let Some(s) = &filter.since {
            parse_date(s)?;
            args.push(s.clone().into());
            clauses.push(format!("coalesce(ev.date, d.published) >= ?{}", args.len()));
        }
        let clause = if clauses.is_empty() { String::new() } else { format!("WHERE {}", clauses.join(" AND ")) };
        let mut events = self.load(&clause, args)?;
        events.reverse();
        Ok(events)
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
