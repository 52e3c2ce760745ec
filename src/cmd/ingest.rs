//! `tenure ingest`: extract and store, one transaction per document.

use std::path::Path;

use anyhow::{Context, Result};
use tenure_extract::Extractor;
use tenure_kb::{DocumentRecord, IngestOutcome, Store};

use crate::cli::InputArgs;
use crate::output;

/// Counts of what an ingest did.
#[derive(Default, Debug)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub events: usize,
    pub problems: usize,
}

pub fn run(args: &InputArgs, db: &Path, quiet: bool) -> Result<i32> {
    let extractor = Extractor::new()?;
    let mut store = Store::open(db)?;
    let s = ingest(args, &extractor, &mut store)?;
    if !quiet {
        output::note(&format!(
            "{}: {} added, {} updated, {} unchanged, {} events stored, {} problems",
            db.display(),
            s.added,
            s.updated,
            s.unchanged,
            s.events,
            s.problems
        ));
    }
    Ok(if s.added + s.updated + s.unchanged == 0 && s.problems > 0 { 1 } else { 0 })
}

pub fn ingest(args: &InputArgs, extractor: &Extractor, store: &mut Store) -> Result<Summary> {
    let mut s = Summary::default();
    let (_, problems) = super::extract_inputs(args, extractor, &mut |doc, x| {
        let record = DocumentRecord {
            doc_id: doc.id.clone(),
            text: doc.text.clone(),
            lang: Some(x.lang.code().to_string()),
            published: x.published.map(|p| p.to_string()),
            published_inferred: x.published_inferred,
            title: doc.title.clone(),
            url: doc.url.clone(),
            origin: Some(doc.origin.clone()),
        };
        match store.ingest(&record, &x.events).with_context(|| format!("{}: not stored", doc.origin))? {
            IngestOutcome::Added(n) => {
                s.added += 1;
                s.events += n;
            }
            IngestOutcome::Updated(n) => {
                s.updated += 1;
                s.events += n;
            }
            IngestOutcome::Unchanged => s.unchanged += 1,
        }
        Ok(())
    })?;
    s.problems = problems;
    Ok(s)
}
