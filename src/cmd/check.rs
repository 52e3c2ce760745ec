//! `tenure check`: verifies the database and the event log (see
//! `tenure_kb::check`), prints what is wrong, and exits 1 when anything is.

use std::path::Path;

use anyhow::{bail, Result};

use crate::cli::QueryFormat;

pub fn run(db: &Path, format: QueryFormat) -> Result<i32> {
    // Checking must not create the database it was asked to check.
    if !db.exists() {
        bail!("no database at {} (pass --db)", db.display());
    }
    let store = tenure_kb::Store::open(db)?;
    let report = store.check()?;
    match format {
        QueryFormat::Json => {
            let value = serde_json::json!({
                "db": db.display().to_string(),
                "ok": report.is_clean(),
                "documents": report.documents,
                "events": report.events,
                "entities": report.entities,
                "findings": report.findings,
            });
            println!("{}", serde_json::to_string_pretty(&value)?);
        }
        QueryFormat::Text => {
            for finding in &report.findings {
                println!("{}: {}", finding.check, finding.message);
            }
            let verdict = if report.is_clean() { "ok".to_string() } else { format!("{} problems", report.findings.len()) };
            println!("{}: {} documents, {} events, {} entities: {verdict}", db.display(), report.documents, report.events, report.entities);
        }
    }
    Ok(if report.is_clean() { 0 } else { 1 })
}
