//! Commands and flags: one place, from which `--help` is generated.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(name = "tenure", version, about = "Reads the news and keeps a sourced timeline of who holds which role where.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// A table for a person to read.
    Text,
    /// One event a line, the interchange format of shared/spec/events.md.
    Jsonl,
    /// One JSON array of events.
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EntityKindArg {
    Person,
    Org,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// schema.org Person, Organization and OrganizationRole.
    Jsonld,
    /// Tenures and changes, one row each.
    Csv,
    /// Talent flows between organizations, for Gephi.
    Graphml,
    /// Wikidata statements (position held, employer) with qualifiers and references.
    Quickstatements,
}

#[derive(clap::Args, Debug)]
pub struct InputArgs {
    /// Files (.txt: one article; .jsonl: one document a line; .html; .rss/.atom: one per item; .warc/.warc.gz: one per HTML page; others sniffed), directories, or - for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Language of every input (fr, en, de, es), instead of detecting it.
    #[arg(long)]
    pub lang: Option<String>,
    /// Publication date of inputs that give none (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub date: Option<String>,
}

/// How `extract` and `ingest` run.
#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// Extraction threads (default: the number of cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<std::num::NonZeroUsize>,
    /// No progress bar (it is shown only when stderr is a terminal anyway).
    #[arg(long, short)]
    pub quiet: bool,
}

impl RunArgs {
    pub fn threads(&self) -> std::num::NonZeroUsize {
        self.threads.or_else(|| std::thread::available_parallelism().ok()).unwrap_or(std::num::NonZeroUsize::MIN)
    }
}

#[derive(clap::Args, Debug)]
pub struct DbArg {
    /// SQLite database (default: tenure.db in the user's data directory).
    #[arg(long, env = "TENURE_DB")]
    pub db: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Extract leadership events from articles and print them.
    Extract {
        #[command(flatten)]
        input: InputArgs,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Extract events from articles and store them in the knowledge base.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArg,
        /// Alias file: one entity a line, `canonical<TAB>alias[|alias…]`; kept in the database.
        #[arg(long, env = "TENURE_ALIASES", value_name = "FILE")]
        aliases: Option<PathBuf>,
        /// Threads, and --quiet: no progress bar and no summary.
        #[command(flatten)]
        run: RunArgs,
    },
    /// Who holds a position at an organization on a date.
    Roster {
        org: String,
        /// The date (default: today).
        #[arg(long)]
        at: Option<String>,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// A person's career: tenures and the events behind them.
    Person {
        name: String,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// People who left one organization for another.
    Flows {
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        since: Option<String>,
        #[arg(long)]
        until: Option<String>,
        /// Show at most this many flows, the largest first; 0: all.
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// The event feed, with the sentence that states each event.
    Events {
        #[arg(long)]
        org: Option<String>,
        #[arg(long)]
        person: Option<String>,
        /// start, end, absence, return, dissolution or held.
        #[arg(long = "type")]
        kind: Option<String>,
        #[arg(long)]
        since: Option<String>,
        /// Show at most this many events, the newest; 0: all.
        #[arg(long, default_value_t = 1000)]
        limit: usize,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// Score the extractor on annotated articles (same figures as shared/eval/score.py).
    Eval {
        /// Gold annotations: one {"doc", "events": [...]} a line.
        #[arg(long)]
        gold: PathBuf,
        /// The annotated documents (JSON Lines), extracted here.
        #[arg(long)]
        docs: PathBuf,
        /// Score these predictions (JSON Lines events) instead of extracting.
        #[arg(long)]
        pred: Option<PathBuf>,
        /// List every miss, false positive and wrong attribute.
        #[arg(long)]
        verbose: bool,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Ingest the example articles into a temporary database and show what tenure answers.
    Demo,
    /// Persons and organizations, each with the other names resolved to it.
    Entities {
        /// Only names containing this (case and accents aside).
        query: Option<String>,
        #[arg(long, value_enum)]
        kind: Option<EntityKindArg>,
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// Verify the database and its event log; exit 1 when something is wrong.
    Check {
        #[command(flatten)]
        db: DbArg,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// Make B part of A's entity (A keeps its name); kept across re-ingestion.
    Merge {
        a: String,
        b: String,
        #[arg(long, value_enum)]
        kind: Option<EntityKindArg>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Take a name out of the entity it was resolved into; kept across re-ingestion.
    Split {
        name: String,
        #[arg(long, value_enum)]
        kind: Option<EntityKindArg>,
        #[command(flatten)]
        db: DbArg,
    },
    /// The resolved timeline, with sources, for other tools.
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DbArg,
    },
}
