//! `tenure demo`: the example articles, ingested into a temporary database,
//! and three answers. Needs no network and never touches the user's database.

use anyhow::Result;
use tenure_extract::Extractor;
use tenure_kb::{FlowFilter, Store};

use crate::cli::InputArgs;
use crate::pipeline::Pipeline;
use crate::progress::Progress;

/// The example articles shipped with tenure (see examples/articles/README.md).
const ARTICLES: &str = include_str!("../../examples/articles/demo.jsonl");

pub fn run() -> Result<i32> {
    let dir = tempfile::tempdir()?;
    let articles = dir.path().join("demo.jsonl");
    std::fs::write(&articles, ARTICLES)?;
    let db = dir.path().join("demo.db");
    let extractor = Extractor::new()?;
    let mut store = Store::open(&db)?;
    let args = InputArgs { paths: vec![articles.clone()], lang: None, date: None };
    let s = super::ingest::ingest(&args, &Pipeline::serial(&extractor, &Progress::hidden()), &mut store)?;
    println!("Ingested {} example articles (French and English): {} events.\n", s.added, s.events);

    let at = tenure_kb::query::parse_date("2025-06-30")?;
    println!("== Who leads Nordlys Robotics on 2025-06-30 ==");
    super::query::print_roster(&store.roster("Nordlys Robotics", at)?);
    println!("\n== The career of Hélène Carrau ==");
    super::query::print_career(&store.career("Hélène Carrau")?);
    println!("\n== Talent flows between organizations ==");
    super::query::print_flows(&store.flows(&FlowFilter::default())?);
    println!(
        "\nTo do the same with your own articles (.txt, or .jsonl with id, text, published):\n  \
         tenure ingest my-articles/ --db news.db\n  \
         tenure roster \"Some Company\" --at 2024-09-01 --db news.db\n  \
         tenure person \"Some Name\" --db news.db\n  \
         tenure flows --db news.db"
    );
    Ok(0)
}
