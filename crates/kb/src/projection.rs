//! The resolved timeline, replayed from the event log.
//!
//! The log keeps every report. Several articles report one change in their
//! own words, languages and date precision; some announce it before it
//! happens; some disagree. The projection first gathers the reports of one
//! person at one organization into changes ([`changes`]): reports of the same
//! type, compatible roles and compatible dates (one refines the other, or the
//! same month) are one change, with all their sources and the most precise
//! date. Then:
//!
//! - a planned or speculative change is superseded by an actual one that a
//!   report of the same time or later gives (it then only adds a source);
//! - two actual changes that cannot both be true (the same start or end at
//!   incompatible dates with nothing in between) are both kept: one is `preferred`, for a stated
//!   `reason` (more sources, a more precise date, a later report);
//! - the preferred actual changes are replayed in time order into tenures
//!   ([`replay`]): a start opens one, an end closes it, an absence puts it on
//!   leave until its announced end or a return, a reinstatement reopens a
//!   tenure its removal closed. Held facts fill in what no change reports.
//!
//! Every step sorts by content (dates, document ids), never by storage order,
//! so the same articles give the same timeline in any ingestion order.

use std::cmp::Reverse;

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
    /// How the tenure ended (the end's manner: resigned, removed, …).
    pub end_cause: Option<String>,
    /// Documents that report this tenure.
    pub sources: Vec<String>,
}

/// One report of a change.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub doc: String,
    /// The event's place in its document.
    #[serde(skip)]
    pub seq: i64,
    pub published: Option<String>,
    /// What this report said: `actual`, `planned` or `speculative`.
    pub status: String,
    pub date: Option<String>,
    pub role: Option<String>,
    pub evidence: String,
}

/// A change as the reports add up to it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub person: String,
    pub org: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub role: Option<String>,
    pub date: Option<String>,
    pub until: Option<String>,
    pub counterpart: Option<String>,
    pub manner: Option<String>,
    /// `actual` when any report says it happened, else `planned` or `speculative`.
    pub status: String,
    /// Whether the timeline uses this change: false for a contradicted,
    /// superseded or not (yet) actual one.
    pub preferred: bool,
    /// Why it is preferred over a contradicting change, or why not used.
    pub reason: Option<String>,
    /// One per report, in document order.
    pub sources: Vec<Source>,
}

impl Change {
    /// Distinct documents that report it.
    pub fn source_count(&self) -> usize {
        let mut docs: Vec<&str> = self.sources.iter().map(|s| s.doc.as_str()).collect();
        docs.sort();
        docs.dedup();
        docs.len()
    }

    fn latest_report(&self) -> Option<&str> {
        self.sources.iter().filter_map(|s| s.published.as_deref()).max()
    }

    fn when(&self) -> Option<PartialDate> {
        self.date.as_deref().and_then(PartialDate::parse)
    }

    /// Whether the timeline replays it.
    pub fn in_timeline(&self) -> bool {
        self.preferred && self.status == "actual"
    }
}

fn date(s: Option<&str>) -> Option<PartialDate> {
    s.and_then(PartialDate::parse)
}

/// One refines the other, or both fall in the same month.
fn same_time(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.compatible(&b) || (a.month.is_some() && a.year == b.year && a.month == b.month),
        _ => true,
    }
}

fn roles_agree(a: Option<&str>, b: Option<&str>) -> bool {
    a.is_none() || b.is_none() || a == b
}

fn status_rank(s: &str) -> u8 {
    match s {
        "actual" => 0,
        "planned" => 1,
        _ => 2,
    }
}

/// Gathers the reports of one person at one organization into changes
/// (held facts and denied reports are no changes).
pub fn changes(events: &[&StoredEvent]) -> Vec<Change> {
    let mut reports: Vec<&StoredEvent> = events.iter().copied().filter(|e| e.kind != "held" && e.status != "denied").collect();
    // Actual before announced, precise before vague, an explicit date before
    // one that only repeats the publication day, then by content.
    reports.sort_by_key(|e| {
        let d = date(e.date.as_deref());
        (
            e.kind.clone(),
            status_rank(&e.status),
            Reverse(d.map_or(0, |d| d.precision())),
            e.date.is_some() && e.date == e.published,
            d.map(|d| d.ordinal_start()),
            e.doc.clone(),
            e.seq,
        )
    });
    let mut out: Vec<Change> = Vec::new();
    for e in reports {
        let d = date(e.date.as_deref());
        let source = Source { doc: e.doc.clone(), seq: e.seq, published: e.published.clone(), status: e.status.clone(), date: e.date.clone(), role: e.role.clone(), evidence: e.evidence.clone() };
        let found = out.iter_mut().find(|c| c.kind == e.kind && roles_agree(c.role.as_deref(), e.role.as_deref()) && same_time(c.when(), d));
        match found {
            Some(c) => {
                if c.date.is_none() {
                    c.date = e.date.clone();
                }
                c.role = match (c.role.take(), e.role.clone()) {
                    (Some(a), Some(b)) => Some(if seniority(&b) > seniority(&a) { b } else { a }),
                    (a, b) => a.or(b),
                };
                c.until = c.until.take().or(e.until.clone());
                c.counterpart = c.counterpart.take().or(e.counterpart.clone());
                if c.manner.as_deref().is_none_or(|m| m == "unspecified") && e.status == c.status {
                    c.manner = e.manner.clone().or(c.manner.take());
                }
                c.sources.push(source);
            }
            None => out.push(Change {
                person: e.person.clone().unwrap_or_default(),
                org: e.org.clone(),
                kind: e.kind.clone(),
                role: e.role.clone(),
                date: e.date.clone(),
                until: e.until.clone(),
                counterpart: e.counterpart.clone(),
                manner: e.manner.clone(),
                status: e.status.clone(),
                preferred: true,
                reason: None,
                sources: vec![source],
            }),
        }
    }
    for c in &mut out {
        c.sources.sort_by(|a, b| (&a.published, &a.doc, a.seq).cmp(&(&b.published, &b.doc, b.seq)));
    }
    out.sort_by(|a, b| (a.when().map(|d| d.ordinal_start()), &a.kind, a.latest_report(), &a.role).cmp(&(b.when().map(|d| d.ordinal_start()), &b.kind, b.latest_report(), &b.role)));
    supersede_announcements(&mut out);
    settle_contradictions(&mut out);
    out
}

/// A planned or speculative change is superseded by an actual change of the
/// same type and role reported at the same time or later.
fn supersede_announcements(changes: &mut [Change]) {
    for i in 0..changes.len() {
        if changes[i].status == "actual" {
            continue;
        }
        let announced = changes[i].latest_report().map(str::to_string);
        let later = changes.iter().filter(|c| c.status == "actual" && c.kind == changes[i].kind && roles_agree(c.role.as_deref(), changes[i].role.as_deref())).find(|c| c.latest_report().map(str::to_string) >= announced);
        let reason = match later {
            Some(c) => format!("superseded by the {} report of {}", c.kind, c.date.as_deref().unwrap_or("an undated change")),
            None => format!("{} only: no report says it happened", changes[i].status),
        };
        changes[i].preferred = false;
        changes[i].reason = Some(reason);
    }
}

/// Whether `b` contradicts `a`: both actual and preferred so far, the same
/// type and role, at incompatible dates with no opposite change in between
/// (two starts with no end between them cannot both be true).
fn contradicts(all: &[Change], a: &Change, b: &Change) -> bool {
    if a.kind != b.kind || !matches!(a.kind.as_str(), "start" | "end") || !a.in_timeline() || !b.in_timeline() {
        return false;
    }
    let (Some(da), Some(db)) = (a.when(), b.when()) else { return false };
    // Different roles at one time are two changes (a promotion, several
    // posts), not a disagreement: the extractor's roles are too noisy to tell.
    if same_time(Some(da), Some(db)) || !roles_agree(a.role.as_deref(), b.role.as_deref()) {
        return false;
    }
    let (lo, hi) = if da.ordinal_start() <= db.ordinal_start() { (da, db) } else { (db, da) };
    let opposite = if a.kind == "start" { "end" } else { "start" };
    !all.iter().any(|c| c.kind == opposite && c.in_timeline() && c.when().is_some_and(|d| d.ordinal_start() >= lo.ordinal_start() && d.ordinal_end() <= hi.ordinal_end()))
}

/// Keeps both sides of each contradiction; prefers the one with more
/// sources, then the more precise date, then the later report.
fn settle_contradictions(changes: &mut [Change]) {
    let key = |c: &Change| (c.source_count(), c.when().map_or(0, |d| d.precision()), c.latest_report().map(str::to_string));
    for i in 0..changes.len() {
        for j in 0..changes.len() {
            if i == j || !contradicts(changes, &changes[i], &changes[j]) {
                continue;
            }
            let (ki, kj) = (key(&changes[i]), key(&changes[j]));
            // Ties keep the earlier change in time order (i < j).
            let (win, lose) = if ki > kj || (ki == kj && i < j) { (i, j) } else { (j, i) };
            let (kw, kl) = (key(&changes[win]), key(&changes[lose]));
            let why = if kw.0 != kl.0 {
                format!("more sources ({} against {})", kw.0, kl.0)
            } else if kw.1 != kl.1 {
                "more precise date".to_string()
            } else if kw.2 != kl.2 {
                "later report".to_string()
            } else {
                "first in time order".to_string()
            };
            let describe = |c: &Change| format!("{} {}", c.role.as_deref().unwrap_or("(no role)"), c.date.as_deref().unwrap_or("(undated)"));
            let (w, l) = (describe(&changes[win]), describe(&changes[lose]));
            changes[win].reason = Some(format!("preferred over {l}: {why}"));
            changes[lose].preferred = false;
            changes[lose].reason = Some(format!("contradicted by {w}, preferred: {why}"));
        }
    }
}

/// Replays the events of one person at one organization (any order) up to `at`.
pub fn replay(events: &[&StoredEvent], at: Option<PartialDate>) -> Vec<Tenure> {
    let Some(first) = events.first() else { return Vec::new() };
    let (person, org) = (first.person.clone().unwrap_or_default(), first.org.clone());
    let changes = changes(events);
    let held: Vec<&StoredEvent> = events.iter().copied().filter(|e| e.kind == "held" && e.status == "actual").collect();
    replay_changes(&person, &org, &changes, &held, at)
}

/// When a change happened, for ordering: its date, else its first report's date.
fn when(c: &Change) -> Option<PartialDate> {
    c.when().or_else(|| c.sources.iter().find_map(|s| date(s.published.as_deref())))
}

/// Replays resolved changes (only those [`Change::in_timeline`]) and held facts up to `at`.
pub fn replay_changes(person: &str, org: &str, changes: &[Change], held: &[&StoredEvent], at: Option<PartialDate>) -> Vec<Tenure> {
    replay_cut(person, org, changes, held, at.map(|a| a.ordinal_end()), at.map(|a| a.ordinal_start()))
}

/// The last tenure of [`replay_changes`] for every date: `(from, to, tenure)`
/// where `tenure` is the last one replayed up to any date whose last day's
/// ordinal is in `from..to` (`i64::MIN` and `i64::MAX` at the ends), before
/// the one test that reads the date's first day (a leave whose announced end
/// has passed is over: the caller applies it, see [`leave_is_over`]).
///
/// The replay up to a date depends on the date only through which changes
/// and held facts it includes, each from its own day on, so it is the same
/// between two consecutive such days.
pub fn last_tenure_spans(person: &str, org: &str, changes: &[Change], held: &[&StoredEvent]) -> Vec<(i64, i64, Tenure)> {
    let mut days: Vec<i64> = changes
        .iter()
        .filter(|c| c.in_timeline())
        .filter_map(when)
        .chain(held.iter().filter_map(|e| date(e.date.as_deref()).or_else(|| date(e.published.as_deref()))))
        .map(|d| d.ordinal_start())
        .collect();
    days.sort_unstable();
    days.dedup();
    let froms = std::iter::once(i64::MIN).chain(days.iter().copied());
    let tos = days.iter().copied().chain(std::iter::once(i64::MAX));
    froms.zip(tos).filter_map(|(from, to)| replay_cut(person, org, changes, held, Some(from), None).pop().map(|t| (from, to, t))).collect()
}

/// Whether a leave announced to end on `until` is over on `at`, as
/// [`replay_changes`] decides it for the last tenure.
pub fn leave_is_over(until: Option<&str>, at: PartialDate) -> bool {
    date(until).is_some_and(|u| u.ordinal_end() < at.ordinal_start())
}

/// [`replay_changes`] up to the day ordinal `upto` (changes and held facts
/// from a day after it are left out), with a leave of the last tenure over
/// when its announced end is before the day ordinal `leave_over_by`.
fn replay_cut(person: &str, org: &str, changes: &[Change], held: &[&StoredEvent], upto_day: Option<i64>, leave_over_by: Option<i64>) -> Vec<Tenure> {
    let mut timeline: Vec<(&Change, PartialDate)> = changes.iter().filter(|c| c.in_timeline()).filter_map(|c| when(c).map(|w| (c, w))).collect();
    // Same date: in the order the first report tells them, a return last
    // (a reinstatement follows its removal).
    timeline.sort_by_key(|(c, w)| (w.ordinal_start(), c.kind == "return", c.sources.first().map(|s| (s.published.clone(), s.doc.clone(), s.seq))));
    let upto = |w: &PartialDate| upto_day.is_none_or(|day| w.ordinal_start() <= day);
    let docs = |c: &Change| c.sources.iter().map(|s| s.doc.clone()).collect::<Vec<_>>();
    let new = |start: Option<&String>, role: Option<&String>| Tenure {
        person: person.to_string(),
        org: org.to_string(),
        role: role.cloned(),
        start: start.cloned(),
        end: None,
        status: TenureStatus::Active,
        leave_until: None,
        end_cause: None,
        sources: Vec::new(),
    };
    let mut out: Vec<Tenure> = Vec::new();
    let mut cur: Option<Tenure> = None;
    for (c, _) in timeline.iter().filter(|(_, w)| upto(w)) {
        match c.kind.as_str() {
            "start" => match cur.as_mut() {
                Some(t) if t.role.is_none() || c.role.is_none() || t.role == c.role => {
                    t.role = t.role.take().or(c.role.clone());
                    t.start = t.start.take().or(c.date.clone());
                }
                _ => {
                    if let Some(mut t) = cur.take() {
                        t.end = c.date.clone();
                        t.status = TenureStatus::Ended;
                        out.push(t);
                    }
                    cur = Some(new(c.date.as_ref(), c.role.as_ref()));
                }
            },
            "end" => {
                let mut t = cur.take().unwrap_or_else(|| new(None, c.role.as_ref()));
                t.role = t.role.or(c.role.clone());
                t.end = c.date.clone();
                t.end_cause = c.manner.clone();
                t.status = TenureStatus::Ended;
                t.leave_until = None;
                t.sources.extend(docs(c));
                out.push(t);
                continue;
            }
            "absence" => {
                let t = cur.get_or_insert_with(|| new(None, c.role.as_ref()));
                t.status = TenureStatus::OnLeave;
                t.leave_until = c.until.clone();
            }
            "return" => match cur.as_mut() {
                Some(t) => {
                    t.status = TenureStatus::Active;
                    t.leave_until = None;
                }
                // A reinstatement ends the removal: the closed tenure goes on.
                None => match out.pop() {
                    Some(mut t) if roles_agree(t.role.as_deref(), c.role.as_deref()) => {
                        t.end = None;
                        t.end_cause = None;
                        t.status = TenureStatus::Active;
                        cur = Some(t);
                    }
                    other => {
                        out.extend(other);
                        cur = Some(new(c.date.as_ref(), c.role.as_ref()));
                    }
                },
            },
            _ => {}
        }
        if let Some(t) = cur.as_mut() {
            t.role = t.role.take().or(c.role.clone());
            t.sources.extend(docs(c));
        }
    }
    if let Some(mut t) = cur {
        // A leave whose announced end has passed.
        let over = date(t.leave_until.as_deref()).zip(leave_over_by).is_some_and(|(u, by)| u.ordinal_end() < by);
        if t.status == TenureStatus::OnLeave && over {
            t.status = TenureStatus::Active;
            t.leave_until = None;
        }
        out.push(t);
    }
    // A held fact is known from its date, else from its article's date.
    let visible: Vec<&&StoredEvent> = held.iter().filter(|e| date(e.date.as_deref()).or_else(|| date(e.published.as_deref())).is_none_or(|w| upto(&w))).collect();
    let held_role = || visible.iter().filter(|e| e.manner.as_deref() == Some("current")).filter_map(|e| e.role.clone()).max_by_key(|r| (seniority(r), r.clone()));
    // Before the first reported change, held facts tell whether the person
    // was already in post: yes when that change is not a start.
    let before_first_change = out.is_empty() && timeline.first().is_some_and(|(c, _)| c.kind != "start");
    if timeline.is_empty() || before_first_change {
        // Only held facts: a tenure no change reports.
        if visible.is_empty() {
            return Vec::new();
        }
        let current = before_first_change || visible.iter().any(|e| e.manner.as_deref() == Some("current"));
        let mut t = new(None, held_role().or_else(|| visible.iter().find_map(|e| e.role.clone())).as_ref());
        t.status = if current { TenureStatus::Active } else { TenureStatus::Ended };
        t.start = visible.iter().filter_map(|e| e.date.clone()).min();
        t.end = visible.iter().filter_map(|e| e.until.clone()).max();
        t.sources = visible.iter().map(|e| e.doc.clone()).collect();
        out.push(t);
    } else if let Some(first) = out.first_mut() {
        // "X has run the company since 2017": the start no change reports.
        if first.start.is_none() {
            let end = date(first.end.as_deref());
            if let Some(e) = visible.iter().filter(|e| date(e.date.as_deref()).is_some_and(|d| end.is_none_or(|end| d.ordinal_start() <= end.ordinal_start()))).min_by_key(|e| e.date.clone()) {
                first.start = e.date.clone();
                first.sources.push(e.doc.clone());
            }
        }
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

    fn report(doc: &str, published: &str, kind: &str, date: Option<&str>, role: Option<&str>, status: &str) -> StoredEvent {
        StoredEvent { doc: doc.into(), published: Some(published.into()), status: status.into(), ..ev(kind, date, None, role, 0) }
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

    #[test]
    fn reports_of_one_change_become_one_with_the_most_precise_date() {
        let events = [
            report("a", "2022-09-05", "start", Some("2022-09"), None, "actual"),
            report("b", "2022-09-02", "start", Some("2022-09-01"), Some("ceo"), "actual"),
            report("c", "2022-06-20", "start", Some("2022-09-01"), Some("ceo"), "planned"),
        ];
        let refs: Vec<&StoredEvent> = events.iter().collect();
        let cs = changes(&refs);
        assert_eq!(cs.len(), 1, "{cs:#?}");
        assert_eq!((cs[0].date.as_deref(), cs[0].role.as_deref(), cs[0].status.as_str(), cs[0].source_count()), (Some("2022-09-01"), Some("ceo"), "actual", 3));
        assert!(cs[0].preferred);
    }

    #[test]
    fn a_later_report_supersedes_an_announcement_at_another_date() {
        let events = [report("plan", "2025-01-10", "end", Some("2025-03"), Some("ceo"), "planned"), report("done", "2025-06-02", "end", Some("2025-05-30"), Some("ceo"), "actual")];
        let refs: Vec<&StoredEvent> = events.iter().collect();
        let cs = changes(&refs);
        let plan = cs.iter().find(|c| c.status == "planned").unwrap();
        assert!(!plan.preferred && plan.reason.as_deref().unwrap().contains("superseded"), "{plan:?}");
        let t = replay(&refs, None);
        assert_eq!(t[0].end.as_deref(), Some("2025-05-30"));
    }

    #[test]
    fn contradicting_reports_are_kept_and_one_preferred() {
        let events = [
            report("a", "2020-03-10", "start", Some("2020-03-02"), Some("cto"), "actual"),
            report("b", "2021-06-15", "start", Some("2021"), Some("cto"), "actual"),
        ];
        let refs: Vec<&StoredEvent> = events.iter().collect();
        let cs = changes(&refs);
        assert_eq!(cs.len(), 2);
        let (p, n): (Vec<&Change>, Vec<&Change>) = cs.iter().partition(|c| c.preferred);
        assert_eq!(p[0].date.as_deref(), Some("2020-03-02"));
        assert!(p[0].reason.as_deref().unwrap().contains("more precise date"), "{:?}", p[0].reason);
        assert!(n[0].reason.as_deref().unwrap().starts_with("contradicted"));
        // A second source for the vaguer date outweighs precision.
        let more = [events[0].clone(), events[1].clone(), report("c", "2021-07-01", "start", Some("2021"), Some("cto"), "actual")];
        let refs: Vec<&StoredEvent> = more.iter().collect();
        let preferred: Vec<Change> = changes(&refs).into_iter().filter(|c| c.preferred).collect();
        assert_eq!(preferred[0].date.as_deref(), Some("2021"));
        assert!(preferred[0].reason.as_deref().unwrap().contains("more sources (2 against 1)"));
        // A start, an end, and a start again is a return after a gap, not a contradiction.
        let rejoin = [events[0].clone(), report("d", "2020-12-01", "end", Some("2020-11"), None, "actual"), events[1].clone()];
        let refs: Vec<&StoredEvent> = rejoin.iter().collect();
        assert!(changes(&refs).iter().all(|c| c.preferred));
        assert_eq!(replay(&refs, None).len(), 2);
    }

    #[test]
    fn a_reinstatement_ends_the_removal() {
        let mut fired = report("a", "2023-05-10", "end", Some("2023-05-08"), Some("ceo"), "actual");
        fired.manner = Some("removed".into());
        let back = report("b", "2023-05-20", "return", Some("2023-05-19"), None, "actual");
        let mut since = report("a", "2023-05-10", "held", Some("2017"), Some("ceo"), "actual");
        since.manner = Some("past".into());
        let events = [fired, back, since];
        let refs: Vec<&StoredEvent> = events.iter().collect();
        let between = replay(&refs, PartialDate::parse("2023-05-12"));
        assert_eq!((between.len(), between[0].status, between[0].end_cause.as_deref()), (1, TenureStatus::Ended, Some("removed")));
        let after = replay(&refs, None);
        assert_eq!(after.len(), 1, "{after:?}");
        assert_eq!((after[0].status, after[0].start.as_deref(), after[0].end.as_deref()), (TenureStatus::Active, Some("2017"), None));
    }
}
