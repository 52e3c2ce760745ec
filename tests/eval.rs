//! `tenure eval` gives the referee script's figures on the development set.
//! Skips where ../shared or python3 is absent.

mod common;

use common::*;

#[test]
fn eval_matches_the_referee_script() {
    let Some(shared) = shared("eval_matches_the_referee_script") else { return };
    let dev = shared.join("eval/dev");
    let (gold, docs) = (dev.join("gold.jsonl"), dev.join("docs.jsonl"));
    let ours = run(&["eval", "--gold", gold.to_str().unwrap(), "--docs", docs.to_str().unwrap(), "--verbose"]);
    assert!(ours.status.success(), "{}", stderr(&ours));
    let dir = tempfile::tempdir().unwrap();
    let pred = dir.path().join("pred.jsonl");
    let o = run(&["extract", "--format", "jsonl", docs.to_str().unwrap()]);
    std::fs::write(&pred, &o.stdout).unwrap();
    let referee = std::process::Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .args(["--gold", gold.to_str().unwrap(), "--pred", pred.to_str().unwrap(), "--docs", docs.to_str().unwrap(), "--verbose"])
        .output();
    let Ok(referee) = referee.map_err(|e| eprintln!("skipping: python3 not runnable: {e}")) else { return };
    assert!(referee.status.success());
    assert_eq!(stdout(&ours), stdout(&referee), "tenure eval and score.py disagree");
    assert!(stdout(&ours).lines().last().unwrap().starts_with("change-event F1 "));

    // --pred scores given predictions, and --json gives the figures.
    let j = json(&run(&["eval", "--gold", gold.to_str().unwrap(), "--docs", docs.to_str().unwrap(), "--pred", pred.to_str().unwrap(), "--json"]));
    assert_eq!(j["documents"], 31);
    assert!(j["change"]["f1"].as_f64().unwrap() > 0.0);
    assert!(j["by_lang"]["fr:change"]["tp"].as_u64().unwrap() > 0);
}
