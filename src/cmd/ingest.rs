//! `tenure ingest`: extract and store, several documents per transaction
//! (each document still all or nothing: see `tenure_kb::batch`).

use std::cell::RefCell;
use std::path::Path;

use anyhow::{Context, Result};
use tenure_extract::Extractor;
use tenure_kb::{BatchLimits, DocumentRecord, IngestOutcome, Store};

use crate::cli::{InputArgs, RunArgs};
use crate::output;
use crate::pipeline::Pipeline;
use crate::progress::Progress;

/// Counts of what an ingest did.
#[derive(Default, Debug)]
pub struct Summary {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Copies of a stored story under another id: recorded as its sources.
    pub duplicates: usize,
    /// Lightly edited copies of a stored story: recorded as its sources.
    pub near_duplicates: usize,
    pub events: usize,
    pub problems: usize,
}

pub fn run(args: &InputArgs, db: &Path, aliases: Option<&Path>, run: &RunArgs) -> Result<i32> {
    let extractor = Extractor::new()?;
    let mut store = Store::open(db)?;
    if let Some(path) = aliases {
        let text = std::fs::read_to_string(path).with_context(|| format!("alias file {}", path.display()))?;
        store.add_aliases(&text)?;
    }
    let progress = Progress::new(!run.quiet, tenure_sources::input_size(&args.paths));
    let pipeline = Pipeline { extractor: &extractor, threads: run.threads(), fingerprints: true, progress: &progress };
    let ingested = ingest(args, &pipeline, &mut store);
    progress.finish();
    let s = ingested?;
    // Entities of the new names, with the user's corrections replayed.
    store.resolve()?;
    // The stored tenures of what changed, so that the next query need not.
    store.ensure_tenures()?;
    if !run.quiet {
        output::note(&format!(
            "{}: {} added, {} updated, {} unchanged, {} duplicates, {} near-duplicates, {} events stored, {} problems",
            db.display(),
            s.added,
            s.updated,
            s.unchanged,
            s.duplicates,
            s.near_duplicates,
            s.events,
            s.problems
        ));
    }
    let stored_or_known = s.added + s.updated + s.unchanged + s.duplicates + s.near_duplicates;
    Ok(if stored_or_known == 0 && s.problems > 0 { 1 } else { 0 })
}

pub fn ingest(args: &InputArgs, pipeline: &Pipeline, store: &mut Store) -> Result<Summary> {
    let mut s = Summary::default();
    let batch = RefCell::new(store.batch(BatchLimits::default()));
    let each = &mut |x: crate::pipeline::Extracted| {
        let (doc, x, fingerprint) = (x.doc, x.extraction, x.fingerprint);
        let record = DocumentRecord {
            lang: Some(x.lang.code().to_string()),
            published: x.published.map(|p| p.to_string()),
            published_inferred: x.published_inferred,
            fingerprint,
            doc_id: doc.id,
            text: doc.text,
            title: doc.title,
            url: doc.url,
            origin: Some(doc.origin.clone()),
        };
        match batch.borrow_mut().ingest(&record, &x.events).with_context(|| format!("{}: not stored", doc.origin))? {
            IngestOutcome::Added(n) => {
                s.added += 1;
                s.events += n;
            }
            IngestOutcome::Updated(n) => {
                s.updated += 1;
                s.events += n;
            }
            IngestOutcome::Unchanged => s.unchanged += 1,
            IngestOutcome::Duplicate { .. } => s.duplicates += 1,
            IngestOutcome::NearDuplicate { .. } => s.near_duplicates += 1,
        }
        Ok(())
    };
    // A pause in the input (a slow document, standard input) commits what is
    // written, for queries to see it and other writers to go on.
    let idle = &mut || batch.borrow_mut().commit().context("commit");
    let (_, problems) = pipeline.run_with_idle(args, each, idle)?;
    batch.into_inner().finish().context("commit")?;
    s.problems = problems;
    Ok(s)
}
