//! One module a command; each returns the process exit code.

mod check;
mod demo;
mod entities;
mod export;
mod eval;
mod extract;
mod ingest;
mod query;

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cli::{Cli, Command, DbArg};

pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Extract { input, format, run } => extract::run(&input, format, &run),
        Command::Ingest { input, db, aliases, run } => ingest::run(&input, &db_path(&db)?, aliases.as_deref(), &run),
        Command::Roster { org, at, db, format } => query::roster(&db_path(&db)?, &org, at.as_deref(), format),
        Command::Person { name, db, format } => query::person(&db_path(&db)?, &name, format),
        Command::Flows { from, to, since, until, limit, db, format } => {
            query::flows(&db_path(&db)?, tenure_kb::FlowFilter { from, to, since, until, limit: None }, limit, format)
        }
        Command::Events { org, person, kind, since, limit, db, format } => {
            query::events(&db_path(&db)?, tenure_kb::EventFilter { org, person, kind, since, limit: None }, limit, format)
        }
        Command::Eval { gold, docs, pred, verbose, json } => eval::run(&gold, &docs, pred.as_deref(), verbose, json),
        Command::Demo => demo::run(),
        Command::Entities { query, kind, db, format } => entities::list(&db_path(&db)?, kind, query.as_deref(), format),
        Command::Merge { a, b, kind, db } => entities::merge(&db_path(&db)?, kind, &a, &b),
        Command::Split { name, kind, db } => entities::split(&db_path(&db)?, kind, &name),
        Command::Export { format, output, db } => export::run(&db_path(&db)?, format, output.as_deref()),
        Command::Check { db, format } => check::run(&db_path(&db)?, format),
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
