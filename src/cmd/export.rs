//! `tenure export`: the resolved timeline for other tools.

use std::path::Path;

use anyhow::{Context, Result};
use tenure_kb::export;

use super::query::open;
use crate::cli::ExportFormat;

pub fn run(db: &Path, format: ExportFormat, output: Option<&Path>) -> Result<i32> {
    let timeline = open(db)?.timeline()?;
    let text = match format {
        ExportFormat::Jsonld => export::jsonld(&timeline),
        ExportFormat::Csv => export::csv(&timeline)?,
        ExportFormat::Graphml => export::graphml(&timeline),
        ExportFormat::Quickstatements => export::quickstatements(&timeline),
    };
    match output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(0)
}
