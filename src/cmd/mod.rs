//! One module a command; each returns the process exit code.

mod demo;
mod eval;
mod extract;
mod ingest;
mod query;

use std::path::PathBuf;

use anyhow::{Context, Result};
use tenure_extract::{Extraction, Extractor, Input, Lang, PartialDate};
use tenure_sources::Document;

use crate::cli::{Cli, Command, DbArg, InputArgs};
use crate::output;

pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Extract { input, format } => extract::run(&input, format),
        Command::Ingest { input, db, quiet } => ingest::run(&input, &db_path(&db)?, quiet),
        Command::Roster { org, at, db, format } => query::roster(&db_path(&db)?, &org, at.as_deref(), format),
        Command::Person { name, db, format } => query::person(&db_path(&db)?, &name, format),
        Command::Flows { from, to, since, until, db, format } => {
            query::flows(&db_path(&db)?, tenure_kb::FlowFilter { from, to, since, until }, format)
        }
        Command::Events { org, person, kind, since, db, format } => {
            query::events(&db_path(&db)?, tenure_kb::EventFilter { org, person, kind, since }, format)
        }
        Command::Eval { gold, docs, pred, verbose, json } => eval::run(&gold, &docs, pred.as_deref(), verbose, json),
        Command::Demo => demo::run(),
    }
}

/// `--db`, `TENURE_DB`, or `tenure.db` in the user's data directory.
fn db_path(arg: &DbArg) -> Result<PathBuf> {
    if let Some(p) = &arg.db {
        return Ok(p.clone());
    }
    let dir = dirs::data_dir().context("no data directory for the default database; pass --db or set TENURE_DB")?;
    Ok(dir.join("tenure").join("tenure.db"))
}

/// What the flags say about every input.
pub struct Defaults {
    lang: Option<Lang>,
    published: Option<PartialDate>,
}

impl Defaults {
    pub fn from_args(args: &InputArgs) -> Result<Defaults> {
        let lang = args.lang.as_deref().map(str::parse::<Lang>).transpose().map_err(anyhow::Error::msg)?;
        let published = match args.date.as_deref() {
            Some(d) => Some(PartialDate::parse(d).with_context(|| format!("--date {d:?}: expected YYYY-MM-DD, YYYY-MM or YYYY"))?),
            None => None,
        };
        Ok(Defaults { lang, published })
    }
}

/// Reads the inputs and extracts each document, calling `each` with the
/// document and its extraction. Problems are reported on stderr and skipped.
/// Returns (documents processed, problems).
pub fn extract_inputs(args: &InputArgs, extractor: &Extractor, each: &mut dyn FnMut(&Document, &Extraction) -> Result<()>) -> Result<(usize, usize)> {
    let defaults = Defaults::from_args(args)?;
    let (mut done, mut problems) = (0, 0);
    let mut failure: Option<anyhow::Error> = None;
    tenure_sources::read_inputs(&args.paths, &mut |item| {
        if failure.is_some() {
            return;
        }
        let doc = match item {
            Ok(d) => d,
            Err(e) => {
                output::warn(&e.to_string());
                problems += 1;
                return;
            }
        };
        let lang = match doc.lang.as_deref().map(str::parse::<Lang>) {
            Some(Ok(l)) => Some(l),
            Some(Err(e)) => {
                output::warn(&format!("{}: {e}; skipped", doc.origin));
                problems += 1;
                return;
            }
            None => defaults.lang,
        };
        let published = match doc.published.as_deref() {
            Some(p) => match PartialDate::parse(p) {
                Some(d) => Some(d),
                None => {
                    output::warn(&format!("{}: unreadable publication date {p:?}, ignored", doc.origin));
                    defaults.published
                }
            },
            None => defaults.published,
        };
        match extractor.extract(&Input { id: &doc.id, text: &doc.text, lang, published }) {
            Ok(x) => {
                done += 1;
                if let Err(e) = each(&doc, &x) {
                    failure = Some(e);
                }
            }
            Err(e) => {
                output::warn(&format!("{}: {e}", doc.origin));
                problems += 1;
            }
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    Ok((done, problems))
}
