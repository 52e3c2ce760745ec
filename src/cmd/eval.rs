//! `tenure eval`: extraction quality on annotated articles.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{json, Value};
use tenure_extract::score::{r4, score, Report, Tally};
use tenure_extract::Extractor;

use crate::cli::InputArgs;
use crate::pipeline::Pipeline;
use crate::progress::Progress;

fn read_jsonl(path: &Path) -> Result<Vec<Value>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).with_context(|| format!("{}:{}: not JSON", path.display(), n + 1)))
        .collect()
}

pub fn run(gold: &Path, docs: &Path, pred: Option<&Path>, verbose: bool, as_json: bool) -> Result<i32> {
    let gold: Vec<(String, Vec<Value>)> = read_jsonl(gold)?
        .into_iter()
        .map(|g| {
            let doc = g.get("doc").and_then(Value::as_str).unwrap_or_default().to_string();
            let events = g.get("events").and_then(Value::as_array).cloned().unwrap_or_default();
            (doc, events)
        })
        .collect();
    let documents = read_jsonl(docs)?;
    let mut lang_of: HashMap<String, String> = documents
        .iter()
        .filter_map(|d| Some((d.get("id")?.as_str()?.to_string(), d.get("lang").and_then(Value::as_str).unwrap_or("?").to_string())))
        .collect();
    let predictions: Vec<Value> = match pred {
        Some(p) => read_jsonl(p)?
            .into_iter()
            .flat_map(|p| match (p.get("events").and_then(Value::as_array).cloned(), p.get("type")) {
                (Some(events), None) => events.into_iter().map(|mut e| {
                    if e.get("doc").is_none() {
                        e["doc"] = p["doc"].clone();
                    }
                    e
                }).collect(),
                _ => vec![p],
            })
            .collect(),
        None => {
            let extractor = Extractor::new()?;
            let mut out = Vec::new();
            let args = InputArgs { paths: vec![docs.to_path_buf()], lang: None, date: None };
            let threads = std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN);
            let pipeline = Pipeline { extractor: &extractor, threads, fingerprints: false, progress: &Progress::hidden() };
            pipeline.run(&args, &mut |x| {
                lang_of.entry(x.doc.id.clone()).or_insert_with(|| x.extraction.lang.code().to_string());
                for e in &x.extraction.events {
                    out.push(serde_json::to_value(e)?);
                }
                Ok(())
            })?;
            out
        }
    };
    let report = score(&gold, &predictions, &lang_of);
    if as_json {
        println!("{}", serde_json::to_string_pretty(&figures(&report))?);
    } else {
        print!("{}", report.render(verbose));
    }
    Ok(0)
}

fn row(t: &Tally) -> Value {
    json!({"tp": t.tp, "fp": t.fp, "fn": t.fn_, "precision": r4(t.precision()), "recall": r4(t.recall()), "f1": r4(t.f1())})
}

/// The figures in the shape of the referee's `--json`.
fn figures(r: &Report) -> Value {
    let held = r.tallies.get("held").copied().unwrap_or_default();
    let by = |prefix: &str| -> Value {
        r.tallies.iter().filter_map(|(k, t)| k.strip_prefix(prefix).map(|k| (k.to_string(), row(t)))).collect::<serde_json::Map<_, _>>().into()
    };
    let attributes: serde_json::Map<String, Value> = r
        .attributes
        .iter()
        .map(|(k, (c, n))| (k.clone(), json!({"correct": c, "of": n, "accuracy": if *n > 0 { Some(r4(*c as f64 / *n as f64)) } else { None }})))
        .collect();
    json!({
        "documents": r.documents,
        "change": row(&r.change()),
        "change_relaxed_names": row(&r.relaxed_change),
        "held": row(&held),
        "by_type": by("type:"),
        "by_lang": by("lang:"),
        "attributes": attributes,
    })
}
