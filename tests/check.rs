//! `tenure check` on a clean database, and on databases damaged behind the
//! store's back: each damage is reported by name, with exit code 1.

mod common;

use std::path::Path;

use common::*;

fn ingested(dir: &Path) -> std::path::PathBuf {
    let batch = dir.join("batch.jsonl");
    std::fs::write(&batch, batch_text()).unwrap();
    let db = dir.join("kb.db");
    let o = tenure().args(["ingest", "--quiet", "--db"]).arg(&db).arg(&batch).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

/// A connection that enforces nothing: deletes do not cascade.
fn behind_the_back(db: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
    conn
}

fn batch_text() -> String {
    common::batch("c", 40, 5)
}

fn check(db: &Path) -> (Option<i32>, serde_json::Value) {
    let o = tenure().args(["check", "--format", "json", "--db"]).arg(db).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&o), stderr(&o)));
    (o.status.code(), report)
}

fn checks(report: &serde_json::Value) -> Vec<String> {
    report["findings"].as_array().unwrap().iter().map(|f| f["check"].as_str().unwrap().to_string()).collect()
}

#[test]
fn a_clean_database_checks_ok() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let (code, report) = check(&db);
    assert_eq!(code, Some(0), "{report:#}");
    assert_eq!(report["ok"], true);
    assert!(report["events"].as_i64().unwrap() > 0);
    let o = tenure().args(["check", "--db"]).arg(&db).output().unwrap();
    assert!(stdout(&o).trim_end().ends_with(": ok"), "{}", stdout(&o));
}

#[test]
fn a_document_deleted_behind_the_stores_back_leaves_orphan_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let conn = behind_the_back(&db);
    let doc_id: String = conn.query_row("SELECT d.doc_id FROM documents d JOIN events e ON e.document_id = d.id LIMIT 1", [], |r| r.get(0)).unwrap();
    conn.execute("DELETE FROM documents WHERE doc_id = ?1", [&doc_id]).unwrap();
    drop(conn);
    let (code, report) = check(&db);
    assert_eq!(code, Some(1), "{report:#}");
    assert_eq!(checks(&report), ["orphan_event"], "{report:#}");
    assert!(report["findings"][0]["message"].as_str().unwrap().contains("missing document"));
    let o = tenure().args(["check", "--db"]).arg(&db).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("orphan_event:") && stdout(&o).contains("1 problems"), "{}", stdout(&o));
}

#[test]
fn edited_rows_are_found() {
    let dir = tempfile::tempdir().unwrap();
    let db = ingested(dir.path());
    let conn = behind_the_back(&db);
    conn.execute("UPDATE documents SET text = text || ' edited' WHERE id = (SELECT min(id) FROM documents)", []).unwrap();
    conn.execute("UPDATE events SET date = '2024-13-45' WHERE id = (SELECT min(id) FROM events)", []).unwrap();
    conn.execute("UPDATE events SET type = 'promotion' WHERE id = (SELECT max(id) FROM events)", []).unwrap();
    conn.execute("DELETE FROM entities WHERE id = (SELECT org_id FROM events ORDER BY id DESC LIMIT 1)", []).unwrap();
    drop(conn);
    let (code, report) = check(&db);
    assert_eq!(code, Some(1));
    let found = checks(&report);
    for expected in ["fingerprint", "missing_entity", "bad_value"] {
        assert!(found.iter().any(|c| c == expected), "{expected} not reported: {report:#}");
    }
    let messages = report["findings"].to_string();
    assert!(messages.contains("2024-13-45") && messages.contains("promotion"), "{messages}");
}

#[test]
fn a_file_that_is_not_a_database_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("junk.db");
    std::fs::write(&db, vec![b'x'; 8192]).unwrap();
    let o = tenure().args(["check", "--db"]).arg(&db).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("junk.db"), "{}", stderr(&o));
    let o = tenure().args(["check", "--db"]).arg(dir.path().join("none.db")).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no database"), "{}", stderr(&o));
    assert!(!dir.path().join("none.db").exists(), "check creates nothing");
}
