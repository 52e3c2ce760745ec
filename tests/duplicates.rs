//! Copies of one wire story through `tenure ingest`: the same text under
//! another URL and a lightly edited copy are recorded as sources of the first
//! story, and its events are stored once.

mod common;

use common::*;
use serde_json::json;

const STORY: &str = "Contoso names Maria Lopez chief executive\n\
    Contoso said on Tuesday that Maria Lopez had been appointed chief executive officer, effective 1 September. \
    She succeeds Peter Hall, who is leaving the company after nine years at its head to join the supervisory board of Northwind. \
    Lopez, an engineer by training, was until now the group's chief financial officer, having joined Contoso in 2016 from Fabrikam. \
    The board praised a transition prepared over many months and said the new chief executive would pursue the strategic plan \
    presented in the spring, centred on digital services and on reducing the group's debt. Unions asked to meet her quickly \
    to obtain guarantees on jobs at the group's European plants, where several hundred positions could be cut by the end of next year. \
    Analysts welcomed the choice of an insider, noting that Lopez had led the refinancing of the group's bonds last year. \
    The shares rose by two percent in early trading in Frankfurt, before falling back slightly as the wider market turned lower in the afternoon. \
    Contoso, which employs some forty thousand people in thirty countries, has struggled to grow its sales since the pandemic, \
    and its previous attempts to sell its consumer division to a private equity fund came to nothing last winter. \
    Hall will remain available to the new management until the end of the year to ensure an orderly handover of his responsibilities, \
    the company said in a statement released after the close of the market on Tuesday evening.";

const OTHER: &str = "Fabrikam named Ana Silva as its chief operating officer on Monday. Silva joined Fabrikam from Northwind, \
    where she ran the European business. The company said she would report to the chief executive.";

/// The story as a syndication partner ran it: another headline, a few words
/// changed. (SimHash distance 1 from the original; many edits of this size
/// land 4 to 7 bits away, beyond what counts as near.)
fn edited() -> String {
    STORY
        .replace("Contoso names Maria Lopez chief executive", "Contoso appoints Maria Lopez chief executive")
        .replace("quickly", "soon")
        .replace("two percent", "three percent")
}

#[test]
fn copies_of_a_story_are_its_sources_and_its_events_are_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let docs = [
        json!({"id": "wire-1", "url": "https://wire.example/contoso-ceo", "published": "2024-05-07", "lang": "en", "text": STORY}),
        json!({"id": "paper-7", "url": "https://paper.example/business/contoso", "published": "2024-05-07", "lang": "en", "text": STORY}),
        json!({"id": "blog-3", "url": "https://blog.example/lopez", "published": "2024-05-07", "lang": "en", "text": edited()}),
        json!({"id": "wire-2", "url": "https://wire.example/fabrikam-coo", "published": "2024-05-06", "lang": "en", "text": OTHER}),
    ];
    let input = dir.path().join("news.jsonl");
    std::fs::write(&input, docs.iter().map(|d| d.to_string() + "\n").collect::<String>()).unwrap();
    let db = dir.path().join("kb.db");
    let ingest = |threads: &str| run(&["ingest", "--threads", threads, input.to_str().unwrap(), "--db", db.to_str().unwrap()]);

    let first = ingest("3");
    let summary = stderr(&first);
    assert!(first.status.success(), "{summary}");
    assert!(summary.contains("2 added") && summary.contains("1 duplicates") && summary.contains("1 near-duplicates"), "{summary}");

    let events = json(&run(&["events", "--format", "json", "--db", db.to_str().unwrap()]));
    let events = events.as_array().unwrap();
    let docs_of_events: std::collections::BTreeSet<&str> = events.iter().map(|e| e["doc"].as_str().unwrap()).collect();
    assert_eq!(docs_of_events, ["wire-1", "wire-2"].into(), "events come from the first copy and the other story only");
    let lopez_starts = events.iter().filter(|e| e["type"] == "start" && e["person"] == "Maria Lopez" && e["role"] == "ceo").count();
    assert_eq!(lopez_starts, 1, "the appointment is stored once: {events:?}");
    assert!(events.iter().any(|e| e["person"] == "Ana Silva"), "the other story is stored normally: {events:?}");

    let store = tenure_kb::Store::open(&db).unwrap();
    let sources: Vec<(String, String)> = store.sources_of("wire-1").unwrap().into_iter().map(|s| (s.doc_id, s.kind)).collect();
    assert_eq!(sources, [("paper-7".to_string(), "duplicate".to_string()), ("blog-3".to_string(), "near_duplicate".to_string())]);
    assert_eq!(store.counts().unwrap().0, 2, "two stories");
    drop(store);

    let again = ingest("1");
    assert!(stderr(&again).contains("4 unchanged") && stderr(&again).contains("0 duplicates"), "{}", stderr(&again));
    let after = json(&run(&["events", "--format", "json", "--db", db.to_str().unwrap()]));
    assert_eq!(after.as_array().unwrap().len(), events.len());
}
