//! `tenure entities | merge | split`: see and correct entity resolution.
//! Corrections are stored in the database and replayed after every ingest.

use std::path::Path;

use anyhow::Result;
use tenure_kb::resolution::EntityKind;

use super::query::{open, print_json, table};
use crate::cli::{EntityKindArg, QueryFormat};

fn kind(k: EntityKindArg) -> EntityKind {
    match k {
        EntityKindArg::Person => EntityKind::Person,
        EntityKindArg::Org => EntityKind::Org,
    }
}

pub fn list(db: &Path, k: Option<EntityKindArg>, query: Option<&str>, format: QueryFormat) -> Result<i32> {
    let rows = open(db)?.entities(k.map(kind), query)?;
    match format {
        QueryFormat::Json => print_json(&rows),
        QueryFormat::Text => {
            let mut t = table(&["kind", "name", "other names", "events"]);
            for r in &rows {
                t.add_row([r.kind, r.name.as_str(), &r.aliases.join(", "), &r.events.to_string()]);
            }
            println!("{t}");
            Ok(0)
        }
    }
}

pub fn merge(db: &Path, k: Option<EntityKindArg>, a: &str, b: &str) -> Result<i32> {
    let store = open(db)?;
    let k = match k {
        Some(k) => kind(k),
        None => store.kind_of(&[a, b])?,
    };
    let name = store.merge(k, a, b)?;
    crate::output::note(&format!("{b:?} is now part of {name:?}"));
    Ok(0)
}

pub fn split(db: &Path, k: Option<EntityKindArg>, name: &str) -> Result<i32> {
    let store = open(db)?;
    let k = match k {
        Some(k) => kind(k),
        None => store.kind_of(&[name])?,
    };
    store.split(k, name)?;
    crate::output::note(&format!("{name:?} stands alone"));
    Ok(0)
}
