//! Tenures replayed from the event log.
//!
//! The log keeps every report; the projection reads the reports of one person
//! at one organization in time order and says what they add up to: when the
//! person started and ended, in which role, and whether they were on leave on
//! a given day. Held facts ("OpenAI's president, Greg Brockman") fill in a
//! tenure that no change event reports, and give roles to those that lack one.

use serde::Serialize;
use tenure_extract::{event::seniority, PartialDate};

use crate::query::StoredEvent;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TenureStatus {
    Active,
    OnLeave,
    Ended,
}

impl TenureStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TenureStatus::Active => "active",
            TenureStatus::OnLeave => "on_leave",
            TenureStatus::Ended => "ended",
        }
    }
}

/// One stretch of a person at an organization.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tenure {
    pub person: String,
    pub org: String,
    pub role: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub status: TenureStatus,
    /// While on leave: its announced end.
    pub leave_until: Option<String>,
    /// Documents that report this tenure.
    pub sources: Vec<String>,
}

/// When an event happened, for ordering: its date, else its article's date.
fn when(e: &StoredEvent) -> Option<PartialDate> {
    e.date.as_deref().and_then(PartialDate::parse).or_else(|| e.published.as_deref().and_then(PartialDate::parse))
}

fn is_change(e: &StoredEvent) -> bool {
    e.kind != "held" && e.status == "actual"
}

/// Replays the events of one person at one organization (any order) up to `at`.
pub fn replay(events: &[&StoredEvent], at: Option<PartialDate>) -> Vec<Tenure> {
    let Some(first) = events.first() else { return Vec::new() };
    let (person, org) = (first.person.clone().unwrap_or_default(), first.org.clone());
    let mut changes: Vec<(&StoredEvent, PartialDate)> = events.iter().filter(|e| is_change(e)).filter_map(|e| when(e).map(|w| (*e, w))).collect();
    changes.sort_by(|(a, wa), (b, wb)| {
        (wa.ordinal_start(), a.published.as_deref(), &a.doc, a.seq).cmp(&(wb.ordinal_start(), b.published.as_deref(), &b.doc, b.seq))
    });
    let upto = |w: &PartialDate| at.is_none_or(|at| w.ordinal_start() <= at.ordinal_end());
    let new = |start: Option<&String>, role: Option<&String>, status| Tenure {
        person: person.clone(),
        org: org.clone(),
        role: role.cloned(),
        start: start.cloned(),
        end: None,
        status,
        leave_until: None,
        sources: Vec::new(),
    };
    let mut out: Vec<Tenure> = Vec::new();
    let mut cur: Option<Tenure> = None;
    for (e, _) in changes.iter().filter(|(_, w)| upto(w)) {
        match e.kind.as_str() {
            "start" => match cur.as_mut() {
                Some(c) if c.status != TenureStatus::Ended && (c.role.is_none() || e.role.is_none() || c.role == e.role) => {
                    c.role = c.role.take().or(e.role.clone());
                    c.start = c.start.take().or(e.date.clone());
                }
                _ => {
                    if let Some(mut c) = cur.take() {
                        c.end = e.date.clone();
                        c.status = TenureStatus::Ended;
                        out.push(c);
                    }
                    cur = Some(new(e.date.as_ref(), e.role.as_ref(), TenureStatus::Active));
                }
            },
            "end" => {
                let mut c = cur.take().unwrap_or_else(|| new(None, e.role.as_ref(), TenureStatus::Active));
                c.role = c.role.or(e.role.clone());
                c.end = e.date.clone();
                c.status = TenureStatus::Ended;
                c.sources.push(e.doc.clone());
                out.push(c);
                continue;
            }
            "absence" => {
                let c = cur.get_or_insert_with(|| new(None, e.role.as_ref(), TenureStatus::Active));
                c.status = TenureStatus::OnLeave;
                c.leave_until = e.until.clone();
            }
            "return" => match cur.as_mut() {
                Some(c) => {
                    c.status = TenureStatus::Active;
                    c.leave_until = None;
                }
                None => cur = Some(new(e.date.as_ref(), e.role.as_ref(), TenureStatus::Active)),
            },
            _ => {}
        }
        if let Some(c) = cur.as_mut() {
            c.role = c.role.take().or(e.role.clone());
            c.sources.push(e.doc.clone());
        }
    }
    if let Some(mut c) = cur {
        // A leave whose announced end has passed.
        let over = c.leave_until.as_deref().and_then(PartialDate::parse).zip(at).is_some_and(|(u, at)| u.ordinal_end() < at.ordinal_start());
        if c.status == TenureStatus::OnLeave && over {
            c.status = TenureStatus::Active;
            c.leave_until = None;
        }
        out.push(c);
    }
    let held: Vec<&&StoredEvent> = events.iter().filter(|e| e.kind == "held" && e.status == "actual").collect();
    let held_role = || held.iter().filter(|e| e.manner.as_deref() == Some("current")).filter_map(|e| e.role.clone()).max_by_key(|r| seniority(r));
    if changes.is_empty() {
        // Only held facts: a tenure no change reports.
        let visible: Vec<&&&StoredEvent> = held.iter().filter(|e| at.is_none_or(|at| when(e).is_none_or(|w| w.ordinal_start() <= at.ordinal_end()))).collect();
        if visible.is_empty() {
            return Vec::new();
        }
        let current = visible.iter().any(|e| e.manner.as_deref() == Some("current"));
        let mut t = new(None, held_role().or_else(|| visible.iter().find_map(|e| e.role.clone())).as_ref(), if current { TenureStatus::Active } else { TenureStatus::Ended });
        t.start = visible.iter().find_map(|e| e.date.clone());
        t.end = visible.iter().find_map(|e| e.until.clone());
        t.sources = visible.iter().map(|e| e.doc.clone()).collect();
        out.push(t);
    }
    for t in &mut out {
        if t.role.is_none() {
            t.role = held_role();
        }
        t.sources.sort();
        t.sources.dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: &str, date: Option<&str>, until: Option<&str>, role: Option<&str>, seq: i64) -> StoredEvent {
        StoredEvent {
            doc: "d".into(),
            seq,
            published: Some("2024-08-06".into()),
            kind: kind.into(),
            person: Some("Greg Brockman".into()),
            org: "OpenAI".into(),
            role: role.map(Into::into),
            date: date.map(Into::into),
            until: until.map(Into::into),
            manner: Some(if kind == "held" { "current" } else { "unspecified" }.into()),
            status: "actual".into(),
            ..StoredEvent::default()
        }
    }

    #[test]
    fn leave_runs_until_its_announced_end() {
        let events = [ev("end", Some("2023"), None, None, 0), ev("return", Some("2023"), None, None, 1), ev("absence", Some("2024-08"), Some("2024-12-31"), Some("president"), 2)];
        let refs: Vec<&StoredEvent> = events.iter().collect();
        let during = replay(&refs, PartialDate::parse("2024-09-01"));
        assert_eq!(during.last().unwrap().status, TenureStatus::OnLeave);
        assert_eq!(during.last().unwrap().leave_until.as_deref(), Some("2024-12-31"));
        let after = replay(&refs, PartialDate::parse("2025-01-15"));
        assert_eq!(after.last().unwrap().status, TenureStatus::Active);
    }

    #[test]
    fn held_facts_only_fill_in() {
        let events = [ev("held", None, None, Some("president"), 0), ev("end", Some("2024-08"), None, None, 1)];
        let refs: Vec<&StoredEvent> = events.iter().collect();
        let t = replay(&refs, PartialDate::parse("2024-09-01"));
        assert_eq!(t.len(), 1);
        assert_eq!((t[0].status, t[0].role.as_deref(), t[0].end.as_deref()), (TenureStatus::Ended, Some("president"), Some("2024-08")));
        let only_held = replay(&refs[..1], None);
        assert_eq!(only_held[0].status, TenureStatus::Active);
    }
}
