//! # tenure-extract
//!
//! Finds who joined, left, was ousted, went on leave or came back, in which
//! role, when, where they went, and the sentence that says so, in news text in
//! French, English, German and Spanish.
//!
//! The engine is language-neutral; what it knows of each language is in
//! `resources/<lang>/` (titles, verbs of change, date words, grammar cues).
//! The pipeline of one article:
//!
//! 1. [`tokenize`]: tokens and sentences with offsets into the original text;
//! 2. [`analysis`]: mentions of persons, organizations, titles, units, dates
//!    and the pronouns that refer back to them;
//! 3. [`engine`]: verbs of change with their arguments, status and dates;
//! 4. output as [`Event`]s, in the interchange format of `shared/spec/events.md`.
//!
//! ```
//! use tenure_extract::{Extractor, Input, PartialDate};
//! let extractor = Extractor::new().unwrap();
//! let text = "Claire Martin quitte Fabrikam pour rejoindre Contoso.";
//! let out = extractor.extract(&Input { id: "a", text, lang: None, published: PartialDate::parse("2024-05-02") }).unwrap();
//! assert!(out.events.iter().any(|e| e.person.as_deref() == Some("Claire Martin") && e.org == "Fabrikam"));
//! ```

pub mod analysis;
pub mod date;
pub mod engine;
pub mod event;
pub mod fold;
pub mod fxhash;
pub mod lang;
pub mod phrase;
pub mod resources;
pub mod score;
pub mod timex;
pub mod tokenize;
pub mod wordset;

use std::collections::HashMap;

pub use date::PartialDate;
pub use event::{Event, EventType, Evidence, Status, ROLE_CODES};
pub use lang::Lang;
pub use resources::ResourceError;

use analysis::Analysis;
use resources::{Common, Language};

/// An article to read.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub id: &'a str,
    pub text: &'a str,
    /// Detected from the text when absent.
    pub lang: Option<Lang>,
    /// Inferred from the text when absent.
    pub published: Option<PartialDate>,
}

/// What one article gave.
#[derive(Clone, Debug)]
pub struct Extraction {
    pub lang: Lang,
    pub published: Option<PartialDate>,
    /// The publication date was not given but read from the text.
    pub published_inferred: bool,
    pub events: Vec<Event>,
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("document {doc:?}: the text is empty")]
    Empty { doc: String },
    #[error("document {doc:?}: language not recognised (supported: fr, en, de, es); pass it with --lang or a \"lang\" field")]
    UnknownLanguage { doc: String },
}

/// Articles in, events out. Built once (it compiles the resources of every
/// language), then shared freely between threads.
pub struct Extractor {
    languages: HashMap<Lang, Language>,
    common: Common,
}

/// Articles longer than this are read up to here: no news story is longer,
/// and it bounds the work on a runaway input.
pub const MAX_TEXT_BYTES: usize = 2 << 20;

impl Extractor {
    /// Loads the embedded resources of all languages.
    ///
    /// # Errors
    /// A resource file that does not parse or names an unknown type, manner or role code.
    pub fn new() -> Result<Self, ResourceError> {
        let common = Common::load();
        let mut languages = HashMap::new();
        for lang in Lang::ALL {
            languages.insert(lang, Language::load(lang, &common)?);
        }
        Ok(Extractor { languages, common })
    }

    /// The compiled resources of a language.
    pub fn language(&self, lang: Lang) -> &Language {
        &self.languages[&lang]
    }

    /// Whether enough of the words of `text` are function words of `lang`:
    /// the detector always answers one of the four languages, even for Finnish.
    /// When the sample is the whole text, its tokens are left in `keep` for
    /// the extraction that follows.
    fn sounds_like(&self, text: &str, lang: Lang, keep: &mut Option<Vec<tokenize::Token>>) -> bool {
        let language = &self.languages[&lang];
        let sample = truncate(text, 20_000);
        let toks = tokenize::tokenize(sample, &language.rules);
        let (mut words, mut function_words) = (0, 0);
        for t in toks.iter().filter(|t| t.is_word()) {
            words += 1;
            function_words += usize::from(language.stopwords.contains(&t.folded));
        }
        if sample.len() == text.len() {
            *keep = Some(toks);
        }
        words < 4 || function_words * 10 >= words
    }

    /// Extracts the events of one article.
    ///
    /// # Errors
    /// An empty text, or a language that is neither given nor recognised.
    pub fn extract(&self, input: &Input) -> Result<Extraction, ExtractError> {
        let text = truncate(input.text, MAX_TEXT_BYTES);
        if text.trim().is_empty() {
            return Err(ExtractError::Empty { doc: input.id.to_string() });
        }
        let mut toks = None;
        let lang = match input.lang {
            Some(l) => l,
            None => Lang::detect(text).filter(|l| self.sounds_like(text, *l, &mut toks)).ok_or_else(|| ExtractError::UnknownLanguage { doc: input.id.to_string() })?,
        };
        let language = &self.languages[&lang];
        // One tokenization serves the date inference and the analysis.
        let toks = toks.unwrap_or_else(|| tokenize::tokenize(text, &language.rules));
        let (published, inferred) = match input.published {
            Some(p) => (Some(p), false),
            None => match infer_published(&toks, language) {
                Some(p) => (Some(p), true),
                None => (None, false),
            },
        };
        let an = Analysis::from_tokens(text, toks, language, &self.common, published);
        let drafts = engine::extract(&an);
        let offsets = CharOffsets::new(text);
        let events = drafts
            .into_iter()
            .map(|d| {
                let (start, end) = evidence_span(&an, &d);
                let evidence = Evidence { start: offsets.char_at(start), end: offsets.char_at(end), text: text[start..end].to_string() };
                Event {
                    doc: input.id.to_string(),
                    kind: d.kind,
                    person: d.person.map(|p| an.persons[p].name.clone()),
                    org: d.org.unwrap_or_default(),
                    unit: d.unit,
                    role: d.role,
                    role_text: d.role_text,
                    date: d.date.map(|x| x.to_string()),
                    until: d.until.map(|x| x.to_string()),
                    counterpart: d.counterpart,
                    manner: Some(d.manner),
                    status: d.status,
                    evidence,
                    confidence: d.confidence,
                    published_inferred: published.filter(|_| inferred).map(|p| p.to_string()),
                }
            })
            .collect();
        Ok(Extraction { lang, published, published_inferred: inferred, events })
    }
}

/// Longest evidence, in bytes, before it narrows from the sentence to the
/// words around the person.
const MAX_EVIDENCE_BYTES: usize = 1_000;

/// The sentence that states an event; in a sentence longer than
/// [`MAX_EVIDENCE_BYTES`] (a list of thousands of names), the whole tokens
/// within half that length of the person's mention, so that the output grows
/// with the events and not with events × sentence length.
fn evidence_span(an: &Analysis, d: &engine::Draft) -> (usize, usize) {
    let sent = &an.sents[d.sentence];
    if sent.end - sent.start <= MAX_EVIDENCE_BYTES {
        return (sent.start, sent.end);
    }
    let first_mention = |p: usize| {
        let own = an.person_mentions.get(&p)?;
        let m = &an.mentions[*own.get(own.partition_point(|&i| an.mentions[i].start < sent.tokens.start))?];
        sent.tokens.contains(&m.start).then_some(m.start)
    };
    let anchor = d.person.and_then(first_mention).map_or(sent.start, |t| an.toks[t].start);
    let from = anchor.saturating_sub(MAX_EVIDENCE_BYTES / 2).max(sent.start);
    let to = (from + MAX_EVIDENCE_BYTES).min(sent.end);
    let toks = &an.toks[sent.tokens.clone()];
    let first = toks.get(toks.partition_point(|t| t.start < from)).map_or(sent.start, |t| t.start);
    let last = toks.partition_point(|t| t.end <= to).checked_sub(1).map_or(sent.end, |i| toks[i].end);
    (first, last.max(first))
}

/// The latest full date written in the text ("6 août 2024"), as the
/// publication date of an article that does not give one.
fn infer_published(toks: &[tokenize::Token], language: &Language) -> Option<PartialDate> {
    (0..toks.len())
        .filter_map(|i| timex::timex_at(language, toks, i, None, false))
        .filter_map(|t| t.date)
        .filter(|d| d.day.is_some())
        .max()
}

fn truncate(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Byte offsets to character offsets, for the spec's evidence spans.
struct CharOffsets<'a> {
    /// Byte offset of every 64th character.
    marks: Vec<usize>,
    text: &'a str,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets { marks: text.char_indices().step_by(64).map(|(b, _)| b).collect(), text }
    }

    fn char_at(&self, byte: usize) -> usize {
        let block = self.marks.partition_point(|&b| b <= byte).saturating_sub(1);
        let from = self.marks.get(block).copied().unwrap_or(0);
        block * 64 + self.text[from..byte.min(self.text.len())].chars().count()
    }
}
