//! `tenure extract`: events to stdout, as a table, JSON Lines or JSON.

use std::io::{BufWriter, IsTerminal, Write};

use anyhow::Result;
use comfy_table::{presets::UTF8_FULL_CONDENSED, Table};
use tenure_extract::{Event, Extractor};

use crate::cli::{ExtractFormat, InputArgs, RunArgs};
use crate::pipeline::Pipeline;
use crate::progress::Progress;

pub fn run(args: &InputArgs, format: ExtractFormat, run: &RunArgs) -> Result<i32> {
    let extractor = Extractor::new()?;
    let stdout = std::io::stdout();
    // Events printed to the terminal the bar is drawn on would tear it; the
    // bar is for runs whose output goes to a file or a pipe.
    let progress = Progress::new(!run.quiet && !stdout.is_terminal(), tenure_sources::input_size(&args.paths));
    let pipeline = Pipeline { extractor: &extractor, threads: run.threads(), fingerprints: false, progress: &progress };
    let mut out = BufWriter::new(stdout.lock());
    let mut all: Vec<Event> = Vec::new();
    let processed = pipeline.run(args, &mut |x| {
        let x = x.extraction;
        match format {
            ExtractFormat::Jsonl => {
                for e in &x.events {
                    serde_json::to_writer(&mut out, e)?;
                    out.write_all(b"\n")?;
                }
            }
            _ => all.extend(x.events),
        }
        Ok(())
    });
    progress.finish();
    let (done, problems) = processed?;
    match format {
        ExtractFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &all)?;
            out.write_all(b"\n")?;
        }
        ExtractFormat::Text => {
            writeln!(out, "{}", table(&all))?;
        }
        ExtractFormat::Jsonl => {}
    }
    out.flush()?;
    Ok(if done == 0 && problems > 0 { 1 } else { 0 })
}

fn table(events: &[Event]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED);
    t.set_header(["doc", "type", "person", "role", "org", "date", "manner", "status", "evidence"]);
    for e in events {
        let evidence: String = e.evidence.text.chars().take(70).collect();
        t.add_row([
            e.doc.as_str(),
            e.kind.as_str(),
            e.person.as_deref().unwrap_or("—"),
            e.role.as_deref().unwrap_or(""),
            &with_unit(e),
            e.date.as_deref().unwrap_or(""),
            e.manner.as_deref().unwrap_or(""),
            e.status.as_str(),
            &evidence,
        ]);
    }
    t
}

fn with_unit(e: &Event) -> String {
    let mut s = e.org.clone();
    if let Some(u) = &e.unit {
        s.push_str(&format!(" / {u}"));
    }
    if let Some(c) = &e.counterpart {
        s.push_str(&format!(" ({} {c})", if e.kind == tenure_extract::EventType::End { "→" } else { "←" }));
    }
    s
}
