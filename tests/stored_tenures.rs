//! Rosters and flows read from the stored projection give the answers of a
//! replay of the whole event log, on the scenario's twelve articles, through
//! re-ingestion and the user's merges and splits (see `tenure_kb::tenures`).

mod common;

use std::path::Path;

use common::*;
use tenure_extract::PartialDate;
use tenure_kb::resolution::EntityKind;
use tenure_kb::{FlowFilter, Store};

fn ok(args: &[&str]) {
    let o = run(args);
    assert!(o.status.success(), "tenure {args:?}: {}", stderr(&o));
}

fn value<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap()
}

/// Every organization's roster on the first, the middle and the last day of
/// each month of 2015–2026, and in each year; flows with every filter.
fn same_answers(db: &str, step: &str) {
    let store = Store::open(Path::new(db)).unwrap();
    let orgs: Vec<String> = store.entities(Some(EntityKind::Org), None).unwrap().into_iter().map(|e| e.name).collect();
    let mut dates: Vec<String> = (2015..=2026).map(|y| y.to_string()).collect();
    for y in 2015..=2026 {
        for m in 1..=12 {
            dates.push(format!("{y}-{m:02}"));
            for d in [1, 15, 28] {
                dates.push(format!("{y}-{m:02}-{d:02}"));
            }
        }
    }
    let mut members = 0;
    for org in &orgs {
        for d in &dates {
            let at = PartialDate::parse(d).unwrap();
            let stored = store.roster(org, at).unwrap();
            members += stored.members.len();
            assert_eq!(value(&stored), value(&store.roster_replayed(org, at).unwrap()), "{step}: roster {org} --at {d}");
        }
    }
    assert!(members > 0, "{step}: the rosters have members");
    let mut filters = vec![FlowFilter::default(), FlowFilter { since: Some("2023".into()), until: Some("2024-06".into()), ..FlowFilter::default() }];
    // The largest flows, read down the stored sizes.
    filters.extend([1, 2, 4].map(|n| FlowFilter { limit: Some(n), ..FlowFilter::default() }));
    for org in &orgs {
        filters.push(FlowFilter { from: Some(org.clone()), ..FlowFilter::default() });
        filters.push(FlowFilter { to: Some(org.clone()), ..FlowFilter::default() });
        for other in &orgs {
            filters.push(FlowFilter { from: Some(org.clone()), to: Some(other.clone()), ..FlowFilter::default() });
        }
    }
    let mut flows = 0;
    for f in &filters {
        let stored = store.flows(f).unwrap();
        flows += stored.len();
        assert_eq!(value(&stored), value(&store.flows_replayed(f).unwrap()), "{step}: flows {f:?}");
    }
    assert!(flows > 0, "{step}: there are flows");
    let report = store.check().unwrap();
    assert!(report.is_clean(), "{step}: {:?}", report.findings);
}

#[test]
fn the_scenario_answers_the_same_from_the_stored_projection() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.db").display().to_string();
    ingest_scenario(&db, &[&scenario_data().join("articles.jsonl")], true);
    same_answers(&db, "scenario");
    ok(&["merge", "Contoso", "Fabrikam", "--db", &db]);
    same_answers(&db, "Fabrikam merged into Contoso");
    ok(&["split", "Fabrikam", "--db", &db]);
    ok(&["merge", "Claire Martin", "Jean Dupont", "--kind", "person", "--db", &db]);
    same_answers(&db, "split again, and two persons merged");
    ok(&["split", "Jean Dupont", "--kind", "person", "--db", &db]);
    same_answers(&db, "the persons split again");
}

#[test]
fn corrections_and_reingestion_keep_the_stored_projection_exact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.db").display().to_string();
    let articles = scenario_data().join("articles.jsonl");
    let (part1, part2) = scenario_in_two_parts(dir.path());
    ingest_scenario(&db, &[&part1], false);
    same_answers(&db, "first part, no aliases");
    ok(&["merge", "Northwind Traders", "Northwind", "--db", &db]);
    ok(&["split", "Facebook", "--db", &db]);
    same_answers(&db, "merge and split");
    ingest_scenario(&db, &[&part2, &articles], false);
    same_answers(&db, "the rest and all again");
    ok(&["split", "Northwind", "--kind", "org", "--db", &db]);
    same_answers(&db, "the merge undone");
}

#[test]
fn the_feed_and_the_flows_are_limited() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.db").display().to_string();
    ingest_scenario(&db, &[&scenario_data().join("articles.jsonl")], true);
    let all = json(&run(&["events", "--limit", "0", "--format", "json", "--db", &db]));
    let all = all.as_array().unwrap();
    assert!(all.len() > 3);
    let o = run(&["events", "--limit", "3", "--format", "json", "--db", &db]);
    assert_eq!(json(&o).as_array().unwrap()[..], all[..3], "the three newest");
    assert!(stderr(&o).contains("--limit"), "a note says more were left out: {}", stderr(&o));
    let o = run(&["events", "--format", "json", "--db", &db]);
    assert_eq!(json(&o).as_array().unwrap().len(), all.len(), "the default limit is above a small feed");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    let flows = json(&run(&["flows", "--format", "json", "--db", &db]));
    let first = json(&run(&["flows", "--limit", "1", "--format", "json", "--db", &db]));
    assert_eq!(first["flows"].as_array().unwrap()[..], flows["flows"].as_array().unwrap()[..1]);
}
