//! Scoring extracted events against gold annotations, exactly as the
//! referee script `shared/eval/score.py` does, so that users measure tenure
//! on their own annotated articles with `tenure eval`.
//!
//! Events are compared as JSON values because gold values may list
//! alternatives (`"org": ["Meta", "Facebook"]`). The matching rules are those
//! of the spec: same document and type, matching organization and person
//! (names folded; both null means a match, then the role must match),
//! greedy one-to-one pairing of the best-agreeing pairs first.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

const CHANGE_TYPES: [&str; 5] = ["start", "end", "absence", "return", "dissolution"];
const ATTRS: [&str; 5] = ["role", "date", "until", "counterpart", "manner"];
const LEGAL_SUFFIXES: [&str; 17] = ["inc", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "sa", "ag", "gmbh", "se", "nv", "bv", "spa", "sas", "the"];

/// Lower case, accents and punctuation dropped, single spaces (the referee's fold).
pub fn fold(text: &str) -> String {
    let stripped: String = text.nfkd().filter(|c| !is_combining_mark(*c)).collect::<String>().to_lowercase();
    let ascii: String = stripped.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' }).collect();
    ascii.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold_org(text: &str) -> String {
    fold(text).split(' ').filter(|w| !LEGAL_SUFFIXES.contains(w)).collect::<Vec<_>>().join(" ")
}

fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A gold value may be one string or a list of acceptable strings.
fn options(v: Option<&Value>) -> Vec<String> {
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(as_text).collect(),
        Some(other) => vec![as_text(other)],
    }
}

fn present(v: Option<&Value>) -> bool {
    !matches!(v, None | Some(Value::Null))
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Bool(b)) => *b,
        _ => true,
    }
}

fn person_match(gold: Option<&Value>, pred: Option<&Value>, relaxed: bool) -> bool {
    if !present(gold) || !present(pred) {
        return !present(gold) && !present(pred);
    }
    let p = fold(&as_text(pred.unwrap()));
    options(gold).iter().any(|g| {
        let g = fold(g);
        g == p || (relaxed && !g.is_empty() && !p.is_empty() && g.split(' ').next_back() == p.split(' ').next_back())
    })
}

fn org_match(gold: Option<&Value>, pred: Option<&Value>) -> bool {
    if !truthy(gold) {
        return !truthy(pred);
    }
    let Some(Value::String(p)) = pred.filter(|p| truthy(Some(p))) else { return false };
    let p = fold_org(p);
    options(gold).iter().any(|g| fold_org(g) == p)
}

fn value_match(gold: Option<&Value>, pred: Option<&Value>) -> bool {
    present(pred) && {
        let p = fold(&as_text(pred.unwrap()));
        options(gold).iter().any(|g| fold(g) == p)
    }
}

fn date_match(gold: Option<&Value>, pred: Option<&Value>) -> bool {
    let Some(Value::String(p)) = pred else { return false };
    options(gold).iter().any(|g| p.starts_with(g.as_str()))
}

fn unit_overlap(gold: Option<&Value>, pred: Option<&Value>) -> f64 {
    let g: HashSet<String> = fold(&options(gold).join(" ")).split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
    let p_text = pred.filter(|p| truthy(Some(p))).map(as_text).unwrap_or_default();
    let p: HashSet<String> = fold(&p_text).split(' ').filter(|w| !w.is_empty()).map(String::from).collect();
    if g.is_empty() {
        0.0
    } else {
        g.intersection(&p).count() as f64 / g.len() as f64
    }
}

fn core_match(g: &Value, p: &Value, relaxed: bool) -> bool {
    if g.get("type") != p.get("type") || !org_match(g.get("org"), p.get("org")) {
        return false;
    }
    if !person_match(g.get("person"), p.get("person"), relaxed) {
        return false;
    }
    if !present(g.get("person")) && g.get("type").and_then(Value::as_str) != Some("dissolution") && truthy(g.get("role")) {
        return value_match(g.get("role"), p.get("role"));
    }
    true
}

fn attr_correct(attr: &str, g: &Value, p: &Value) -> bool {
    match attr {
        "date" | "until" => date_match(g.get(attr), p.get(attr)),
        "counterpart" => org_match(g.get(attr), p.get(attr)),
        _ => value_match(g.get(attr), p.get(attr)),
    }
}

fn pair_weight(g: &Value, p: &Value) -> f64 {
    let mut w = 1.0 + unit_overlap(g.get("unit"), p.get("unit"));
    for attr in ATTRS {
        if present(g.get(attr)) && attr_correct(attr, g, p) {
            w += 0.5;
        }
    }
    w
}

fn match_doc(gold: &[&Value], pred: &[&Value], relaxed: bool) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            if core_match(g, p, relaxed) {
                pairs.push((pair_weight(g, p), gi, pi));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
    let (mut used_g, mut used_p, mut matched) = (HashSet::new(), HashSet::new(), Vec::new());
    for (_, gi, pi) in pairs {
        if !used_g.contains(&gi) && !used_p.contains(&pi) {
            used_g.insert(gi);
            used_p.insert(pi);
            matched.push((gi, pi));
        }
    }
    matched
}

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

/// The referee rounds figures to four places before printing three.
pub fn r4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The figures of one scoring run.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub documents: usize,
    /// Keys: "change", "held", "type:X", "lang:L:change", "lang:L:held".
    pub tallies: BTreeMap<String, Tally>,
    pub relaxed_change: Tally,
    /// Per "group:attr": (correct, of).
    pub attributes: BTreeMap<String, (usize, usize)>,
    /// MISS, FP and ATTR lines, as the referee prints them with --verbose.
    pub log: Vec<String>,
}

fn brief(e: &Value) -> String {
    let text = |k: &str| match e.get(k) {
        None | Some(Value::Null) => "None".to_string(),
        Some(v) => python_repr(v),
    };
    let mut bits = vec![text("type"), text("person"), "@".into(), text("org")];
    for k in ["unit", "role", "date", "until", "counterpart", "manner"] {
        if present(e.get(k)) {
            bits.push(format!("{k}={}", text(k)));
        }
    }
    bits.join(" ")
}

/// How Python's str() shows a JSON value: lists as ['a', "l'b"].
fn python_repr(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => format!("[{}]", items.iter().map(|i| quote(&as_text(i))).collect::<Vec<_>>().join(", ")),
        other => other.to_string(),
    }
}

/// Python's repr() of a string: single quotes unless it holds one.
fn quote(s: &str) -> String {
    if s.contains('\'') && !s.contains('"') {
        format!("\"{s}\"")
    } else {
        format!("'{}'", s.replace('\'', "\\'"))
    }
}

fn repr_quoted(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".into(),
        Some(Value::String(s)) => quote(s),
        Some(Value::Array(_)) => python_repr(v.unwrap()),
        Some(other) => other.to_string(),
    }
}

fn run(gold: &[(String, Vec<Value>)], pred: &HashMap<String, Vec<Value>>, lang_of: &HashMap<String, String>, relaxed: bool, report: &mut Report, keep_log: bool) -> BTreeMap<String, Tally> {
    let mut t: BTreeMap<String, Tally> = BTreeMap::new();
    let empty = Vec::new();
    for (doc, gold_events) in gold {
        let preds: Vec<&Value> = pred
            .get(doc)
            .unwrap_or(&empty)
            .iter()
            .filter(|p| !matches!(p.get("status").and_then(Value::as_str).unwrap_or("actual"), "speculative" | "denied"))
            .collect();
        let lang = lang_of.get(doc).cloned().unwrap_or_else(|| "?".into());
        for group in ["change", "held"] {
            let want = |e: &Value| {
                let ty = e.get("type").and_then(Value::as_str).unwrap_or("");
                if group == "change" {
                    CHANGE_TYPES.contains(&ty)
                } else {
                    ty == "held"
                }
            };
            let g: Vec<&Value> = gold_events.iter().filter(|e| want(e)).collect();
            let p: Vec<&Value> = preds.iter().copied().filter(|e| want(e)).collect();
            let matched = match_doc(&g, &p, relaxed);
            let mg: HashSet<usize> = matched.iter().map(|m| m.0).collect();
            let mp: HashSet<usize> = matched.iter().map(|m| m.1).collect();
            for (gi, e) in g.iter().enumerate() {
                let hit = mg.contains(&gi);
                let ty = e.get("type").and_then(Value::as_str).unwrap_or("");
                for k in [group.to_string(), format!("type:{ty}"), format!("lang:{lang}:{group}")] {
                    let tally = t.entry(k).or_default();
                    if hit {
                        tally.tp += 1;
                    } else {
                        tally.fn_ += 1;
                    }
                }
                if !hit && keep_log {
                    report.log.push(format!("MISS {doc} {}", brief(e)));
                }
            }
            for (pi, e) in p.iter().enumerate() {
                if !mp.contains(&pi) {
                    let ty = e.get("type").and_then(Value::as_str).map_or("None".to_string(), String::from);
                    for k in [group.to_string(), format!("type:{ty}"), format!("lang:{lang}:{group}")] {
                        t.entry(k).or_default().fp += 1;
                    }
                    if keep_log {
                        report.log.push(format!("FP   {doc} {}", brief(e)));
                    }
                }
            }
            if keep_log {
                for &(gi, pi) in &matched {
                    for attr in ATTRS {
                        if present(g[gi].get(attr)) {
                            let a = report.attributes.entry(format!("{group}:{attr}")).or_default();
                            a.1 += 1;
                            if attr_correct(attr, g[gi], p[pi]) {
                                a.0 += 1;
                            } else {
                                report.log.push(format!(
                                    "ATTR {doc} {attr}: gold {} pred {} in {}",
                                    repr_quoted(g[gi].get(attr)),
                                    repr_quoted(p[pi].get(attr)),
                                    brief(g[gi])
                                ));
                            }
                        }
                    }
                }
            }
        }
    }
    t
}

/// Scores `pred` (events, each with its `doc`) against `gold` (documents, each
/// with its events); `lang_of` gives the per-language breakdown.
pub fn score(gold: &[(String, Vec<Value>)], pred: &[Value], lang_of: &HashMap<String, String>) -> Report {
    let mut by_doc: HashMap<String, Vec<Value>> = HashMap::new();
    for p in pred {
        let doc = p.get("doc").map(as_text).unwrap_or_default();
        by_doc.entry(doc).or_default().push(p.clone());
    }
    let mut report = Report { documents: gold.len(), ..Report::default() };
    report.tallies = run(gold, &by_doc, lang_of, false, &mut report, true);
    let mut scratch = Report::default();
    report.relaxed_change = run(gold, &by_doc, lang_of, true, &mut scratch, false).get("change").copied().unwrap_or_default();
    report
}

impl Report {
    pub fn change(&self) -> Tally {
        self.tallies.get("change").copied().unwrap_or_default()
    }

    /// The report as the referee prints it; the last line is the headline.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        if verbose {
            out.push_str(&self.log.join("\n"));
            out.push_str("\n\n");
        }
        out.push_str(&format!("documents: {}\n", self.documents));
        let held = self.tallies.get("held").copied().unwrap_or_default();
        for (name, t) in [("change events", self.change()), ("change, surname-only names allowed", self.relaxed_change), ("held facts", held)] {
            out.push_str(&format!("{name:38} P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {})\n", r4(t.precision()), r4(t.recall()), r4(t.f1()), t.tp, t.fp, t.fn_));
        }
        for (k, t) in &self.tallies {
            if let Some(ty) = k.strip_prefix("type:") {
                out.push_str(&format!("  type {ty:12} P {:.3}  R {:.3}  F1 {:.3}\n", r4(t.precision()), r4(t.recall()), r4(t.f1())));
            }
        }
        for (k, t) in &self.tallies {
            if let Some(l) = k.strip_prefix("lang:") {
                out.push_str(&format!("  lang {l:12} P {:.3}  R {:.3}  F1 {:.3}\n", r4(t.precision()), r4(t.recall()), r4(t.f1())));
            }
        }
        for (k, (c, n)) in &self.attributes {
            if *n > 0 {
                let accuracy = r4(*c as f64 / *n as f64);
                out.push_str(&format!("  attr {k:20} {c}/{n} = {accuracy:.3}\n"));
            }
        }
        let c = self.change();
        out.push_str(&format!("change-event F1 {:.3} (P {:.3} R {:.3})\n", r4(c.f1()), r4(c.precision()), r4(c.recall())));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn folds_like_the_referee() {
        assert_eq!(fold("Álvarez-Pallete, S.A."), "alvarez pallete s a");
        assert_eq!(fold_org("OpenAI Inc."), "openai");
    }

    #[test]
    fn alternatives_nulls_and_relaxed_names() {
        let gold = vec![(
            "d".to_string(),
            vec![
                json!({"type": "end", "person": "Greg Brockman", "org": ["Meta", "Facebook"], "date": "2024-08", "manner": "resigned"}),
                json!({"type": "start", "person": null, "org": "OpenAI", "role": "cfo"}),
            ],
        )];
        let pred = vec![
            json!({"doc": "d", "type": "end", "person": "Brockman", "org": "Facebook Inc", "date": "2024-08-06"}),
            json!({"doc": "d", "type": "start", "person": null, "org": "OpenAI", "role": "cpo"}),
            json!({"doc": "d", "type": "end", "person": "X Y", "org": "Meta", "status": "denied"}),
        ];
        let r = score(&gold, &pred, &HashMap::new());
        assert_eq!(r.change(), Tally { tp: 0, fp: 2, fn_: 2 });
        assert_eq!(r.relaxed_change.tp, 1, "surname-only match counts when relaxed");
    }
}
