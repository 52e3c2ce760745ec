//! A multi-article scenario, end to end through the real extractor and a real
//! SQLite file: twelve invented articles (French and English, 2020–2024)
//! about Fabrikam, Contoso, Northwind Traders and Tailspin Toys, with
//! surname-only mentions, aliases ("Facebook" is Meta, "Northwind" is
//! Northwind Traders through a user alias file, "Paul R. Girard" is "Paul
//! Girard"), reports of one change in two languages, a contradiction (when
//! Marc Lefebvre joined Northwind), an announcement that later happens
//! (Claire Martin's appointment), a leave and a reinstatement. The expected
//! timeline is in tests/data/scenario/README.md.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn scenario_db(dir: &Path) -> String {
    let db = dir.join("kb.db").display().to_string();
    ingest_scenario(&db, &[&scenario_data().join("articles.jsonl")], true);
    db
}

fn query(db: &str, args: &[&str]) -> Value {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--format", "json", "--db", db]);
    json(&run(&all))
}

/// (person, role, status, since, until) of each member.
fn roster(db: &str, org: &str, at: &str) -> Vec<(String, String, String, String, String)> {
    let r = query(db, &["roster", org, "--at", at]);
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    let mut m: Vec<_> = r["members"].as_array().unwrap().iter().map(|m| (s(&m["person"]), s(&m["role"]), s(&m["status"]), s(&m["since"]), s(&m["until"]))).collect();
    m.sort();
    m
}

fn row(p: &str, r: &str, st: &str, since: &str, until: &str) -> (String, String, String, String, String) {
    (p.into(), r.into(), st.into(), since.into(), until.into())
}

#[test]
fn rosters_on_several_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = scenario_db(dir.path());
    // Girard has run Contoso since 2017 (a held fact): on the roster before any change about him.
    assert_eq!(
        roster(&db, "Contoso", "2022-10-01"),
        [row("Jean Dupont", "chair", "active", "2022-08-31", ""), row("Léa Moreau", "head", "active", "2021-10-01", ""), row("Paul R. Girard", "ceo", "active", "2017", "")]
    );
    // Between his removal (2023-05-08) and his reinstatement (2023-05-19); Moreau left in January.
    assert_eq!(roster(&db, "Contoso", "2023-05-12"), [row("Jean Dupont", "chair", "active", "2022-08-31", "")]);
    assert_eq!(roster(&db, "Contoso", "2024-08-01"), [row("Jean Dupont", "chair", "active", "2022-08-31", ""), row("Paul R. Girard", "ceo", "active", "2017", "")]);
    // The announcement of June 2022 is not yet a change; Dupont leaves at the end of August.
    assert_eq!(roster(&db, "Fabrikam", "2022-07-01"), Vec::<(String, String, String, String, String)>::new());
    assert_eq!(
        roster(&db, "Fabrikam", "2024-03-01"),
        [row("Claire Martin", "ceo", "active", "2022-09-01", ""), row("Sophie Bernard", "cto", "on_leave", "2023-04-03", "2024-06-30")]
    );
    assert_eq!(roster(&db, "Fabrikam", "2024-08-01")[1], row("Sophie Bernard", "cto", "active", "2023-04-03", ""));
    // "Northwind" (alias file) is Northwind Traders; the contradiction resolves to the precise date.
    assert_eq!(
        roster(&db, "Northwind", "2023-06-01"),
        [row("Léa Moreau", "", "active", "2023-01-17", ""), row("Marc Lefebvre", "cto", "active", "2020-03-02", "")]
    );
}

fn tenures(c: &Value) -> Vec<(String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("").to_string();
    c["tenures"].as_array().unwrap().iter().map(|t| (s(&t["org"]), s(&t["role"]), s(&t["start"]), s(&t["end"]))).collect()
}

fn t(o: &str, r: &str, s: &str, e: &str) -> (String, String, String, String) {
    (o.into(), r.into(), s.into(), e.into())
}

#[test]
fn careers_merge_reports_and_keep_contradictions() {
    let dir = tempfile::tempdir().unwrap();
    let db = scenario_db(dir.path());
    // "Facebook" in the article is Meta.
    let moreau = query(&db, &["person", "Moreau"]);
    assert_eq!(moreau["person"], "Léa Moreau");
    assert_eq!(
        tenures(&moreau),
        [t("Meta", "", "", "2021-10-01"), t("Contoso", "head", "2021-10-01", "2023-01-17"), t("Northwind Traders", "", "2023-01-17", "")]
    );

    let dupont = query(&db, &["person", "Jean Dupont"]);
    assert_eq!(tenures(&dupont), [t("Fabrikam", "ceo", "", "2022-08-31"), t("Contoso", "chair", "2022-08-31", "")]);
    let changes = dupont["changes"].as_array().unwrap();
    let docs = |c: &Value| -> Vec<String> { c["sources"].as_array().unwrap().iter().map(|s| s["doc"].as_str().unwrap().to_string()).collect() };
    // One start at Contoso, reported in English and in French.
    let contoso: Vec<&Value> = changes.iter().filter(|c| c["org"] == "Contoso" && c["type"] == "start").collect();
    assert_eq!(contoso.len(), 1, "{changes:#?}");
    assert_eq!(docs(contoso[0]), ["s04-en-fabrikam-martin-ceo", "s05-fr-contoso-dupont"]);
    // The planned departure and the actual one are one change, the actual date.
    let left: Vec<&Value> = changes.iter().filter(|c| c["org"] == "Fabrikam" && c["type"] == "end").collect();
    assert_eq!(left.len(), 1);
    assert_eq!((left[0]["date"].as_str(), left[0]["status"].as_str()), (Some("2022-08-31"), Some("actual")));
    assert!(left[0]["sources"].as_array().unwrap().iter().any(|s| s["status"] == "planned"), "the announcement is a source");

    // Two reports disagree on when Lefebvre joined: both kept, the precise one preferred.
    let lefebvre = query(&db, &["person", "Lefebvre"]);
    let starts: Vec<&Value> = lefebvre["changes"].as_array().unwrap().iter().filter(|c| c["type"] == "start" && c["org"] == "Northwind Traders").collect();
    assert_eq!(starts.len(), 2, "{starts:#?}");
    let preferred: Vec<&&Value> = starts.iter().filter(|c| c["preferred"] == true).collect();
    assert_eq!(preferred.len(), 1);
    assert_eq!(preferred[0]["date"], "2020-03-02");
    assert!(preferred[0]["reason"].as_str().unwrap().contains("more precise date"));
    let other = starts.iter().find(|c| c["preferred"] == false).unwrap();
    assert_eq!((other["date"].as_str(), docs(other)), (Some("2021"), vec!["s02-en-northwind-profile".to_string()]));

    // The surname-plus-initial name and the plain one are one person.
    let girard = query(&db, &["person", "Paul Girard"]);
    assert_eq!(girard["person"], "Paul R. Girard");
    assert_eq!(tenures(&girard), [t("Contoso", "ceo", "2017", "")]);
}

fn flows(db: &str) -> Vec<(String, String, Vec<String>)> {
    let f = query(db, &["flows"]);
    let mut out: Vec<_> = f["flows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["from"].as_str().unwrap().to_string(), f["to"].as_str().unwrap().to_string(), f["people"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect()))
        .collect();
    out.sort();
    out
}

fn flow(a: &str, b: &str, p: &str) -> (String, String, Vec<String>) {
    (a.into(), b.into(), vec![p.into()])
}

#[test]
fn flows_between_resolved_organizations() {
    let dir = tempfile::tempdir().unwrap();
    let db = scenario_db(dir.path());
    assert_eq!(
        flows(&db),
        [
            flow("Contoso", "Northwind Traders", "Léa Moreau"),
            flow("Fabrikam", "Contoso", "Jean Dupont"),
            flow("Meta", "Contoso", "Léa Moreau"),
            flow("Tailspin Toys", "Fabrikam", "Sophie Bernard"),
            flow("Tailspin Toys", "Northwind Traders", "Marc Lefebvre"),
        ]
    );
}

/// The timeline as text: the CSV export and the entity list.
fn dump(db: &str) -> String {
    let csv = run(&["export", "--format", "csv", "--db", db]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let entities = run(&["entities", "--format", "json", "--db", db]);
    stdout(&csv) + &stdout(&entities)
}

#[test]
fn reingesting_in_another_order_gives_the_same_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let db = scenario_db(dir.path());
    let before = dump(&db);
    // One file per article, ingested one at a time in a shuffled order.
    let text = std::fs::read_to_string(scenario_data().join("articles.jsonl")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let order = [7, 2, 11, 0, 9, 4, 1, 10, 5, 3, 8, 6];
    assert_eq!(order.len(), lines.len());
    let other = dir.path().join("other.db").display().to_string();
    for i in order {
        let p = dir.path().join(format!("a{i}.jsonl"));
        std::fs::write(&p, lines[i]).unwrap();
        ingest_scenario(&other, &[&p], i == 7);
    }
    assert_eq!(dump(&other), before);
    // Ingesting everything again changes nothing.
    ingest_scenario(&db, &[&scenario_data().join("articles.jsonl")], true);
    assert_eq!(dump(&db), before);
}

#[test]
fn corrections_survive_reingestion() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.db").display().to_string();
    let articles = scenario_data().join("articles.jsonl");
    let (part1, part2) = scenario_in_two_parts(dir.path());
    ingest_scenario(&db, &[&part1], false);
    // Without the alias file, Northwind is another organization.
    assert!(flows(&db).contains(&flow("Contoso", "Northwind", "Léa Moreau")));
    let o = run(&["merge", "Northwind Traders", "Northwind", "--db", &db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["split", "Facebook", "--db", &db]);
    assert!(o.status.success(), "{}", stderr(&o));
    let check = |db: &str| {
        let f = flows(db);
        assert!(f.contains(&flow("Contoso", "Northwind Traders", "Léa Moreau")), "{f:?}");
        assert!(f.contains(&flow("Facebook", "Contoso", "Léa Moreau")), "{f:?}");
        let e = query(db, &["entities", "northwind", "--kind", "org"]);
        assert_eq!(e.as_array().unwrap().len(), 1, "{e}");
        assert_eq!(e[0]["aliases"], serde_json::json!(["Northwind"]));
    };
    check(&db);
    // New articles, and the old ones again: the corrections hold.
    ingest_scenario(&db, &[&part2, &articles], false);
    check(&db);
    // Undoing: splitting the merged name again.
    let o = run(&["split", "Northwind", "--kind", "org", "--db", &db]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(flows(&db).contains(&flow("Contoso", "Northwind", "Léa Moreau")));
    let o = run(&["merge", "Nobody", "Contoso", "--db", &db]);
    assert!(!o.status.success(), "merging an unknown name fails");
}

#[test]
fn exports_validate() {
    let dir = tempfile::tempdir().unwrap();
    let db = scenario_db(dir.path());
    let export = |format: &str| {
        let o = run(&["export", "--format", format, "--db", &db]);
        assert!(o.status.success(), "{}", stderr(&o));
        stdout(&o)
    };

    let ld: Value = serde_json::from_str(&export("jsonld")).expect("JSON-LD is JSON");
    assert_eq!(ld["@context"], "https://schema.org");
    let graph = ld["@graph"].as_array().unwrap();
    let martin = graph.iter().find(|n| n["@type"] == "Person" && n["name"] == "Claire Martin").expect("Claire Martin");
    let role = &martin["memberOf"][0];
    assert_eq!((role["@type"].as_str(), role["roleName"].as_str(), role["startDate"].as_str()), (Some("OrganizationRole"), Some("ceo"), Some("2022-09-01")));
    let org_id = role["memberOf"]["@id"].as_str().unwrap();
    assert!(graph.iter().any(|n| n["@id"] == org_id && n["@type"] == "Organization" && n["name"] == "Fabrikam"));
    assert_eq!(role["subjectOf"].as_array().unwrap().len(), 2, "two articles report it");

    let graphml = export("graphml");
    let doc = roxmltree::Document::parse(&graphml).expect("GraphML is XML");
    let nodes: Vec<&str> = doc.descendants().filter(|n| n.has_tag_name("node")).map(|n| n.attribute("id").unwrap()).collect();
    let edges: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("edge")).collect();
    assert_eq!(edges.len(), flows(&db).len(), "one edge per flow");
    assert_eq!(edges.len(), 5);
    for e in &edges {
        assert!(nodes.contains(&e.attribute("source").unwrap()) && nodes.contains(&e.attribute("target").unwrap()));
    }

    let csv_text = export("csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(header[..3], ["record", "person", "org"]);
    assert!(records.iter().all(|r| r.len() == header.len()));
    let contradicted = records.iter().find(|r| &r[0] == "change" && &r[1] == "Marc Lefebvre" && &r[9] == "false").expect("the contradicted report is exported");
    assert!(contradicted[10].starts_with("contradicted"), "{contradicted:?}");
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    for r in &records {
        writer.write_record(r).unwrap();
    }
    assert_eq!(String::from_utf8(writer.into_inner().unwrap()).unwrap(), csv_text, "CSV round-trips");

    let qs = export("quickstatements");
    let line = qs.lines().find(|l| l.starts_with("{Claire Martin}\tP39\t{role:ceo}")).expect("position held");
    assert!(line.contains("\tP642\t{Fabrikam}\tP580\t+2022-09-01T00:00:00Z/11"), "{line}");
    assert!(line.contains("\tS1683\t"), "with its source: {line}");
    let removed = qs.lines().find(|l| l.starts_with("{Jean Dupont}\tP108\t{Fabrikam}")).unwrap();
    assert!(removed.contains("P582\t+2022-08-31T00:00:00Z/11"), "{removed}");
}
