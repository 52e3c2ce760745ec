//! # tenure-fuzz-lite
//!
//! The fuzz targets of tenure, in one place: the extractor on any bytes, and
//! each reader of `tenure-sources` (plain text, JSON Lines, HTML, RSS/Atom,
//! WARC plain or gzipped) on any bytes. The cargo-fuzz targets in `fuzz/`
//! call [`run`]; so does the `tenure-fuzz-lite` binary, a mutation fuzzer
//! that needs no nightly toolchain, and the regression test that replays
//! every input that once crashed.
//!
//! [`run`] lets panics through: a fuzzer must see them.

pub mod mutate;
pub mod seeds;

use std::sync::OnceLock;

use tenure_extract::{Extractor, Input, Lang, PartialDate};
use tenure_sources::Format;

/// What a fuzz target exercises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Extract,
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
}

impl Target {
    pub const ALL: [Target; 6] = [Target::Extract, Target::Text, Target::Jsonl, Target::Html, Target::Feed, Target::Warc];

    pub fn name(self) -> &'static str {
        match self {
            Target::Extract => "extract",
            Target::Text => "text",
            Target::Jsonl => "jsonl",
            Target::Html => "html",
            Target::Feed => "feed",
            Target::Warc => "warc",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    fn format(self) -> Option<Format> {
        match self {
            Target::Extract => None,
            Target::Text => Some(Format::Text),
            Target::Jsonl => Some(Format::Jsonl),
            Target::Html => Some(Format::Html),
            Target::Feed => Some(Format::Feed),
            Target::Warc => Some(Format::Warc),
        }
    }
}

/// The extractor, built once per process (it compiles every language's
/// resources).
pub fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new().expect("the embedded resources load"))
}

/// Runs `target` on `bytes` and returns a small signature of what came out
/// (documents, events, kinds of problem), which the mutation fuzzer uses to
/// keep inputs that behave differently from those it has.
///
/// # Panics
/// Whenever the code under test panics: that is the bug a fuzzer looks for.
pub fn run(target: Target, bytes: &[u8]) -> u64 {
    let mut sig = Signature::default();
    match target.format() {
        None => {
            let text = String::from_utf8_lossy(bytes);
            let published = PartialDate::parse("2024-08-06");
            for lang in Lang::ALL.into_iter().map(Some).chain([None]) {
                for published in [published, None] {
                    match extractor().extract(&Input { id: "fuzz", text: &text, lang, published }) {
                        Ok(x) => {
                            sig.add(x.events.len().min(8) as u64);
                            for e in &x.events {
                                sig.add(e.kind as u64 + 100);
                                sig.add(e.status as u64 + 200);
                            }
                        }
                        Err(e) => sig.add(discriminant_of(&e.to_string())),
                    }
                }
            }
        }
        Some(format) => tenure_sources::read_bytes(bytes, Some(format), "fuzz", &mut |item| match item {
            Ok(doc) => {
                assert!(!doc.text.trim().is_empty(), "a document without text came out");
                sig.add(1 + u64::from(doc.lang.is_some()) + 2 * u64::from(doc.published.is_some()) + 4 * u64::from(doc.url.is_some()));
            }
            Err(e) => sig.add(discriminant_of(&e.to_string())),
        }),
    }
    sig.0
}

/// A hash of a message with its digits left out: "record 3: truncated: 10
/// of 20 bytes" and "record 4: truncated: 1 of 9 bytes" are one behaviour.
fn discriminant_of(message: &str) -> u64 {
    fnv(message.bytes().filter(|b| !b.is_ascii_digit()).take(48))
}

#[derive(Default)]
struct Signature(u64);

impl Signature {
    fn add(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(0x100000001b3).rotate_left(5);
    }
}

/// FNV-1a.
pub fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf29ce484222325, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}
