//! # tenure-kb
//!
//! The knowledge base: events extracted from articles, stored with their
//! provenance, resolved to entities, and projected into tenures that answer
//! questions.
//!
//! - [`resolution`]: the keys under which names meet, and which names are one entity;
//! - [`entities`]: resolution over the store, and the user's merges and splits;
//! - [`store`]: the SQLite database (documents, entities, the event log);
//! - [`batch`]: many documents per transaction, each still all or nothing;
//! - [`projection`]: tenures replayed from the event log;
//! - [`tenures`]: the projection stored for rosters and flows, kept up to date with the log;
//! - [`query`]: rosters, careers, flows and the event feed;
//! - [`export`]: the timeline as JSON-LD, CSV, GraphML or QuickStatements.
//! - [`check`]: integrity of the database and of the event log.

pub mod batch;
pub mod check;
mod checkpoint;
pub mod entities;
pub mod export;
pub mod projection;
pub mod query;
pub mod resolution;
pub mod store;
pub mod tenures;

pub use batch::{Batch, BatchLimits};
pub use check::{Finding, Report};
pub use query::{Career, DocumentInfo, EventFilter, Flow, FlowFilter, Roster, RosterMember, StoredEvent, TenureRow, Timeline};
pub use entities::EntityRow;
pub use projection::{Change, Source, Tenure};
pub use store::{DocumentRecord, Fingerprint, IngestOutcome, SourceRecord, Store};

/// What can go wrong with the knowledge base.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    #[error("database {path}: {source}")]
    Open { path: String, source: rusqlite::Error },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("invalid date {0:?} (expected YYYY, YYYY-MM or YYYY-MM-DD)")]
    BadDate(String),
    #[error("database {path}: schema version {version}, newer than this tenure knows ({known}): upgrade tenure")]
    NewerSchema { path: String, version: i64, known: i64 },
    #[error("{0:?} names both a person and an organization: say which with --kind")]
    Ambiguous(String),
    #[error("{0}")]
    Correction(String),
    #[error("export: {0}")]
    Export(String),
    #[error("no {kind} named {name:?} in the knowledge base")]
    NotFound { kind: &'static str, name: String },
}

pub type Result<T, E = KbError> = std::result::Result<T, E>;
