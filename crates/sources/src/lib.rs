//! # tenure-sources
//!
//! Reads what users point tenure at and hands out documents of decoded text:
//! plain text files (one document each, its id the file name), JSON Lines
//! files of documents (`{"id", "text", "lang"?, "published"?, "title"?, "url"?}`),
//! directories (recursively, in name order) and standard input.
//!
//! Bad input never stops the reading: each problem is reported as a
//! [`SourceError`] naming the file (and line), and the next input is read.

pub mod decode;

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub use decode::{decode, Decoded};

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
}

/// A document, or why one input gave none; with a note when the text needed
/// an encoding guess.
pub type Item = Result<Document, SourceError>;

#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    text: Option<String>,
    lang: Option<String>,
    published: Option<String>,
    title: Option<String>,
    url: Option<String>,
}

/// Reads every input in order and passes each document (or problem) to `sink`.
/// `-` is standard input. Directories are walked recursively, in name order.
pub fn read_inputs(inputs: &[PathBuf], sink: &mut dyn FnMut(Item)) {
    for input in inputs {
        if input.as_os_str() == "-" {
            read_stdin(sink);
        } else {
            read_path(input, sink);
        }
    }
}

fn read_path(path: &Path, sink: &mut dyn FnMut(Item)) {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(source) => return sink(Err(SourceError::Io { path: shown, source })),
    };
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(source) => return sink(Err(SourceError::Io { path: shown, source })),
        };
        entries.sort();
        for e in entries {
            let hidden = e.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            if !hidden {
                read_path(&e, sink);
            }
        }
        return;
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => return sink(Err(SourceError::Io { path: shown, source })),
    };
    if is_jsonl(path) {
        read_jsonl(BufReader::new(file), &shown, sink);
    } else {
        let id = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| shown.clone());
        read_text(file, id, &shown, sink);
    }
}

fn is_jsonl(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("jsonl" | "ndjson"))
}

fn read_stdin(sink: &mut dyn FnMut(Item)) {
    let mut bytes = Vec::new();
    if let Err(source) = io::stdin().lock().read_to_end(&mut bytes) {
        return sink(Err(SourceError::Io { path: "<stdin>".into(), source }));
    }
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        read_jsonl(io::Cursor::new(bytes), "<stdin>", sink);
    } else {
        read_text(io::Cursor::new(bytes), "stdin".into(), "<stdin>", sink);
    }
}

fn read_text(mut reader: impl Read, id: String, shown: &str, sink: &mut dyn FnMut(Item)) {
    let mut bytes = Vec::new();
    if let Err(source) = reader.read_to_end(&mut bytes) {
        return sink(Err(SourceError::Io { path: shown.into(), source }));
    }
    match decode(&bytes) {
        Decoded::Binary => sink(Err(SourceError::Binary { path: shown.into() })),
        Decoded::Text { text, .. } if text.trim().is_empty() => sink(Err(SourceError::Empty { path: shown.into() })),
        Decoded::Text { text, .. } => sink(Ok(Document { id, text, origin: shown.into(), ..Document::default() })),
    }
}

fn read_jsonl(reader: impl BufRead, shown: &str, sink: &mut dyn FnMut(Item)) {
    let mut any = false;
    for (n, line) in reader.split(b'\n').enumerate() {
        let line_no = n + 1;
        let bytes = match line {
            Ok(b) => b,
            Err(source) => return sink(Err(SourceError::Io { path: shown.into(), source })),
        };
        let text = match decode(&bytes) {
            Decoded::Text { text, .. } => text,
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
        sink(parse_json_doc(text, shown, line_no));
    }
    if !any {
        sink(Err(SourceError::Empty { path: shown.into() }));
    }
}

fn parse_json_doc(line: &str, shown: &str, line_no: usize) -> Item {
    let doc: JsonDoc = serde_json::from_str(line).map_err(|e| SourceError::Json { path: shown.into(), line: line_no, message: e.to_string() })?;
    let id = match doc.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(SourceError::MissingField { path: shown.into(), line: line_no, field: "id" }),
    };
    let text = doc.text.filter(|t| !t.trim().is_empty()).ok_or(SourceError::MissingField { path: shown.into(), line: line_no, field: "text" })?;
    Ok(Document {
        id,
        text,
        lang: doc.lang.filter(|s| !s.trim().is_empty()),
        published: doc.published.filter(|s| !s.trim().is_empty()),
        title: doc.title,
        url: doc.url,
        origin: format!("{shown}:{line_no}"),
    })
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
