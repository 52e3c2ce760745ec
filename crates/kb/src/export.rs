//! The resolved timeline in formats other tools read: schema.org JSON-LD
//! for the web, CSV for spreadsheets, GraphML of talent flows for Gephi, and
//! QuickStatements for Wikidata. Each tenure or change carries its sources.
//!
//! The timeline knows names, not Wikidata items: QuickStatements output
//! writes each item as `{Name}` (and each role and end cause as
//! `{role:cto}`, `{end cause:removed}`), to be replaced by its QID before the
//! batch is run; the header says so.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::projection::{Change, Tenure};
use crate::query::Timeline;
use crate::Result;

/// schema.org JSON-LD: a `@graph` of Person and Organization nodes; each
/// tenure is an OrganizationRole in the person's `memberOf`, with
/// `startDate`, `endDate`, `roleName` and the articles that report it.
pub fn jsonld(t: &Timeline) -> String {
    let id = |kind: &str, name: &str| format!("_:{kind}-{}", slug(name));
    let mut orgs: BTreeSet<&str> = t.tenures.iter().map(|x| x.org.as_str()).collect();
    orgs.extend(t.flows.iter().flat_map(|f| [f.from.as_str(), f.to.as_str()]));
    let mut graph: Vec<Value> = orgs.iter().map(|o| json!({"@id": id("org", o), "@type": "Organization", "name": o})).collect();
    let people: BTreeSet<&str> = t.tenures.iter().map(|x| x.person.as_str()).collect();
    for p in people {
        let roles: Vec<Value> = t
            .tenures
            .iter()
            .filter(|x| x.person == p)
            .map(|x| {
                let mut role = json!({
                    "@type": "OrganizationRole",
                    "memberOf": {"@id": id("org", &x.org)},
                    "subjectOf": x.sources.iter().map(|d| citation(t, d)).collect::<Vec<_>>(),
                });
                let o = role.as_object_mut().expect("an object");
                if let Some(r) = &x.role {
                    o.insert("roleName".into(), json!(r));
                }
                if let Some(s) = &x.start {
                    o.insert("startDate".into(), json!(s));
                }
                if let Some(e) = &x.end {
                    o.insert("endDate".into(), json!(e));
                }
                role
            })
            .collect();
        graph.push(json!({"@id": id("person", p), "@type": "Person", "name": p, "memberOf": roles}));
    }
    let doc = json!({"@context": "https://schema.org", "@graph": graph});
    serde_json::to_string_pretty(&doc).expect("JSON values serialize") + "\n"
}

fn citation(t: &Timeline, doc: &str) -> Value {
    let info = t.documents.get(doc).cloned().unwrap_or_default();
    let mut v = json!({"@type": "NewsArticle", "identifier": doc});
    let o = v.as_object_mut().expect("an object");
    if let Some(u) = info.url {
        o.insert("url".into(), json!(u));
    }
    if let Some(h) = info.title {
        o.insert("headline".into(), json!(h));
    }
    if let Some(l) = info.lang {
        o.insert("inLanguage".into(), json!(l));
    }
    v
}

fn slug(s: &str) -> String {
    tenure_extract::fold::fold_name(s).replace(' ', "-")
}

/// The columns of the CSV export.
pub const CSV_HEADER: [&str; 14] = ["record", "person", "org", "type", "role", "start", "end", "date", "status", "preferred", "reason", "counterpart", "source_count", "sources"];

/// CSV: one row per tenure (`record` = `tenure`) and per change (`change`),
/// sources separated by `;`.
pub fn csv(t: &Timeline) -> Result<String> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let io = |e: ::csv::Error| crate::KbError::Export(e.to_string());
    w.write_record(CSV_HEADER).map_err(io)?;
    let opt = |s: &Option<String>| s.clone().unwrap_or_default();
    for x in &t.tenures {
        w.write_record([
            "tenure".into(),
            x.person.clone(),
            x.org.clone(),
            String::new(),
            opt(&x.role),
            opt(&x.start),
            opt(&x.end),
            String::new(),
            x.status.as_str().into(),
            String::new(),
            opt(&x.end_cause),
            String::new(),
            x.sources.len().to_string(),
            x.sources.join(";"),
        ])
        .map_err(io)?;
    }
    for c in &t.changes {
        let docs: BTreeSet<&str> = c.sources.iter().map(|s| s.doc.as_str()).collect();
        w.write_record([
            "change".into(),
            c.person.clone(),
            c.org.clone(),
            c.kind.clone(),
            opt(&c.role),
            String::new(),
            String::new(),
            opt(&c.date),
            c.status.clone(),
            c.preferred.to_string(),
            opt(&c.reason),
            opt(&c.counterpart),
            docs.len().to_string(),
            docs.into_iter().collect::<Vec<_>>().join(";"),
        ])
        .map_err(io)?;
    }
    let bytes = w.into_inner().map_err(|e| crate::KbError::Export(e.to_string()))?;
    Ok(String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8"))
}

/// GraphML for Gephi: organizations as nodes, one directed edge per flow,
/// weighted by the number of people, who are listed on the edge.
pub fn graphml(t: &Timeline) -> String {
    let mut orgs: BTreeSet<&str> = BTreeSet::new();
    for f in &t.flows {
        orgs.insert(&f.from);
        orgs.insert(&f.to);
    }
    let mut s = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  \
         <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n  \
         <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n  \
         <key id=\"people\" for=\"edge\" attr.name=\"people\" attr.type=\"string\"/>\n  \
         <graph id=\"flows\" edgedefault=\"directed\">\n",
    );
    let node = |o: &str| format!("org-{}", slug(o));
    for o in &orgs {
        let _ = writeln!(s, "    <node id=\"{}\"><data key=\"label\">{}</data></node>", xml(&node(o)), xml(o));
    }
    for (i, f) in t.flows.iter().enumerate() {
        let _ = writeln!(
            s,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"people\">{}</data></edge>",
            xml(&node(&f.from)),
            xml(&node(&f.to)),
            f.count,
            xml(&f.people.join("; "))
        );
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}

/// QuickStatements (V1, tab-separated): for each tenure, position held
/// (P39) with the employer as "of" (P642), and employer (P108), each with
/// start time (P580), end time (P582), end cause (P1534) and, as reference,
/// the article's URL (S854) or the quoted evidence (S1683).
pub fn quickstatements(t: &Timeline) -> String {
    let mut s = String::from(
        "# tenure export: QuickStatements V1. {Name} stands for a Wikidata item (a person, an organization,\n\
         # a position {role:code}, an end cause {end cause:manner}): replace each with its QID before running.\n",
    );
    for x in &t.tenures {
        let mut quals = String::new();
        if let Some(d) = x.start.as_deref().and_then(wikidata_time) {
            let _ = write!(quals, "\tP580\t{d}");
        }
        if let Some(d) = x.end.as_deref().and_then(wikidata_time) {
            let _ = write!(quals, "\tP582\t{d}");
        }
        if let Some(c) = &x.end_cause {
            let _ = write!(quals, "\tP1534\t{{end cause:{c}}}");
        }
        let refs = reference(t, x);
        let person = format!("{{{}}}", x.person);
        if let Some(r) = &x.role {
            let _ = writeln!(s, "{person}\tP39\t{{role:{r}}}\tP642\t{{{}}}{quals}{refs}", x.org);
        }
        let _ = writeln!(s, "{person}\tP108\t{{{}}}{quals}{refs}", x.org);
    }
    s
}

/// The first source of a tenure as a reference: its URL, else its evidence.
fn reference(t: &Timeline, x: &Tenure) -> String {
    let Some(doc) = x.sources.first() else { return String::new() };
    let info = t.documents.get(doc).cloned().unwrap_or_default();
    if let Some(url) = info.url {
        return format!("\tS854\t\"{}\"", url.replace('"', "'"));
    }
    let evidence = t.changes.iter().filter(|c: &&Change| c.person == x.person && c.org == x.org).flat_map(|c| &c.sources).find(|s| s.doc == *doc).map(|s| s.evidence.clone());
    match evidence {
        Some(e) => format!("\tS1683\t{}:\"{}\"", info.lang.as_deref().unwrap_or("en"), e.replace(['"', '\t', '\n'], " ")),
        None => String::new(),
    }
}

/// `+2022-09-01T00:00:00Z/11`, with the precision of the partial date (9 year, 10 month, 11 day).
pub fn wikidata_time(d: &str) -> Option<String> {
    let p = tenure_extract::PartialDate::parse(d)?;
    let (precision, m, day) = match (p.month, p.day) {
        (Some(m), Some(day)) => (11, m, day),
        (Some(m), None) => (10, m, 0),
        _ => (9, 0, 0),
    };
    Some(format!("+{:04}-{m:02}-{day:02}T00:00:00Z/{precision}", p.year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikidata_times_keep_their_precision() {
        assert_eq!(wikidata_time("2022-09-01").as_deref(), Some("+2022-09-01T00:00:00Z/11"));
        assert_eq!(wikidata_time("2022-09").as_deref(), Some("+2022-09-00T00:00:00Z/10"));
        assert_eq!(wikidata_time("2017").as_deref(), Some("+2017-00-00T00:00:00Z/9"));
        assert_eq!(xml("A & <B> \"c\""), "A &amp; &lt;B&gt; &quot;c&quot;");
    }
}
