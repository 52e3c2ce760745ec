//! The streaming pipeline behind `extract`, `ingest` and `eval`: one thread
//! reads the inputs, N workers extract the documents, and the caller's thread
//! gets the results back in input order.
//!
//! Extraction is the slow part and each document is independent, so it runs
//! on every core; but output and the database want one writer and the order
//! of the inputs (stable output, and the first copy of a story is the one
//! stored). Each document gets a sequence number; results wait in a small
//! reorder buffer until their turn. The reader only reads, decompresses and
//! splits: a page's HTML is parsed by the worker that extracts it
//! ([`Pending::finish`]), since on two cores a reader that also parsed got
//! half a core and held every worker back.
//!
//! Memory stays bounded whatever the input size: the reader takes a credit
//! for each document it sends and the consumer gives it back once the
//! document is written, so at most [`Pipeline::window`] documents are
//! anywhere between reading and writing, the reorder buffer included. The
//! channels are bounded as well, by the same window.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError, SyncSender};
use std::time::Duration;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, Result};
use tenure_extract::{Extraction, Extractor, Input, Lang, PartialDate};
use tenure_kb::Fingerprint;
use tenure_sources::{Document, Pending, ReadControl};

use crate::cli::InputArgs;
use crate::progress::Progress;

// Workers share the extractor by reference across threads.
const _: () = {
    const fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<Extractor>()
};

/// How long the consumer waits for a document before it calls the idle hook.
pub const IDLE: Duration = Duration::from_millis(200);

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

/// A document with its extraction, as the consumer receives it.
pub struct Extracted {
    pub doc: Document,
    pub extraction: Extraction,
    /// Present when [`Pipeline::fingerprints`] asked for it.
    pub fingerprint: Option<Fingerprint>,
}

/// How documents go through: threads, fingerprints, progress.
pub struct Pipeline<'a> {
    pub extractor: &'a Extractor,
    pub threads: NonZeroUsize,
    /// Compute text fingerprints on the workers (for the store), not on the
    /// single consumer thread.
    pub fingerprints: bool,
    pub progress: &'a Progress,
}

/// What a worker made of one input.
struct Outcome {
    /// Printed, in order, before the result.
    warnings: Vec<String>,
    /// Err: a problem with this input, worded for the user.
    result: Result<Extracted, String>,
}

impl Pipeline<'_> {
    /// One thread, no progress: for callers that want the plain loop.
    pub fn serial<'a>(extractor: &'a Extractor, progress: &'a Progress) -> Pipeline<'a> {
        Pipeline { extractor, threads: NonZeroUsize::MIN, fingerprints: false, progress }
    }

    /// The number of documents in flight at most: enough to keep every
    /// worker busy while a long document holds back the ones after it, or
    /// while the writer waits on the disk (at 8 a worker, they stood idle a
    /// tenth of an ingest). A news page is tens of kilobytes: a few
    /// megabytes in flight.
    pub fn window(&self) -> usize {
        64 * self.threads.get()
    }

    /// Reads the inputs, extracts each document and calls `each` with them
    /// in input order, on this thread. Problems are reported on stderr (through
    /// the progress bar) and skipped.
    /// Returns (documents processed, problems).
    ///
    /// # Errors
    /// Bad `--lang`/`--date` flags, or the first error `each` returns; the
    /// reading then stops.
    pub fn run(&self, args: &InputArgs, each: &mut dyn FnMut(Extracted) -> Result<()>) -> Result<(usize, usize)> {
        self.run_with_idle(args, each, &mut || Ok(()))
    }

    /// [`Pipeline::run`], calling `idle` each time no document has come back
    /// for [`IDLE`]: a writer commits then, rather than hold its transaction
    /// through a pause in the input.
    ///
    /// # Errors
    /// As [`Pipeline::run`], and the first error `idle` returns.
    pub fn run_with_idle(&self, args: &InputArgs, each: &mut dyn FnMut(Extracted) -> Result<()>, idle: &mut dyn FnMut() -> Result<()>) -> Result<(usize, usize)> {
        let defaults = Defaults::from_args(args)?;
        let control = ReadControl::default();
        let window = self.window();
        let (credit_tx, credit_rx) = sync_channel::<()>(window);
        for _ in 0..window {
            credit_tx.send(()).expect("the channel has room for the whole window");
        }
        let (doc_tx, doc_rx) = sync_channel::<(u64, Pending)>(window);
        // std's receivers are single-consumer: the workers take turns on it.
        let doc_rx = Arc::new(Mutex::new(doc_rx));
        let (out_tx, out_rx) = sync_channel::<(u64, Outcome)>(window);
        std::thread::scope(|scope| {
            let control = &control;
            scope.spawn(move || read(&args.paths, control, credit_rx, doc_tx));
            for _ in 0..self.threads.get() {
                let (doc_rx, out_tx, defaults) = (Arc::clone(&doc_rx), out_tx.clone(), &defaults);
                scope.spawn(move || self.work(defaults, &doc_rx, &out_tx));
            }
            drop((out_tx, doc_rx));
            let consumed = self.consume(out_rx, credit_tx, control, each, idle);
            // Dropping the channels above ends the workers; this ends the reader.
            control.stop();
            consumed
        })
    }

    /// A worker: extracts documents until the reader is done or the consumer
    /// has gone.
    fn work(&self, defaults: &Defaults, docs: &Mutex<Receiver<(u64, Pending)>>, out: &SyncSender<(u64, Outcome)>) {
        loop {
            let next = docs.lock().unwrap_or_else(PoisonError::into_inner).recv();
            let Ok((seq, item)) = next else { return };
            if out.send((seq, self.extract(defaults, item))).is_err() {
                return;
            }
        }
    }

    fn extract(&self, defaults: &Defaults, pending: Pending) -> Outcome {
        let mut warnings = Vec::new();
        // A page's text is extracted here, on a worker, not by the reader.
        let mut doc = match pending.finish() {
            Ok(d) => d,
            Err(e) => return Outcome { warnings, result: Err(e.to_string()) },
        };
        warnings.append(&mut doc.notes);
        if doc.text.len() > tenure_extract::MAX_TEXT_BYTES {
            warnings.push(format!(
                "{}: text of {:.1} MB, only the first {} MiB are read",
                doc.origin,
                doc.text.len() as f64 / 1e6,
                tenure_extract::MAX_TEXT_BYTES >> 20
            ));
        }
        let lang = match doc.lang.as_deref().map(str::parse::<Lang>) {
            Some(Ok(l)) => Some(l),
            Some(Err(e)) => return Outcome { warnings, result: Err(format!("{}: {e}; skipped", doc.origin)) },
            None => defaults.lang,
        };
        let published = match doc.published.as_deref() {
            Some(p) => match PartialDate::parse(p) {
                Some(d) if d.ordinal_start() > today().ordinal_start() + 1 => {
                    warnings.push(format!("{}: publication date {p} is in the future; relative dates are read against it", doc.origin));
                    Some(d)
                }
                Some(d) => Some(d),
                None => {
                    warnings.push(format!("{}: unreadable publication date {p:?}, ignored", doc.origin));
                    defaults.published
                }
            },
            None => defaults.published,
        };
        let input = Input { id: &doc.id, text: &doc.text, lang, published };
        // A bug on one odd document should cost that document, not the run.
        let extracted = match catch_unwind(AssertUnwindSafe(|| self.extractor.extract(&input))) {
            Ok(Ok(x)) => x,
            Ok(Err(e)) => return Outcome { warnings, result: Err(format!("{}: {e}", doc.origin)) },
            Err(_) => return Outcome { warnings, result: Err(format!("{}: the extractor failed on this document (a bug); skipped", doc.origin)) },
        };
        let fingerprint = self.fingerprints.then(|| Fingerprint::of(&doc.text));
        Outcome { warnings, result: Ok(Extracted { doc, extraction: extracted, fingerprint }) }
    }

    /// Puts the outcomes back in input order and hands each to `each`,
    /// returning a credit to the reader for each one done.
    fn consume(
        &self,
        outcomes: Receiver<(u64, Outcome)>,
        credits: SyncSender<()>,
        control: &ReadControl,
        each: &mut dyn FnMut(Extracted) -> Result<()>,
        idle: &mut dyn FnMut() -> Result<()>,
    ) -> Result<(usize, usize)> {
        let (mut done, mut problems) = (0, 0);
        let mut waiting: BTreeMap<u64, Outcome> = BTreeMap::new();
        let mut next = 0u64;
        loop {
            let (seq, outcome) = match outcomes.recv_timeout(IDLE) {
                Ok(received) => received,
                Err(RecvTimeoutError::Timeout) => {
                    idle()?;
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => break,
            };
            waiting.insert(seq, outcome);
            assert!(waiting.len() <= self.window(), "the reader sent more than its credits");
            while let Some(outcome) = waiting.remove(&next) {
                next += 1;
                for w in &outcome.warnings {
                    self.progress.warn(w);
                }
                match outcome.result {
                    Ok(x) => {
                        done += 1;
                        each(x)?;
                    }
                    Err(problem) => {
                        self.progress.warn(&problem);
                        problems += 1;
                    }
                }
                self.progress.update(done, control.bytes_read());
                // Never blocks: the reader holds the credit this returns.
                let _ = credits.try_send(());
            }
        }
        debug_assert!(waiting.is_empty(), "every document read comes back");
        Ok((done, problems))
    }
}

/// Today (UTC), to tell a publication date in the future.
fn today() -> PartialDate {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    PartialDate::day(1970, 1, 1).expect("a valid date").add_days((secs / 86_400) as i64)
}

/// The reader: every input in order, one credit per item sent.
fn read(paths: &[PathBuf], control: &ReadControl, credits: Receiver<()>, docs: SyncSender<(u64, Pending)>) {
    let mut seq = 0u64;
    tenure_sources::read_inputs_pending(paths, control, &mut |item| {
        if control.stopped() {
            return;
        }
        if credits.recv().is_err() || docs.send((seq, item)).is_err() {
            // The consumer has stopped: read no further.
            control.stop();
            return;
        }
        seq += 1;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(paths: Vec<PathBuf>) -> InputArgs {
        InputArgs { paths, lang: Some("fr".into()), date: Some("2024-05-02".into()) }
    }

    /// A JSONL file of `n` short French documents, every seventh one broken.
    fn corpus(dir: &std::path::Path, n: usize) -> PathBuf {
        let mut lines = String::new();
        for i in 0..n {
            if i % 7 == 3 {
                lines.push_str("{not json\n");
            } else {
                lines.push_str(&format!("{{\"id\": \"d{i}\", \"text\": \"Claire Martin{i} quitte Fabrikam pour rejoindre Contoso, a annoncé mardi le groupe.\"}}\n"));
            }
        }
        let p = dir.join("docs.jsonl");
        std::fs::write(&p, lines).unwrap();
        p
    }

    #[test]
    fn results_come_back_in_input_order_whatever_the_threads() {
        let dir = tempfile::tempdir().unwrap();
        let path = corpus(dir.path(), 60);
        let extractor = Extractor::new().unwrap();
        let progress = Progress::hidden();
        for threads in [1, 2, 5] {
            let pipeline = Pipeline { extractor: &extractor, threads: NonZeroUsize::new(threads).unwrap(), fingerprints: true, progress: &progress };
            let mut ids = Vec::new();
            let (done, problems) = pipeline
                .run(&args(vec![path.clone()]), &mut |x| {
                    assert!(x.fingerprint.is_some());
                    ids.push(x.doc.id);
                    Ok(())
                })
                .unwrap();
            let expected: Vec<String> = (0..60).filter(|i| i % 7 != 3).map(|i| format!("d{i}")).collect();
            assert_eq!(ids, expected, "{threads} threads");
            assert_eq!((done, problems), (expected.len(), 60 - expected.len()));
        }
    }

    #[test]
    fn an_error_from_the_consumer_stops_everything() {
        let dir = tempfile::tempdir().unwrap();
        let path = corpus(dir.path(), 200);
        let extractor = Extractor::new().unwrap();
        let progress = Progress::hidden();
        let pipeline = Pipeline { extractor: &extractor, threads: NonZeroUsize::new(3).unwrap(), fingerprints: false, progress: &progress };
        let mut seen = 0;
        let err = pipeline
            .run(&args(vec![path]), &mut |_| {
                seen += 1;
                anyhow::ensure!(seen < 5, "disk full");
                Ok(())
            })
            .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(seen, 5, "nothing is handed over after the error");
    }

    #[test]
    fn a_small_window_still_delivers_everything_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = corpus(dir.path(), 300);
        let extractor = Extractor::new().unwrap();
        let progress = Progress::hidden();
        let pipeline = Pipeline { extractor: &extractor, threads: NonZeroUsize::new(2).unwrap(), fingerprints: false, progress: &progress };
        // `consume` asserts that the reorder buffer never outgrows the window.
        assert!(pipeline.window() < 300, "credits are given back and taken again");
        let mut last = None;
        pipeline
            .run(&args(vec![path]), &mut |x| {
                let n: usize = x.doc.id[1..].parse().unwrap();
                assert!(last.is_none_or(|l| n > l));
                last = Some(n);
                Ok(())
            })
            .unwrap();
        assert_eq!(last, Some(299));
    }
}
