//! Several processes on one database: two ingests of different batches at
//! once while a third process queries in a loop. SQLite in WAL mode lets the
//! readers read while one writer writes; writers wait for each other (busy
//! timeout) rather than fail, so no "database is locked" reaches the user.

mod common;

use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};

use common::*;

#[test]
fn two_ingests_and_queries_at_once_all_succeed_and_add_up() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (a, b) = (d.join("a.jsonl"), d.join("b.jsonl"));
    std::fs::write(&a, batch("a", 600, 11)).unwrap();
    std::fs::write(&b, batch("b", 600, 12)).unwrap();
    // Each batch alone, for the expected counts.
    for (batch, alone) in [(&a, "a.db"), (&b, "b.db")] {
        let o = tenure().args(["ingest", "--quiet", "--db"]).arg(d.join(alone)).arg(batch).output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let db = d.join("shared.db");
    // A first document, so that the queries have a database and an organization.
    let seed = d.join("seed.txt");
    std::fs::write(&seed, "Claire Martin quitte Fabrikam pour rejoindre Contoso, a annoncé mardi le groupe.").unwrap();
    let o = tenure().args(["ingest", "--quiet", "--date", "2024-05-02", "--db"]).arg(&db).arg(&seed).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));

    let writers: Vec<_> = [&a, &b]
        .iter()
        .map(|batch| tenure().args(["ingest", "--threads", "1", "--db"]).arg(&db).arg(batch).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap())
        .collect();
    let done = AtomicBool::new(false);
    let queries = std::thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut runs = Vec::new();
            while !done.load(Ordering::Relaxed) || runs.len() < 3 {
                for args in [&["roster", "Contoso", "--at", "2024-06-01", "--format", "json"][..], &["events", "--format", "json"], &["flows", "--format", "json"]] {
                    let o = tenure().args(args).arg("--db").arg(&db).output().unwrap();
                    runs.push((args[0], o.status.code(), stderr(&o)));
                }
            }
            runs
        });
        let results: Vec<_> = writers.into_iter().map(|w| w.wait_with_output().unwrap()).collect();
        done.store(true, Ordering::Relaxed);
        for o in &results {
            assert!(o.status.success(), "an ingest failed: {}", stderr(o));
            assert!(!stderr(o).contains("locked"), "{}", stderr(o));
        }
        reader.join().unwrap()
    });
    for (cmd, code, err) in &queries {
        assert_eq!(*code, Some(0), "{cmd} failed during the ingests: {err}");
        assert!(!err.contains("locked"), "{cmd}: {err}");
    }
    eprintln!("{} queries ran during the ingests", queries.len());

    let (sa, sb, shared) = (counts(&d.join("a.db")), counts(&d.join("b.db")), counts(&db));
    // The batches are stored whole: documents and copies add up (a copy in
    // one batch of a story in the other may count as either, so the sum is
    // over both), and so do their events.
    assert_eq!(shared.0 + shared.1, sa.0 + sa.1 + sb.0 + sb.1 + 1, "documents and copies: {shared:?} vs {sa:?} + {sb:?} + 1");
    let o = tenure().args(["check", "--db"]).arg(&db).output().unwrap();
    assert!(o.status.success(), "{}", stdout(&o));
}
