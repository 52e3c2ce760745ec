//! A catalogue of bad inputs, each with what tenure must do with it: a
//! message on stderr naming the input and the place (file, file:line,
//! file#record), the documents it still holds read, the other inputs
//! processed, exit code 0, and never a panic.
//!
//! Each case is run beside a good article; then all of them at once through
//! `ingest`, whose database must pass `tenure check`.

mod common;

use std::io::Write;
use std::path::Path;

use common::*;

const GOOD: &str = "La directrice financière de Fabrikam, Claire Martin, quitte l'entreprise pour rejoindre Contoso, a annoncé mardi le groupe.";
const FR: &str = "Le président de Fabrikam, Paul Durand, a démissionné de ses fonctions lundi.";
const EN: &str = "Northwind appointed Ana Silva as chief financial officer.";

struct Case {
    name: &'static str,
    /// The file made for the case; not made when `bytes` returns `None`.
    file: &'static str,
    bytes: fn() -> Option<Vec<u8>>,
    /// Substrings of stderr (the file name and the place are among them).
    messages: &'static [&'static str],
    /// Persons whose events the case's documents still give.
    yields: &'static [&'static str],
}

fn jsonl(lines: &[serde_json::Value]) -> Vec<u8> {
    lines.iter().map(|l| l.to_string() + "\n").collect::<String>().into_bytes()
}

fn doc(id: &str, text: &str) -> serde_json::Value {
    serde_json::json!({ "id": id, "text": text })
}

fn latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| u8::try_from(u32::from(c)).expect("a Latin-1 character")).collect()
}

fn utf16(s: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    out.extend(s.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }));
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn warc_response(uri: &str, html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}", html.len());
    let mut out = format!("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2024-08-06T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n", http.len()).into_bytes();
    out.extend_from_slice(http.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn page(text: &str) -> String {
    format!("<!doctype html><html lang=\"en\"><head><title>News</title></head><body><article><p>{text}</p></article></body></html>")
}

const CASES: &[Case] = &[
    Case { name: "an executable", file: "elf.txt", bytes: || Some([&[0x7F, b'E', b'L', b'F', 2, 1, 1, 0][..], &[0; 64]].concat()), messages: &["elf.txt", "binary"], yields: &[] },
    Case {
        name: "an image named .html",
        file: "image.html",
        bytes: || Some([&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..], &[0; 100]].concat()),
        messages: &["image.html", "binary"],
        yields: &[],
    },
    Case { name: "an empty file", file: "empty.txt", bytes: || Some(Vec::new()), messages: &["empty.txt", "empty"], yields: &[] },
    Case { name: "only whitespace", file: "blank.txt", bytes: || Some(b" \n\t\r\n ".to_vec()), messages: &["blank.txt", "empty"], yields: &[] },
    Case {
        name: "a truncated gzip crawl: the records before the cut are read",
        file: "truncated.warc.gz",
        bytes: || {
            let mut out = gzip(&warc_response("https://a.example/1", &page(EN)));
            let second = gzip(&warc_response("https://a.example/2", &page(&FR.repeat(200))));
            out.extend_from_slice(&second[..second.len() / 2]);
            Some(out)
        },
        messages: &["truncated.warc.gz", "WARC record 2", "truncated"],
        yields: &["Ana Silva"],
    },
    Case { name: "gzip that holds no crawl", file: "notes.gz", bytes: || Some(gzip(FR.as_bytes())), messages: &["notes.gz", "gzip", "no WARC"], yields: &[] },
    Case {
        name: "invalid UTF-8 bytes in UTF-8 text: replaced, the accents kept",
        file: "invalid-utf8.txt",
        bytes: || Some([FR.as_bytes(), b" \xFF\xC3 Fin."].concat()),
        messages: &["invalid-utf8.txt", "invalid UTF-8"],
        yields: &["Paul Durand", "démissionné"],
    },
    Case {
        name: "invalid UTF-8 on one JSON line",
        file: "invalid-utf8.jsonl",
        bytes: || Some([&b"{\"id\": \"u\", \"text\": \""[..], FR.as_bytes(), b" \xFF\"}\n"].concat()),
        messages: &["invalid-utf8.jsonl:1", "invalid UTF-8"],
        yields: &["Paul Durand"],
    },
    Case { name: "UTF-16 LE with a BOM", file: "utf16le.txt", bytes: || Some(utf16(FR, false)), messages: &[], yields: &["Paul Durand", "démissionné"] },
    Case { name: "UTF-16 BE with a BOM", file: "utf16be.txt", bytes: || Some(utf16(FR, true)), messages: &[], yields: &["Paul Durand", "démissionné"] },
    Case { name: "Windows-1252 French: decoded, not rejected", file: "cp1252.txt", bytes: || Some(latin1(FR)), messages: &[], yields: &["Paul Durand", "démissionné"] },
    Case {
        name: "a Windows-1252 page that declares no charset",
        file: "cp1252.html",
        bytes: || Some(latin1(&format!("<html><body><p>{FR}</p></body></html>"))),
        messages: &[],
        yields: &["Paul Durand", "démissionné"],
    },
    Case {
        name: "a UTF-8 file with a BOM and CRLF line ends",
        file: "bom-crlf.txt",
        bytes: || Some([&b"\xEF\xBB\xBF"[..], format!("Titre\r\n{FR}\r\n").as_bytes()].concat()),
        messages: &[],
        yields: &["Paul Durand"],
    },
    Case {
        name: "a 50 MB single-line file: read up to the limit, said so",
        file: "huge.txt",
        bytes: || {
            let mut s = String::with_capacity(50 << 20);
            s.push_str(FR);
            while s.len() < 50 << 20 {
                s.push_str(" Le groupe a publié des résultats en hausse au dernier trimestre, et l'action a peu réagi.");
            }
            Some(s.into_bytes())
        },
        messages: &["huge.txt", "only the first"],
        yields: &["Paul Durand"],
    },
    Case {
        name: "a word of a megabyte",
        file: "long-word.txt",
        bytes: || Some([FR.as_bytes(), b" ", &vec![b'a'; 1 << 20]].concat()),
        messages: &[],
        yields: &["Paul Durand"],
    },
    Case {
        name: "HTML nested 100,000 deep",
        file: "nested.html",
        bytes: || Some(format!("<html><body>{}<p>{EN}</p>{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000)).into_bytes()),
        messages: &[],
        yields: &["Ana Silva"],
    },
    Case {
        name: "HTML with no text",
        file: "script-only.html",
        bytes: || Some(b"<html><head><script>var x = 1;</script></head><body><style>p{}</style></body></html>".to_vec()),
        messages: &["script-only.html", "no text"],
        yields: &[],
    },
    Case { name: "a truncated feed", file: "broken.rss", bytes: || Some(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>N</title><item><title>A".to_vec()), messages: &["broken.rss", "not a readable feed"], yields: &[] },
    Case {
        name: "a feed item without content",
        file: "items.rss",
        bytes: || Some(format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>N</title><item><guid>1</guid><description>{EN}</description></item><item><guid>2</guid></item></channel></rss>").into_bytes()),
        messages: &["items.rss#2", "no text"],
        yields: &["Ana Silva"],
    },
    Case {
        name: "a WARC whose second record is garbage",
        file: "bad-framing.warc",
        bytes: || Some([warc_response("https://a.example/1", &page(EN)), b"GARBAGE HEADER\r\n\r\nmore".to_vec()].concat()),
        messages: &["bad-framing.warc", "record 2", "not a WARC record header"],
        yields: &["Ana Silva"],
    },
    Case {
        name: "JSON Lines with bad lines: reported by line number",
        file: "bad-lines.jsonl",
        bytes: || Some([jsonl(&[doc("g1", FR)]), b"{not json\n".to_vec(), jsonl(&[doc("g2", EN)]), b"[1, 2]\n\"text\"\n".to_vec()].concat()),
        messages: &["bad-lines.jsonl:2", "bad-lines.jsonl:4", "bad-lines.jsonl:5"],
        yields: &["Paul Durand", "Ana Silva"],
    },
    Case { name: "a missing text", file: "missing-text.jsonl", bytes: || Some(jsonl(&[serde_json::json!({"id": "m"}), doc("g", FR)])), messages: &["missing-text.jsonl:1", "\"text\""], yields: &["Paul Durand"] },
    Case { name: "a missing id", file: "missing-id.jsonl", bytes: || Some(jsonl(&[serde_json::json!({"text": EN}), doc("g", FR)])), messages: &["missing-id.jsonl:1", "\"id\""], yields: &["Paul Durand"] },
    Case {
        name: "a field of the wrong type",
        file: "wrong-type.jsonl",
        bytes: || Some(jsonl(&[serde_json::json!({"id": "w", "text": 42}), serde_json::json!({"id": ["x"], "text": EN}), doc("g", FR)])),
        messages: &["wrong-type.jsonl:1", "text", "wrong-type.jsonl:2", "\"id\""],
        yields: &["Paul Durand"],
    },
    Case {
        name: "null optional fields",
        file: "nulls.jsonl",
        bytes: || Some(jsonl(&[serde_json::json!({"id": "n", "text": FR, "lang": null, "published": null, "title": null, "url": null})])),
        messages: &[],
        yields: &["Paul Durand"],
    },
    Case { name: "JSON nested too deep", file: "deep.jsonl", bytes: || Some([&"[".repeat(10_000).into_bytes()[..], b"\n"].concat()), messages: &["deep.jsonl:1", "recursion"], yields: &[] },
    Case { name: "a lone surrogate escape", file: "surrogate.jsonl", bytes: || Some(b"{\"id\": \"s\", \"text\": \"Paul \\ud800 Durand\"}\n".to_vec()), messages: &["surrogate.jsonl:1"], yields: &[] },
    Case {
        name: "a NUL escaped in the text",
        file: "nul.jsonl",
        bytes: || Some(jsonl(&[doc("z", &format!("{FR}\u{0}\u{1} fin."))])),
        messages: &[],
        yields: &["Paul Durand"],
    },
    Case {
        name: "an unsupported language field",
        file: "bad-lang.jsonl",
        bytes: || Some(jsonl(&[serde_json::json!({"id": "l", "text": FR, "lang": "xx"}), doc("g", EN)])),
        messages: &["bad-lang.jsonl:1", "xx"],
        yields: &["Ana Silva"],
    },
    Case {
        name: "an unknown language: reported, not guessed",
        file: "finnish.txt",
        bytes: || Some("Toimitusjohtaja jättää yhtiön vuoden lopussa, kertoi hallitus tiistaina.".as_bytes().to_vec()),
        messages: &["finnish.txt", "language not recognised"],
        yields: &[],
    },
    Case {
        name: "an impossible date: a warning, still processed",
        file: "impossible-date.jsonl",
        bytes: || Some(jsonl(&[serde_json::json!({"id": "i", "text": FR, "published": "2024-02-30"})])),
        messages: &["impossible-date.jsonl:1", "2024-02-30"],
        yields: &["Paul Durand"],
    },
    Case {
        name: "a date in the future: a warning, still processed",
        file: "future-date.jsonl",
        bytes: || Some(jsonl(&[serde_json::json!({"id": "f", "text": FR, "published": "2999-01-01"})])),
        messages: &["future-date.jsonl:1", "2999-01-01", "future"],
        yields: &["Paul Durand"],
    },
    Case {
        name: "a date that is not one",
        file: "garbled-date.jsonl",
        bytes: || Some(jsonl(&[serde_json::json!({"id": "g", "text": FR, "published": "last tuesday"})])),
        messages: &["garbled-date.jsonl:1", "last tuesday"],
        yields: &["Paul Durand"],
    },
    Case {
        name: "duplicate ids in one file: the first kept",
        file: "dup-ids.jsonl",
        bytes: || Some(jsonl(&[doc("d", FR), doc("e", GOOD), doc("d", EN)])),
        messages: &["dup-ids.jsonl:3", "\"d\"", "line 1"],
        yields: &["Paul Durand"],
    },
    Case {
        name: "a document with thousands of names",
        file: "many-names.txt",
        bytes: || {
            const FIRST: [&str; 10] = ["Jean", "Marie", "Luc", "Anne", "Paul", "Sophie", "Marc", "Julie", "Louis", "Emma"];
            // 5,000 names in one sentence: time and output grow linearly
            // (the extractor's own test goes to the evidence of each name).
            let names: Vec<String> = (0..5000).map(|i| format!("{} Nom{i}", FIRST[i % 10])).collect();
            Some(format!("{FR} Étaient présents à l'assemblée : {}.", names.join(" et ")).into_bytes())
        },
        messages: &[],
        yields: &["Paul Durand"],
    },
    Case { name: "a file that does not exist", file: "missing.txt", bytes: || None, messages: &["missing.txt", "No such file"], yields: &[] },
];

fn make(dir: &Path, case: &Case) -> std::path::PathBuf {
    let path = dir.join(case.file);
    if let Some(bytes) = (case.bytes)() {
        std::fs::write(&path, bytes).unwrap();
    }
    path
}

#[test]
fn the_catalogue_has_every_kind_of_bad_input() {
    assert!(CASES.len() >= 25, "{} cases", CASES.len());
    let mut files: Vec<&str> = CASES.iter().map(|c| c.file).collect();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), CASES.len(), "one file a case");
}

#[test]
fn each_bad_input_is_reported_by_place_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, GOOD).unwrap();
    let mut failures = Vec::new();
    for case in CASES {
        let path = make(dir.path(), case);
        let o = tenure().args(["extract", "--format", "jsonl", "--date", "2024-05-02"]).arg(&good).arg(&path).output().unwrap();
        let (out, err) = (stdout(&o), stderr(&o));
        let mut wrong = Vec::new();
        if o.status.code() != Some(0) {
            wrong.push(format!("exit code {:?}", o.status.code()));
        }
        if err.contains("panicked") {
            wrong.push("a panic".into());
        }
        if !out.contains("\"Claire Martin\"") {
            wrong.push("the good article was not processed".into());
        }
        for m in case.messages {
            if !err.contains(m) {
                wrong.push(format!("stderr lacks {m:?}"));
            }
        }
        if case.messages.is_empty() && !err.trim().is_empty() {
            wrong.push("a message where none was expected".into());
        }
        for y in case.yields {
            if !out.contains(y) {
                wrong.push(format!("no event with {y:?}"));
            }
        }
        if !wrong.is_empty() {
            failures.push(format!("{} ({}): {}\n  stderr: {}", case.name, case.file, wrong.join("; "), err.trim()));
        }
        let _ = std::fs::remove_file(&path);
    }
    assert!(failures.is_empty(), "{} of {} cases wrong:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn all_bad_inputs_at_once_are_ingested_into_a_database_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("inputs");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(inputs.join("good.txt"), GOOD).unwrap();
    // The large file is left out: one case of it is enough.
    for case in CASES.iter().filter(|c| c.file != "huge.txt") {
        make(&inputs, case);
    }
    let db = dir.path().join("kb.db");
    let o = tenure().args(["ingest", "--date", "2024-05-02", "--db"]).arg(&db).arg(&inputs).output().unwrap();
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let o = tenure().args(["events", "--format", "json", "--db"]).arg(&db).output().unwrap();
    let events = json(&o);
    for person in ["Claire Martin", "Paul Durand", "Ana Silva"] {
        assert!(events.as_array().unwrap().iter().any(|e| e["person"] == person), "{person} stored");
    }
    let o = tenure().args(["check", "--db"]).arg(&db).output().unwrap();
    assert!(o.status.success(), "{}", stdout(&o));
}
