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

/// `n` short invented news articles as JSON Lines, built from templates
/// (French and English, varied names, companies, roles and dates), the same
/// for the same `seed`. Ids are `{prefix}-{i}`.
pub fn batch(prefix: &str, n: usize, seed: u64) -> String {
    const FIRST: [&str; 16] = ["Claire", "Jean", "Amina", "Paul", "Sofia", "Marc", "Lena", "Hugo", "Nadia", "Omar", "Julie", "Karim", "Emma", "Louis", "Ines", "Victor"];
    const LAST: [&str; 16] = ["Martin", "Durand", "Benali", "Moreau", "Rossi", "Lefebvre", "Garnier", "Fontaine", "Chevalier", "Roux", "Blanchard", "Mercier", "Perrin", "Morel", "Girard", "Lambert"];
    const ORG_A: [&str; 8] = ["Fabrikam", "Contoso", "Northwind", "Tailspin", "Litware", "Proseware", "Adatum", "Fourth Coffee"];
    const ORG_B: [&str; 6] = ["", " Systems", " Energie", " Bank", " Robotics", " Media"];
    const ROLES_FR: [&str; 5] = ["directrice générale", "directeur financier", "directrice technique", "président", "directeur des ressources humaines"];
    const ROLES_EN: [&str; 5] = ["chief executive", "chief financial officer", "chief technology officer", "chairman", "head of research"];
    const MONTHS_FR: [&str; 12] = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    const MONTHS_EN: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    const FILLER_FR: [&str; 4] = [
        "Le groupe a publié des résultats en hausse au dernier trimestre.",
        "Les syndicats ont demandé des garanties sur l'emploi.",
        "L'action a peu réagi à l'annonce à la Bourse de Paris.",
        "Le conseil d'administration a salué une transition préparée de longue date.",
    ];
    const FILLER_EN: [&str; 4] = [
        "Shares were little changed in early trading.",
        "The company reported higher quarterly revenue last month.",
        "Analysts said the move had been expected for some time.",
        "The board thanked the outgoing executive for years of service.",
    ];
    let mut state = seed.wrapping_mul(0x9E3779B97F4A7C15) | 1;
    let mut pick = move |k: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % k as u64) as usize
    };
    let mut out = String::new();
    for i in 0..n {
        let person = format!("{} {}", FIRST[pick(16)], LAST[pick(16)]);
        let other = format!("{} {}", FIRST[pick(16)], LAST[pick(16)]);
        let from = format!("{}{}", ORG_A[pick(8)], ORG_B[pick(6)]);
        let to = format!("{}{}", ORG_A[pick(8)], ORG_B[pick(6)]);
        let (year, month, day) = (2015 + pick(10), pick(12), 1 + pick(28));
        let (text, lang) = if i % 3 == 2 {
            let role = ROLES_EN[pick(5)];
            let text = format!(
                "{to} named {person} as its {role} on {} {day}, {year}. {person} joins {to} from {from}, where {} spent {} years. {other} will stay on as an adviser. {} {} (report {i})",
                MONTHS_EN[month],
                ["she", "he"][pick(2)],
                2 + pick(20),
                FILLER_EN[pick(4)],
                FILLER_EN[pick(4)],
            );
            (text, "en")
        } else {
            let role = ROLES_FR[pick(5)];
            let text = format!(
                "{person} quitte {from} pour rejoindre {to} au poste de {role}, a annoncé le groupe le {day} {} {year}. {other} assurera l'intérim. {} {} (dépêche {i})",
                MONTHS_FR[month],
                FILLER_FR[pick(4)],
                FILLER_FR[pick(4)],
            );
            (text, "fr")
        };
        let published = format!("{year}-{:02}-{:02}", month + 1, day);
        let doc = serde_json::json!({ "id": format!("{prefix}-{i}"), "text": text, "lang": lang, "published": published });
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    out
}

/// Everything a database holds, as sorted lines of text: documents, copies,
/// entities and events (by name, not by row id), for comparing two databases.
pub fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut lines = Vec::new();
    let queries = [
        "SELECT 'doc', doc_id, content_hash, coalesce(lang, ''), coalesce(published, ''), text_hash, simhash FROM documents",
        "SELECT 'copy', s.doc_id, d.doc_id, s.kind, s.distance, '', '' FROM document_sources s JOIN documents d ON d.id = s.document_id",
        "SELECT 'entity', kind, name, key, '', '', '' FROM entities",
        "SELECT 'event', d.doc_id, ev.seq, ev.type || ' ' || coalesce(p.name, '-') || ' ' || o.name || ' ' || coalesce(ev.role, '-') || ' ' || coalesce(ev.date, '-') || ' ' || ev.status,
                coalesce(c.name, '-'), ev.evidence_start || '..' || ev.evidence_end, ev.confidence
         FROM events ev JOIN documents d ON d.id = ev.document_id JOIN entities o ON o.id = ev.org_id
         LEFT JOIN entities p ON p.id = ev.person_id LEFT JOIN entities c ON c.id = ev.counterpart_id",
    ];
    for q in queries {
        let mut stmt = conn.prepare(q).unwrap();
        let rows = stmt
            .query_map([], |r| {
                let cols: Vec<String> = (0..7).map(|i| r.get::<_, rusqlite::types::Value>(i).map(|v| format!("{v:?}"))).collect::<Result<_, _>>()?;
                Ok(cols.join("\t"))
            })
            .unwrap();
        lines.extend(rows.map(Result::unwrap));
    }
    lines.sort();
    lines
}

/// (documents, copies, entities, events) in a database.
pub fn counts(db: &Path) -> (i64, i64, i64, i64) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let one = |t: &str| conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0)).unwrap();
    (one("documents"), one("document_sources"), one("entities"), one("events"))
}

/// The scenario's invented articles and alias file (`tests/data/scenario`).
pub fn scenario_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scenario")
}

/// `tenure ingest --quiet` into `db`, with the scenario's alias file when asked.
pub fn ingest_scenario(db: &str, paths: &[&Path], aliases: bool) {
    let mut args: Vec<String> = vec!["ingest".into(), "--quiet".into(), "--db".into(), db.into()];
    if aliases {
        args.extend(["--aliases".into(), scenario_data().join("aliases.tsv").display().to_string()]);
    }
    args.extend(paths.iter().map(|p| p.display().to_string()));
    let o = tenure().args(&args).output().unwrap();
    assert!(o.status.success(), "tenure {args:?}: {}", stderr(&o));
}

/// The scenario's articles in two files under `dir`: all but the twelfth, and
/// the twelfth (which names Northwind Traders), to ingest one after the other.
pub fn scenario_in_two_parts(dir: &Path) -> (PathBuf, PathBuf) {
    let text = std::fs::read_to_string(scenario_data().join("articles.jsonl")).unwrap();
    let (first, rest): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| !l.contains("s12-en"));
    let (part1, part2) = (dir.join("part1.jsonl"), dir.join("part2.jsonl"));
    std::fs::write(&part1, first.join("\n")).unwrap();
    std::fs::write(&part2, rest.join("\n")).unwrap();
    (part1, part2)
}
