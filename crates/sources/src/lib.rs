//! # tenure-sources
//!
//! Reads what users point tenure at and hands out documents of decoded text:
//! plain text files (one document each, its id the file name), JSON Lines
//! files of documents (`{"id", "text", "lang"?, "published"?, "title"?, "url"?}`),
//! HTML pages ([`html`]), RSS and Atom feeds ([`feed`], one document per item),
//! WARC crawls, plain or gzipped ([`warc`], one document per HTML response),
//! directories (recursively, in name order) and standard input.
//!
//! A directory's walk skips hidden files and its README (`README`,
//! `README.md`, `readme.txt`…): a folder of articles often carries one
//! saying what they are, and it is not news. Named on the command line, a
//! README is read like any file.
//!
//! The format comes from the file name's extension where it says one, else
//! from the first bytes ([`Format::sniff`]), so a saved page without an
//! extension or a crawl piped on stdin is still read as what it is.
//!
//! Bad input never stops the reading: each problem is reported as a
//! [`SourceError`] naming the file (and line or record), and the next input is
//! read.
//!
//! A caller that shows progress or may give up early (a failed database write
//! in the middle of a large crawl) reads through [`read_inputs_with`] and a
//! [`ReadControl`]: it counts the bytes read from files and standard input
//! (compressed bytes for gzip, to compare with [`input_size`]) and can stop
//! the reading from another thread.

pub mod date;
pub mod decode;
pub mod feed;
pub mod fingerprint;
pub mod html;
pub mod pending;
pub mod warc;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};


pub use decode::{decode, Decoded};
pub use pending::{Pending, UnparsedPage};

/// One article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Where it was read: a path, with `:line` for JSON Lines.
    pub origin: String,
    /// What was wrong with the input but did not stop it being read
    /// (invalid bytes replaced, a duplicate id), each naming the place.
    pub notes: Vec<String>,
}

/// A problem with one input; reading goes on with the next.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
    #[error("{path}: binary file, skipped")]
    Binary { path: String },
    #[error("{path}: empty file, skipped")]
    Empty { path: String },
    #[error("{path}:{line}: not a JSON document: {message}")]
    Json { path: String, line: usize, message: String },
    #[error("{path}:{line}: missing or empty field \"{field}\"")]
    MissingField { path: String, line: usize, field: &'static str },
    #[error("{path}:{line}: field \"{field}\" should be {expected}")]
    BadField { path: String, line: usize, field: &'static str, expected: &'static str },
    #[error("{path}:{line}: id {id:?} already used on line {first} of this file, skipped")]
    DuplicateId { path: String, line: usize, id: String, first: usize },
    /// A file in a format that is not read (gzip holding something other
    /// than a WARC).
    #[error("{path}: {what}, skipped")]
    Unsupported { path: String, what: &'static str },
    /// A page, feed item or crawled page with no text once markup is removed.
    #[error("{path}: no text, skipped")]
    NoText { path: String },
    #[error("{path}: not a readable feed: {message}")]
    Feed { path: String, message: String },
    /// A WARC record that could not be read; `record` counts from 1.
    #[error("{path}: WARC record {record}: {message}")]
    Warc { path: String, record: usize, message: String },
}

/// A document, or why one input gave none; with a note when the text needed
/// an encoding guess.
pub type Item = Result<Document, SourceError>;


/// Reads every input in order and passes each document (or problem) to `sink`.
/// `-` is standard input. Directories are walked recursively, in name order.
pub fn read_inputs(inputs: &[PathBuf], sink: &mut dyn FnMut(Item)) {
    read_inputs_with(inputs, &ReadControl::default(), sink);
}

/// [`read_inputs`], counting the bytes read into `control` and ending early
/// once [`ReadControl::stop`] is called: the input being read then looks
/// finished, and the caller, having given up, ignores what comes after.
pub fn read_inputs_with(inputs: &[PathBuf], control: &ReadControl, sink: &mut dyn FnMut(Item)) {
    read_inputs_pending(inputs, control, &mut |pending| sink(pending.finish()));
}

/// [`read_inputs_with`], leaving the costly part of reading HTML pages to
/// the caller ([`Pending::finish`], on any thread; see [`pending`]).
pub fn read_inputs_pending(inputs: &[PathBuf], control: &ReadControl, sink: &mut dyn FnMut(Pending)) {
    for input in inputs {
        if control.stopped() {
            return;
        }
        if input.as_os_str() == "-" {
            read_stdin(control, sink);
        } else {
            read_path(input, control, sink);
        }
    }
}

/// Progress of a reading and the switch that ends it; shared between the
/// reading thread and the threads that watch it.
#[derive(Debug, Default)]
pub struct ReadControl {
    bytes_read: AtomicU64,
    stop: AtomicBool,
}

impl ReadControl {
    /// Bytes read so far from files and standard input, as stored (before
    /// decompression).
    pub fn bytes_read(&self) -> u64 {
        self.bytes_read.load(Ordering::Relaxed)
    }

    /// Ends the reading: the reader sees the end of its current input and
    /// opens no other.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// A reader that counts into a [`ReadControl`] and ends when it is stopped.
struct Counted<'c, R> {
    inner: R,
    control: &'c ReadControl,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.control.stopped() {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.control.bytes_read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Total size in bytes of the files among `inputs` (directories walked as
/// [`read_inputs`] walks them), or `None` when standard input is one of
/// them. Inputs that cannot be read count for nothing: they will be
/// reported when read.
pub fn input_size(inputs: &[PathBuf]) -> Option<u64> {
    fn size(path: &Path) -> u64 {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => std::fs::read_dir(path)
                .map(|rd| rd.filter_map(|e| e.ok()).filter(|e| !skipped_in_walk(&e.path())).map(|e| size(&e.path())).sum())
                .unwrap_or(0),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    inputs.iter().map(|p| (p.as_os_str() != "-").then(|| size(p))).sum()
}

/// Whether a directory's walk leaves this entry out: hidden, or the
/// directory's README (see the module documentation).
fn skipped_in_walk(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let stem = name.split_once('.').map_or(name, |(stem, _)| stem);
    name.starts_with('.') || (stem.eq_ignore_ascii_case("readme") && path.is_file())
}

fn read_path(path: &Path, control: &ReadControl, sink: &mut dyn FnMut(Pending)) {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(source) => return sink(Err(SourceError::Io { path: shown, source }).into()),
    };
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(source) => return sink(Err(SourceError::Io { path: shown, source }).into()),
        };
        entries.sort();
        for e in entries {
            if control.stopped() {
                return;
            }
            if !skipped_in_walk(&e) {
                read_path(&e, control, sink);
            }
        }
        return;
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => return sink(Err(SourceError::Io { path: shown, source }).into()),
    };
    let id = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
    let by_name = path.file_name().and_then(|n| n.to_str()).and_then(Format::from_name);
    read_stream(Counted { inner: file, control }, by_name, id, &shown, sink);
}

/// What an input holds, and so how it is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
    /// Gzip: read as a WARC when the decompressed data is one.
    Gzip,
}

/// How many bytes are looked at to tell a format.
const SNIFF_LEN: u64 = 4096;

impl Format {
    /// The format a file name's extension names; `None` for `.xml`, `.gz`, no
    /// extension and unknown ones, which are sniffed.
    pub fn from_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".warc.gz") {
            return Some(Format::Gzip);
        }
        match lower.rsplit_once('.')?.1 {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "rss" | "atom" => Some(Format::Feed),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }

    /// The format the first bytes of an input show; [`Format::Text`] when
    /// none.
    pub fn sniff(head: &[u8]) -> Format {
        if head.starts_with(&[0x1f, 0x8b]) {
            Format::Gzip
        } else if warc::sniff(head) {
            Format::Warc
        } else if html::sniff(head) {
            Format::Html
        } else if feed::sniff(head) {
            Format::Feed
        } else {
            Format::Text
        }
    }
}

/// Reads one input whose format is `by_name` (from its extension) or sniffed.
/// Gzip magic wins over any name: a compressed crawl misnamed `.warc` is
/// still read.
fn read_stream(mut reader: impl Read, by_name: Option<Format>, id: String, shown: &str, sink: &mut dyn FnMut(Pending)) {
    let mut head = Vec::new();
    if let Err(source) = (&mut reader).take(SNIFF_LEN).read_to_end(&mut head) {
        return sink(Err(SourceError::Io { path: shown.into(), source }).into());
    }
    let sniffed = Format::sniff(&head);
    let format = if sniffed == Format::Gzip { sniffed } else { by_name.unwrap_or(sniffed) };
    let whole = BufReader::new(Cursor::new(head).chain(reader));
    match format {
        Format::Text => read_text(whole, id, shown, &mut |item| sink(item.into())),
        Format::Jsonl => read_jsonl(whole, shown, &mut |item| sink(item.into())),
        Format::Html => read_html(whole, id, shown, sink),
        Format::Feed => feed::read(whole, shown, &mut |item| sink(item.into())),
        Format::Warc => warc::read_pending(whole, shown, sink),
        Format::Gzip => read_gzip(whole, shown, sink),
    }
}

/// Reads `bytes` as one input named `shown`, as a file of that content would
/// be read: in `format`, or sniffed when `None`. For callers that hold the
/// bytes already (tests, fuzzing, an upload); the id of a single-document
/// input is `shown`.
pub fn read_bytes(bytes: &[u8], format: Option<Format>, shown: &str, sink: &mut dyn FnMut(Item)) {
    read_stream(bytes, format, shown.to_string(), shown, &mut |pending| sink(pending.finish()));
}

/// A gzip file: a WARC inside is streamed; anything else is not read.
fn read_gzip(reader: impl Read, shown: &str, sink: &mut dyn FnMut(Pending)) {
    let mut inner = flate2::read::MultiGzDecoder::new(reader);
    let mut head = Vec::new();
    if let Err(e) = (&mut inner).take(16).read_to_end(&mut head) {
        return sink(Err(SourceError::Warc { path: shown.into(), record: 1, message: format!("truncated or corrupt gzip: {e}") }).into());
    }
    if !warc::sniff(&head) {
        return sink(Err(SourceError::Unsupported { path: shown.into(), what: "gzip file that holds no WARC" }).into());
    }
    warc::read_pending(BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(inner)), shown, sink);
}

/// Standard input: sniffed like a file, JSON Lines when it starts with `{`.
fn read_stdin(control: &ReadControl, sink: &mut dyn FnMut(Pending)) {
    let mut stdin = io::stdin().lock();
    let first = match stdin.fill_buf() {
        Ok(buf) => buf.iter().find(|b| !b.is_ascii_whitespace()).copied(),
        Err(source) => return sink(Err(SourceError::Io { path: "<stdin>".into(), source }).into()),
    };
    let by_content = (first == Some(b'{')).then_some(Format::Jsonl);
    read_stream(Counted { inner: stdin, control }, by_content, "stdin".into(), "<stdin>", sink);
}

fn read_all(mut reader: impl Read, shown: &str) -> Result<Vec<u8>, SourceError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| SourceError::Io { path: shown.into(), source })?;
    Ok(bytes)
}

fn read_text(reader: impl Read, id: String, shown: &str, sink: &mut dyn FnMut(Item)) {
    let bytes = match read_all(reader, shown) {
        Ok(b) => b,
        Err(e) => return sink(Err(e)),
    };
    match decode(&bytes) {
        Decoded::Binary => sink(Err(SourceError::Binary { path: shown.into() })),
        Decoded::Text { text, .. } if text.trim().is_empty() => sink(Err(SourceError::Empty { path: shown.into() })),
        Decoded::Text { text, invalid, .. } => {
            let notes = invalid_note(shown, invalid).into_iter().collect();
            sink(Ok(Document { id, text, origin: shown.into(), notes, ..Document::default() }))
        }
    }
}

/// An HTML page: its main text, title, language, date and canonical URL,
/// extracted when the page is finished ([`UnparsedPage::parse`]).
fn read_html(reader: impl Read, id: String, shown: &str, sink: &mut dyn FnMut(Pending)) {
    let bytes = match read_all(reader, shown) {
        Ok(b) if b.iter().all(u8::is_ascii_whitespace) => return sink(Err(SourceError::Empty { path: shown.into() }).into()),
        Ok(b) => b,
        Err(e) => return sink(Err(e).into()),
    };
    sink(Pending::Page(UnparsedPage {
        bytes,
        transport_charset: None,
        id,
        url: None,
        fetched: None,
        origin: shown.into(),
        path: shown.into(),
        record: None,
    }));
}

/// The first markup in `head` once BOM, whitespace, XML declarations,
/// comments and non-HTML doctypes are skipped.
pub(crate) enum Markup<'a> {
    /// `<!doctype html>`.
    Doctype(&'a str),
    /// An element's start tag, with its name (`rss`, `rdf:RDF`, `html`).
    Element(&'a str),
}

pub(crate) fn first_markup(head: &[u8]) -> Option<Markup<'_>> {
    fn name_of(s: &[u8]) -> Option<&str> {
        let end = s.iter().position(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/')).unwrap_or(s.len());
        std::str::from_utf8(&s[..end]).ok()
    }
    let after = |s: &[u8], end: &[u8]| s.windows(end.len()).position(|w| w == end).map(|at| at + end.len());
    let mut s = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    loop {
        s = s.trim_ascii_start();
        if s.starts_with(b"<?") {
            s = &s[after(s, b"?>")?..];
        } else if s.starts_with(b"<!--") {
            s = &s[after(s, b"-->")?..];
        } else if s.get(..9).is_some_and(|d| d.eq_ignore_ascii_case(b"<!doctype")) {
            let name = name_of(s[9..].trim_ascii_start())?;
            if name.eq_ignore_ascii_case("html") {
                return Some(Markup::Doctype(name));
            }
            s = &s[after(s, b">")?..];
        } else if let Some(rest) = s.strip_prefix(b"<") {
            return name_of(rest).filter(|n| !n.is_empty()).map(Markup::Element);
        } else {
            return None;
        }
    }
}

/// A note for text in which invalid UTF-8 was replaced.
fn invalid_note(place: &str, invalid: usize) -> Option<String> {
    (invalid > 0).then(|| format!("{place}: {invalid} invalid UTF-8 sequences replaced by \u{FFFD}"))
}

/// JSON Lines: one document a line. A bad line is reported by number and
/// the next line read. An id seen earlier in the same file is reported and
/// the later document skipped: within one batch a second text under one id
/// is a mistake of the producer, not an update.
fn read_jsonl(reader: impl BufRead, shown: &str, sink: &mut dyn FnMut(Item)) {
    let mut any = false;
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (n, line) in reader.split(b'\n').enumerate() {
        let line_no = n + 1;
        let bytes = match line {
            Ok(b) => b,
            Err(source) => return sink(Err(SourceError::Io { path: format!("{shown}:{line_no}"), source })),
        };
        let (text, invalid) = match decode(&bytes) {
            Decoded::Text { text, invalid, .. } => (text, invalid),
            Decoded::Binary => {
                sink(Err(SourceError::Json { path: shown.into(), line: line_no, message: "binary data".into() }));
                continue;
            }
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        any = true;
        let mut item = parse_json_doc(text, shown, line_no);
        if let Ok(doc) = &mut item {
            if let Some(&first) = seen.get(&doc.id) {
                sink(Err(SourceError::DuplicateId { path: shown.into(), line: line_no, id: std::mem::take(&mut doc.id), first }));
                continue;
            }
            seen.insert(doc.id.clone(), line_no);
            doc.notes.extend(invalid_note(&doc.origin, invalid));
        }
        sink(item);
    }
    if !any {
        sink(Err(SourceError::Empty { path: shown.into() }));
    }
}

/// One line of JSON Lines. Fields are checked one by one, so that a message
/// names the field that is wrong; `null` is an absent field, and a number is
/// accepted where an id or a date is expected.
fn parse_json_doc(line: &str, shown: &str, line_no: usize) -> Item {
    use serde_json::Value;
    let json = |message: String| SourceError::Json { path: shown.into(), line: line_no, message };
    let value: Value = serde_json::from_str(line).map_err(|e| json(e.to_string()))?;
    let Value::Object(mut fields) = value else {
        return Err(json("not an object: expected {\"id\", \"text\", ...}".into()));
    };
    let bad = |field, expected| SourceError::BadField { path: shown.into(), line: line_no, field, expected };
    let mut string = |field: &'static str, numbers: bool| -> Result<Option<String>, SourceError> {
        match fields.remove(field) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(Value::Number(n)) if numbers => Ok(Some(n.to_string())),
            Some(_) => Err(bad(field, if numbers { "a string or a number" } else { "a string" })),
        }
    };
    let missing = |field| SourceError::MissingField { path: shown.into(), line: line_no, field };
    let id = string("id", true)?.filter(|s| !s.trim().is_empty()).ok_or_else(|| missing("id"))?;
    let text = string("text", false)?.filter(|t| !t.trim().is_empty()).ok_or_else(|| missing("text"))?;
    let lang = string("lang", false)?.filter(|s| !s.trim().is_empty());
    let published = string("published", true)?.filter(|s| !s.trim().is_empty());
    let title = string("title", false)?;
    let url = string("url", false)?;
    Ok(Document { id, text, lang, published, title, url, origin: format!("{shown}:{line_no}"), notes: Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(paths: &[PathBuf]) -> (Vec<Document>, Vec<String>) {
        let (mut docs, mut errs) = (Vec::new(), Vec::new());
        read_inputs(paths, &mut |item| match item {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e.to_string()),
        });
        (docs, errs)
    }

    #[test]
    fn a_directory_of_mixed_files_reads_what_it_can() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Claire Martin quitte Fabrikam.").unwrap();
        std::fs::write(dir.path().join("b.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
        std::fs::write(dir.path().join("c.txt"), "").unwrap();
        std::fs::write(dir.path().join("d.jsonl"), "{\"id\":\"x\",\"text\":\"Hello there\"}\nnot json\n{\"id\":\"y\"}\n").unwrap();
        let (docs, errs) = collect(&[dir.path().to_path_buf(), dir.path().join("missing.txt")]);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "x"]);
        assert_eq!(errs.len(), 5, "{errs:?}");
        assert!(errs[0].contains("b.bin") && errs[0].contains("binary"));
        assert!(errs[1].contains("c.txt") && errs[1].contains("empty"));
        assert!(errs[2].contains("d.jsonl:2"));
        assert!(errs[3].contains("d.jsonl:3") && errs[3].contains("text"));
        assert!(errs[4].contains("missing.txt"));
    }

    #[test]
    fn reading_counts_bytes_and_input_size_matches() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Claire Martin quitte Fabrikam.").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "not read").unwrap();
        std::fs::write(dir.path().join("README.md"), "# Articles\n\nWhat this folder holds.").unwrap();
        std::fs::write(dir.path().join("b.jsonl"), "{\"id\":\"x\",\"text\":\"Hello there\"}\n").unwrap();
        let inputs = [dir.path().to_path_buf()];
        let control = ReadControl::default();
        let mut docs = 0;
        read_inputs_with(&inputs, &control, &mut |item| docs += usize::from(item.is_ok()));
        assert_eq!(docs, 2);
        assert_eq!(Some(control.bytes_read()), input_size(&inputs));
        assert_eq!(input_size(&[PathBuf::from("-")]), None);
    }

    #[test]
    fn a_directory_walk_skips_the_readme_but_a_readme_named_is_read() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "Claire Martin quitte Fabrikam.").unwrap();
        for name in ["README.md", "readme", "Readme.txt"] {
            std::fs::write(dir.path().join(name), "What this folder holds: invented articles.").unwrap();
        }
        std::fs::create_dir(dir.path().join("readme.d")).unwrap();
        std::fs::write(dir.path().join("readme.d").join("b.txt"), "Jean Dupont rejoint Contoso.").unwrap();
        let (docs, errs) = collect(&[dir.path().to_path_buf()]);
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "b.txt"], "{errs:?}");
        let (docs, _) = collect(&[dir.path().join("README.md")]);
        assert_eq!(docs.len(), 1, "named, it is read");
    }

    #[test]
    fn a_stopped_reading_opens_no_other_input() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt", "c.txt"] {
            std::fs::write(dir.path().join(name), "Claire Martin quitte Fabrikam.").unwrap();
        }
        let control = ReadControl::default();
        let mut ids = Vec::new();
        read_inputs_with(&[dir.path().to_path_buf()], &control, &mut |item| {
            ids.push(item.unwrap().id);
            control.stop();
        });
        assert_eq!(ids, ["a.txt"]);
    }

    #[test]
    fn jsonl_fields_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("docs.jsonl");
        std::fs::write(&p, "{\"id\": 7, \"text\": \"t\", \"lang\": \"fr\", \"published\": \"2024-08-06\"}\n").unwrap();
        let (docs, errs) = collect(&[p]);
        assert!(errs.is_empty());
        assert_eq!((docs[0].id.as_str(), docs[0].lang.as_deref(), docs[0].published.as_deref()), ("7", Some("fr"), Some("2024-08-06")));
        assert!(docs[0].origin.ends_with("docs.jsonl:1"));
    }
}
