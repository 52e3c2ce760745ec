//! Helpers for the end-to-end tests: run the real binary on real files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn tenure() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tenure"));
    c.env_remove("TENURE_DB").env("NO_COLOR", "1");
    c
}

pub fn run(args: &[&str]) -> Output {
    tenure().args(args).output().expect("tenure runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "tenure failed: {}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

/// `../shared`, or `None` with a message: a user's checkout has no shared folder.
pub fn shared(test: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("eval/dev/docs.jsonl").exists() {
        Some(p)
    } else {
        eprintln!("skipping {test}: ../shared/eval/dev is absent (it ships beside the repository, not in it)");
        None
    }
}

/// Writes the documents of `docs.jsonl` whose ids pass `keep` into `dir/name`.
pub fn subset(shared: &Path, dir: &Path, name: &str, keep: impl Fn(&serde_json::Value) -> bool) -> PathBuf {
    let text = std::fs::read_to_string(shared.join("eval/dev/docs.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok_and(|d| keep(&d))).collect();
    let out = dir.join(name);
    std::fs::write(&out, lines.join("\n") + "\n").unwrap();
    out
}
