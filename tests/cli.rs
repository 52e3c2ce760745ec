//! The command line on real files and a real SQLite database: bad inputs,
//! idempotent ingestion, formats, the demo.

mod common;

use common::*;

const FR: &str = "La directrice financière de Fabrikam, Claire Martin, quitte l'entreprise pour rejoindre Contoso, a annoncé mardi le groupe.";
const EN: &str = "Contoso named John Smith as its chief executive on Monday. Smith joined Contoso from Fabrikam.";

#[test]
fn bad_inputs_are_reported_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.txt"), FR).unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(d.join("binary.dat"), [0x7Fu8, b'E', b'L', b'F', 0, 0, 0, 1, 2, 3]).unwrap();
    // Windows-1252 French: decoded, not rejected.
    let latin = latin1_bytes("Le président de Fabrikam, Paul Durand, a démissionné de ses fonctions lundi.");
    std::fs::write(d.join("latin1.txt"), latin).unwrap();
    std::fs::write(d.join("docs.jsonl"), "{\"id\": \"a\", \"text\": \"Hello\"}\n{not json\n{\"id\": \"b\"}\n").unwrap();
    let o = tenure().args(["extract", "--format", "jsonl", "--date", "2024-05-02"]).arg(d).arg(d.join("missing.txt")).output().unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "some inputs worked, so exit 0: {err}");
    for needle in ["empty.txt", "binary.dat", "docs.jsonl:2", "docs.jsonl:3", "missing.txt"] {
        assert!(err.contains(needle), "stderr should name {needle}: {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
    let out = stdout(&o);
    assert!(out.lines().any(|l| l.contains("\"Claire Martin\"")), "the good file is still processed: {out}");
    assert!(out.lines().any(|l| l.contains("\"Paul Durand\"")), "the Windows-1252 file is read: {out}");
}

/// Windows-1252 bytes of an ASCII-and-Latin-1 string (each char below 256 is one byte).
fn latin1_bytes(s: &str) -> Vec<u8> {
    s.chars().map(|c| u32::from(c) as u8).collect()
}

#[test]
fn nothing_processed_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("x.bin");
    std::fs::write(&bin, [0u8; 64]).unwrap();
    let o = run(&["extract", bin.to_str().unwrap(), dir.path().join("nope.txt").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("x.bin") && stderr(&o).contains("nope.txt"));
    let o = run(&["extract", "--lang", "xx", bin.to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0));
}

#[test]
fn unknown_language_is_reported_not_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("fi.txt");
    std::fs::write(&p, "Toimitusjohtaja jättää yhtiön vuoden lopussa, kertoi hallitus tiistaina.").unwrap();
    let o = run(&["extract", "--format", "jsonl", p.to_str().unwrap()]);
    assert!(stderr(&o).contains("fi.txt") && stderr(&o).contains("language"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "");
}

#[test]
fn stdin_and_formats() {
    use std::io::Write;
    let mut child = tenure()
        .args(["extract", "-", "--format", "json", "--date", "2024-03-05"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(EN.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    let events = json(&o);
    let events = events.as_array().unwrap();
    let start = events.iter().find(|e| e["type"] == "start" && e["person"] == "John Smith" && e["org"] == "Contoso").expect("John Smith starts at Contoso");
    assert_eq!(start["doc"], "stdin");
    assert_eq!(start["role"], "ceo");
    assert_eq!(start["date"], "2024-03-04", "Monday before Tuesday 5 March 2024");
    let ev = &start["evidence"];
    let text: Vec<char> = EN.chars().collect();
    let (s, e) = (ev["start"].as_u64().unwrap() as usize, ev["end"].as_u64().unwrap() as usize);
    assert_eq!(text[s..e].iter().collect::<String>(), ev["text"].as_str().unwrap());
}

#[test]
fn ingest_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    std::fs::write(&a, FR).unwrap();
    let db = dir.path().join("kb.db");
    let db = db.to_str().unwrap();
    let ingest = || run(&["ingest", "--date", "2024-05-02", a.to_str().unwrap(), "--db", db]);
    let first = ingest();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stderr(&first).contains("1 added"), "{}", stderr(&first));
    let before = json(&run(&["events", "--format", "json", "--db", db]));
    assert!(!before.as_array().unwrap().is_empty());
    let second = ingest();
    assert!(stderr(&second).contains("0 added") && stderr(&second).contains("1 unchanged"), "{}", stderr(&second));
    let after = json(&run(&["events", "--format", "json", "--db", db]));
    assert_eq!(before, after);
    // The move is a flow, and the feed filters by type.
    let flows = json(&run(&["flows", "--format", "json", "--db", db]));
    assert!(flows["flows"].as_array().unwrap().iter().any(|f| f["from"] == "Fabrikam" && f["to"] == "Contoso"), "{flows}");
    let ends = json(&run(&["events", "--type", "end", "--format", "json", "--db", db]));
    assert!(ends.as_array().unwrap().iter().all(|e| e["type"] == "end"));
}

#[test]
fn queries_need_a_database_and_known_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("none.db");
    let o = run(&["roster", "OpenAI", "--db", db.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no database"), "{}", stderr(&o));
    assert!(!db.exists(), "a query must not create a database");
    let a = dir.path().join("a.txt");
    std::fs::write(&a, FR).unwrap();
    let db = dir.path().join("kb.db");
    assert!(run(&["ingest", "--date", "2024-05-02", a.to_str().unwrap(), "--db", db.to_str().unwrap()]).status.success());
    let o = run(&["person", "Nobody Known", "--db", db.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Nobody Known"));
    let o = run(&["roster", "Contoso", "--at", "not-a-date", "--db", db.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn demo_runs_offline_and_leaves_the_user_database_alone() {
    let dir = tempfile::tempdir().unwrap();
    let user_db = dir.path().join("user.db");
    let o = tenure().arg("demo").env("TENURE_DB", &user_db).env("HOME", dir.path()).env("XDG_DATA_HOME", dir.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Nordlys Robotics") && out.contains("Hélène Carrau"), "{out}");
    assert!(out.contains("tenure ingest"), "the demo says how to use one's own articles");
    assert!(!user_db.exists());
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none(), "nothing written in the user's directories");
}

#[test]
fn output_is_in_input_order_whatever_the_threads() {
    let articles = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles/demo.jsonl");
    let extract = |threads: &str| run(&["extract", "--format", "jsonl", "--quiet", "--threads", threads, articles.to_str().unwrap()]);
    let (one, four) = (extract("1"), extract("4"));
    assert!(one.status.success() && four.status.success(), "{}", stderr(&four));
    assert!(!stdout(&one).is_empty());
    assert_eq!(stdout(&one), stdout(&four));
    assert_ne!(run(&["extract", "--threads", "0", articles.to_str().unwrap()]).status.code(), Some(0), "zero threads is bad usage");
}
