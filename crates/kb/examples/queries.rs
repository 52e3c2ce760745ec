//! Query times on a knowledge base of a million events.
//!
//! The KB is generated through the store's public API (synthetic persons and
//! organizations, no extraction, so that it takes a minute rather than a day
//! of crawl), then the queries behind `roster`, `person`, `flows` and
//! `events` are timed on it. Run by `bench/queries`:
//!
//!   cargo run --release -p tenure-kb --example queries -- [DB] [EVENTS]
//!
//! Each person has a career of five positions at organizations drawn with a
//! skewed distribution (a few large organizations, a long tail), reported
//! two events a document: the end of one position and the start of the next,
//! each naming the other organization. An existing DB with the requested
//! number of events (within the 1% of near-duplicate articles) is reused.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use tenure_extract::{Event, EventType, Evidence, Status};
use tenure_extract::PartialDate;
use tenure_kb::{BatchLimits, DocumentRecord, EventFilter, FlowFilter, Store};

const ORGS: usize = 5_000;
const STEPS: usize = 5;
const SYLLABLES: [&str; 16] = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "dan", "ri", "no", "bel", "gar", "lin", "mar", "zu", "pe"];

/// A pronounceable word for `n`, unique per `n` (base-16 syllables).
fn word(mut n: usize) -> String {
    let mut w = String::new();
    loop {
        w.push_str(SYLLABLES[n % 16]);
        n /= 16;
        if n == 0 {
            break;
        }
    }
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

fn person(i: usize) -> String {
    format!("{} {}", word(i % 997 + 16), word(i / 997 + 16))
}

fn org(i: usize) -> String {
    format!("{} Industries", word(i + 256))
}

/// xorshift: reproducible without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unit(&mut self) -> f64 {
        (self.next() % 1_000_000) as f64 / 1_000_000.0
    }
    /// An organization: index 0 is the largest, then a long tail.
    fn org(&mut self) -> usize {
        ((ORGS as f64) * self.unit().powi(3)) as usize
    }
}

fn event(kind: EventType, person: &str, org: &str, counterpart: &str, date: &str, sentence: &str) -> Event {
    Event {
        doc: String::new(),
        kind,
        person: Some(person.to_string()),
        org: org.to_string(),
        unit: None,
        role: Some("vp".into()),
        role_text: Some("vice-président".into()),
        date: Some(date.to_string()),
        until: None,
        counterpart: Some(counterpart.to_string()),
        manner: None,
        status: Status::Actual,
        evidence: Evidence { start: 0, end: sentence.len(), text: sentence.to_string() },
        confidence: 0.9,
        published_inferred: None,
    }
}

fn generate(store: &mut Store, events: usize) -> Result<(), Box<dyn std::error::Error>> {
    let persons = events / (2 * STEPS);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let started = Instant::now();
    let mut batch = store.batch(BatchLimits { documents: 2_000, age: Duration::from_secs(5) });
    for p in 0..persons {
        let name = person(p);
        let mut at = rng.org();
        let mut year = 1985 + (rng.next() % 25) as usize;
        for step in 0..STEPS {
            let mut next = rng.org();
            while next == at {
                next = rng.org();
            }
            year += 1 + (rng.next() % 4) as usize;
            let date = format!("{year}-{:02}-{:02}", 1 + rng.next() % 12, 1 + rng.next() % 28);
            let (from, to) = (org(at), org(next));
            // Words of its own, so that no two articles are near-duplicates
            // (which the store would record as copies, not store).
            let words: Vec<String> = (0..12).map(|_| word(rng.next() as usize % 65_536)).collect();
            let text = format!("{name} quitte {from} pour rejoindre {to} comme vice-président, a annoncé le groupe le {date}. {}.", words.join(" "));
            let evs = [event(EventType::End, &name, &from, &to, &date, &text), event(EventType::Start, &name, &to, &from, &date, &text)];
            let doc = DocumentRecord {
                doc_id: format!("p{p}-s{step}"),
                text: text.clone(),
                lang: Some("fr".into()),
                published: Some(date.clone()),
                url: Some(format!("https://news.example/{p}/{step}")),
                ..DocumentRecord::default()
            };
            batch.ingest(&doc, &evs)?;
            at = next;
        }
        if p % 10_000 == 0 && p > 0 {
            eprintln!("  {} events, {:.0} s", p * 2 * STEPS, started.elapsed().as_secs_f64());
        }
    }
    batch.finish()?;
    eprintln!("stored in {:.1} s; resolving entities", started.elapsed().as_secs_f64());
    let t = Instant::now();
    store.resolve()?;
    eprintln!("resolved in {:.1} s", t.elapsed().as_secs_f64());
    Ok(())
}

/// Median milliseconds of `runs` calls, after one untimed call; and the size
/// of the answer, to show that it is not empty.
fn time<T>(runs: usize, mut f: impl FnMut() -> T, size: impl Fn(&T) -> usize) -> (f64, usize) {
    let n = size(&f());
    let mut ms: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], n)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(args.next().unwrap_or_else(|| "target/bench/kb-1000000.db".into()));
    let events: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(1_000_000);
    let mut store = Store::open(&db)?;
    // A few generated articles are near-duplicates of others (recorded as
    // copies, their events not stored): a database within 1% is the one.
    let stored = store.counts()?.2 as usize;
    if stored > events || stored < events - events / 100 {
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        store = Store::open(&db)?;
        eprintln!("generating {events} events in {}", db.display());
        generate(&mut store, events)?;
    }
    drop(store);
    let store = Store::open(&db)?;
    let (docs, entities, stored) = store.counts()?;
    println!("{}: {docs} documents, {entities} names, {stored} events", db.display());
    // The stored projection: built once after the generation (or a
    // migration from a database without it), then kept up to date.
    if store.tenures_pending()? {
        let t = Instant::now();
        store.ensure_tenures()?;
        println!("stored projection brought up to date in {:.1} s", t.elapsed().as_secs_f64());
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // The largest organization, and one of the tail.
    let (big, small) = (org(0), org(ORGS / 2 + (rng.next() % 100) as usize));
    let who = person(events / (2 * STEPS) / 3);
    let at = PartialDate::parse("2010-06-01").expect("a date");
    let runs = 11;
    let late = PartialDate::parse("2030").expect("a date");
    let rows: Vec<(String, (f64, usize))> = vec![
        (format!("roster {big} --at 2010-06-01 (largest)"), time(runs, || store.roster(&big, at).unwrap(), |r| r.members.len())),
        (format!("roster {big} --at 2030 (largest)"), time(runs, || store.roster(&big, late).unwrap(), |r| r.members.len())),
        (format!("roster {small} --at 2010-06-01"), time(runs, || store.roster(&small, at).unwrap(), |r| r.members.len())),
        (format!("person {who:?}"), time(runs, || store.career(&who).unwrap(), |c| c.tenures.len())),
        (format!("flows --from {big} (largest)"), time(runs, || store.flows(&FlowFilter { from: Some(big.clone()), ..FlowFilter::default() }).unwrap(), Vec::len)),
        (format!("flows --from {small}"), time(runs, || store.flows(&FlowFilter { from: Some(small.clone()), ..FlowFilter::default() }).unwrap(), Vec::len)),
        (format!("flows --to {big} (largest)"), time(runs, || store.flows(&FlowFilter { to: Some(big.clone()), ..FlowFilter::default() }).unwrap(), Vec::len)),
        ("flows --limit 1000 (no filter)".to_string(), time(3, || store.flows(&FlowFilter { limit: Some(1000), ..FlowFilter::default() }).unwrap(), Vec::len)),
        (format!("events --org {small}"), time(runs, || store.events(&EventFilter { org: Some(small.clone()), ..EventFilter::default() }).unwrap(), Vec::len)),
        (format!("events --person {who:?}"), time(runs, || store.events(&EventFilter { person: Some(who.clone()), ..EventFilter::default() }).unwrap(), Vec::len)),
        ("events --limit 1000 (no filter)".to_string(), time(3, || store.events(&EventFilter { limit: Some(1000), ..EventFilter::default() }).unwrap(), Vec::len)),
    ];
    println!("{:<60} {:>10} {:>8}", "query", "ms", "rows");
    for (name, (ms, n)) in rows {
        println!("{name:<60} {ms:>10.2} {n:>8}");
    }
    Ok(())
}
