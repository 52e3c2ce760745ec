//! `tenure roster | person | flows | events`: answers from the knowledge base.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use serde::Serialize;
use tenure_kb::{query::parse_date, Career, EventFilter, Flow, FlowFilter, Roster, StoredEvent, Store};

use crate::cli::QueryFormat;
use crate::output;

/// Opens an existing database; queries never create one.
pub fn open(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!("no database at {} (run `tenure ingest` first, or pass --db)", db.display());
    }
    Ok(Store::open(db)?)
}

pub fn print_json<T: Serialize>(value: &T) -> Result<i32> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(0)
}

pub fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(header.to_vec());
    t
}

fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    tenure_extract::PartialDate::day(1970, 1, 1).unwrap().add_days((secs / 86_400) as i64).to_string()
}

pub fn roster(db: &Path, org: &str, at: Option<&str>, format: QueryFormat) -> Result<i32> {
    let at = parse_date(at.unwrap_or(&today()))?;
    let roster = open(db)?.roster(org, at)?;
    match format {
        QueryFormat::Json => print_json(&roster),
        QueryFormat::Text => {
            print_roster(&roster);
            Ok(0)
        }
    }
}

pub fn print_roster(r: &Roster) {
    println!("{} on {}", r.org, r.at);
    let mut t = table(&["person", "role", "status", "since", "until", "sources"]);
    for m in &r.members {
        t.add_row([
            m.person.as_str(),
            m.role.as_deref().unwrap_or(""),
            m.status,
            m.since.as_deref().unwrap_or(""),
            m.until.as_deref().unwrap_or(""),
            &format!("{}: {}", m.sources.len(), m.sources.join(", ")),
        ]);
    }
    println!("{t}");
}

pub fn person(db: &Path, name: &str, format: QueryFormat) -> Result<i32> {
    let career = open(db)?.career(name)?;
    match format {
        QueryFormat::Json => print_json(&career),
        QueryFormat::Text => {
            print_career(&career);
            Ok(0)
        }
    }
}

pub fn print_career(c: &Career) {
    println!("{}", c.person);
    let mut t = table(&["organization", "role", "start", "end", "status", "sources"]);
    for r in &c.tenures {
        t.add_row([r.org.as_str(), r.role.as_deref().unwrap_or(""), r.start.as_deref().unwrap_or("?"), r.end.as_deref().unwrap_or(""), r.status, &r.sources.len().to_string()]);
    }
    println!("{t}");
    let disputed: Vec<_> = c.changes.iter().filter(|x| x.reason.is_some()).collect();
    if !disputed.is_empty() {
        let mut t = table(&["change", "organization", "role", "date", "used", "why", "sources"]);
        for x in disputed {
            let docs: Vec<&str> = x.sources.iter().map(|s| s.doc.as_str()).collect();
            t.add_row([x.kind.as_str(), x.org.as_str(), x.role.as_deref().unwrap_or(""), x.date.as_deref().unwrap_or(""), if x.preferred { "yes" } else { "no" }, x.reason.as_deref().unwrap_or(""), &docs.join(", ")]);
        }
        println!("{t}");
    }
}

/// `limit + 1` when there is a limit (0: none), to tell whether more were left out.
fn one_more(limit: usize) -> Option<usize> {
    (limit > 0).then(|| limit.saturating_add(1))
}

/// Keeps `limit` items (0: all), saying on stderr when some were left out.
fn truncate<T>(items: &mut Vec<T>, limit: usize, what: &str) {
    if limit > 0 && items.len() > limit {
        items.truncate(limit);
        output::note(&format!("showing the first {limit} {what}: --limit N for more, --limit 0 for all"));
    }
}

pub fn flows(db: &Path, mut filter: FlowFilter, limit: usize, format: QueryFormat) -> Result<i32> {
    filter.limit = one_more(limit);
    let mut flows = open(db)?.flows(&filter)?;
    truncate(&mut flows, limit, "flows");
    #[derive(Serialize)]
    struct Out<'a> {
        flows: &'a [Flow],
    }
    match format {
        QueryFormat::Json => print_json(&Out { flows: &flows }),
        QueryFormat::Text => {
            print_flows(&flows);
            Ok(0)
        }
    }
}

pub fn print_flows(flows: &[Flow]) {
    let mut t = table(&["from", "to", "count", "people"]);
    for f in flows {
        t.add_row([f.from.as_str(), f.to.as_str(), &f.count.to_string(), &f.people.join(", ")]);
    }
    println!("{t}");
}

pub fn events(db: &Path, mut filter: EventFilter, limit: usize, format: QueryFormat) -> Result<i32> {
    filter.limit = one_more(limit);
    if let Some(k) = &filter.kind {
        if tenure_extract::EventType::parse(k).is_none() {
            bail!("--type {k:?}: expected start, end, absence, return, dissolution or held");
        }
    }
    let mut events = open(db)?.events(&filter)?;
    truncate(&mut events, limit, "events");
    match format {
        QueryFormat::Json => print_json(&events),
        QueryFormat::Text => {
            print_events(&events);
            Ok(0)
        }
    }
}

fn print_events(events: &[StoredEvent]) {
    let mut t = table(&["date", "type", "person", "role", "org", "status", "source", "evidence"]);
    for e in events {
        let evidence: String = e.evidence.chars().take(80).collect();
        t.add_row([
            e.date.as_deref().unwrap_or(""),
            e.kind.as_str(),
            e.person.as_deref().unwrap_or("—"),
            e.role.as_deref().unwrap_or(""),
            e.org.as_str(),
            e.status.as_str(),
            e.doc.as_str(),
            &evidence,
        ]);
    }
    println!("{t}");
}
