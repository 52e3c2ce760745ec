//! End to end: a directory holding one file of each format, read through
//! `read_inputs`. All data is written here; nothing is downloaded.

use std::io::Write;
use std::path::{Path, PathBuf};

use tenure_sources::{read_inputs, Document};

fn collect(paths: &[PathBuf]) -> (Vec<Document>, Vec<String>) {
    let (mut docs, mut errs) = (Vec::new(), Vec::new());
    read_inputs(paths, &mut |item| match item {
        Ok(d) => docs.push(d),
        Err(e) => errs.push(e.to_string()),
    });
    (docs, errs)
}

fn warc_record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{date}>\r\nWARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http_response(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

/// A crawl as Common Crawl writes it: one gzip member per record.
fn crawl() -> Vec<Vec<u8>> {
    let page = "<html lang=\"fr-FR\"><head><meta charset=\"utf-8\"><title>Nomination</title></head><body>\
        <p>Le président a quitté l'entreprise ; Hélène Moreau lui succède à la présidence de Tailspin.</p></body></html>";
    let (page, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    vec![
        warc_record("warcinfo", "", "2024-08-09T00:00:00Z", b"software: test\r\n"),
        warc_record("request", "https://crawl.example/moreau", "2024-08-09T06:00:00Z", b"GET /moreau HTTP/1.1\r\n\r\n"),
        warc_record("response", "https://crawl.example/moreau", "2024-08-09T06:00:01Z", &http_response("200 OK", "text/html; charset=windows-1252", &page)),
        warc_record("response", "https://crawl.example/gone", "2024-08-09T06:00:02Z", &http_response("301 Moved", "text/html", b"<html></html>")),
        warc_record("response", "https://crawl.example/logo.png", "2024-08-09T06:00:03Z", &http_response("200 OK", "image/png", b"\x89PNG")),
    ]
}

const HTML: &str = r#"<!DOCTYPE html>
<html lang="fr-FR"><head><title>Départ chez Fabrikam</title>
<meta name="DC.date" content="2024-08-06">
<meta property="og:url" content="https://news.example/depart">
</head><body><nav><a href="/">Accueil</a> <a href="/nominations">Nominations</a></nav>
<article><p>Le président a quitté l'entreprise après vingt ans à la tête de Fabrikam.</p>
<p>Son successeur sera nommé en septembre.</p></article><footer>Mentions légales</footer></body></html>"#;

const RSS: &str = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Éco</title><link>https://feed.example/</link><description>d</description><language>fr</language>
<item><title>Jean Dupont rejoint Contoso</title><link>https://feed.example/dupont</link><guid>feed-1</guid>
<pubDate>Wed, 07 Aug 2024 08:00:00 GMT</pubDate><description>&lt;p&gt;Jean Dupont a été nommé directeur de Contoso.&lt;/p&gt;</description></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Biz</title><id>urn:biz</id><updated>2024-08-08T00:00:00Z</updated>
<entry><title>New CFO</title><id>urn:biz:1</id><link href="https://biz.example/cfo"/><published>2024-08-08T09:00:00Z</published>
<summary>Northwind appointed Ana Silva as chief financial officer.</summary></entry></feed>"#;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn one_file_of_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (html_1252, _, _) = encoding_rs::WINDOWS_1252.encode(HTML);
    write(d, "a-page.html", &html_1252);
    let (rss_latin1, _, _) = encoding_rs::WINDOWS_1252.encode(RSS);
    write(d, "b-feed.rss", &rss_latin1);
    write(d, "c-crawl.warc.gz", &crawl().iter().flat_map(|r| gzip(r)).collect::<Vec<u8>>());
    write(d, "d-crawl.warc", &crawl().concat());
    write(d, "e-note.txt", "Claire Martin quitte Fabrikam.".as_bytes());
    write(d, "f-docs.jsonl", br#"{"id":"j1","text":"Ana Silva rejoint Northwind.","lang":"fr"}"#);
    write(d, "g-saved-page", HTML.as_bytes()); // no extension: sniffed as HTML
    write(d, "h-atom.xml", ATOM.as_bytes()); // .xml: sniffed as a feed

    let (docs, errs) = collect(&[d.to_path_buf()]);
    assert!(errs.is_empty(), "{errs:?}");
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a-page.html", "feed-1", "https://crawl.example/moreau", "https://crawl.example/moreau", "e-note.txt", "j1", "g-saved-page", "urn:biz:1"]);

    let page = &docs[0];
    assert_eq!(page.text, "Le président a quitté l'entreprise après vingt ans à la tête de Fabrikam.\nSon successeur sera nommé en septembre.");
    assert_eq!((page.lang.as_deref(), page.published.as_deref()), (Some("fr"), Some("2024-08-06")));
    assert_eq!((page.title.as_deref(), page.url.as_deref()), (Some("Départ chez Fabrikam"), Some("https://news.example/depart")));

    let item = &docs[1];
    assert_eq!(item.text, "Jean Dupont a été nommé directeur de Contoso.");
    assert_eq!((item.lang.as_deref(), item.published.as_deref(), item.url.as_deref()), (Some("fr"), Some("2024-08-07"), Some("https://feed.example/dupont")));
    assert!(item.origin.ends_with("b-feed.rss#1"));

    for (crawled, file) in [(&docs[2], "c-crawl.warc.gz#3"), (&docs[3], "d-crawl.warc#3")] {
        assert!(crawled.text.contains("Le président a quitté l'entreprise ; Hélène Moreau lui succède"), "{}", crawled.text);
        assert_eq!((crawled.lang.as_deref(), crawled.published.as_deref()), (Some("fr"), Some("2024-08-09")));
        assert_eq!(crawled.url.as_deref(), Some("https://crawl.example/moreau"));
        assert!(crawled.origin.ends_with(file), "{}", crawled.origin);
    }

    assert_eq!(docs[4].text, "Claire Martin quitte Fabrikam.");
    assert_eq!(docs[5].lang.as_deref(), Some("fr"));
    assert_eq!(docs[6].text, page.text);
    assert_eq!((docs[7].text.as_str(), docs[7].published.as_deref()), ("Northwind appointed Ana Silva as chief financial officer.", Some("2024-08-08")));
}

#[test]
fn malformed_inputs_give_errors_or_a_best_effort_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a-broken.html", b"<html><body><p>Jean Dupont quitte <b>Contoso");
    write(d, "b-broken.rss", b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>cut");
    let whole: Vec<u8> = crawl().iter().flat_map(|r| gzip(r)).collect();
    write(d, "c-cut.warc.gz", &whole[..whole.len() - 40]);
    write(d, "d-garbage.warc", b"WARC/1.0\r\nWARC-Type: response\r\n");
    write(d, "e-empty.html", b"   ");
    write(d, "f-nav-only.html", b"<html><body><nav>Menu</nav></body></html>");
    write(d, "g-not-a-warc.warc.gz", &gzip(b"just text"));
    write(d, "h-binary.htm", &[0u8, 1, 2, 3, 0xff]);

    let (docs, errs) = collect(&[d.to_path_buf()]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    // Best effort: the broken page's text; the cut crawl's records before the cut.
    assert_eq!(ids, ["a-broken.html", "https://crawl.example/moreau"]);
    assert_eq!(docs[0].text, "Jean Dupont quitte Contoso");
    assert_eq!(errs.len(), 7, "{errs:#?}");
    let expect = ["b-broken.rss: not a readable feed", "c-cut.warc.gz: WARC record 5", "d-garbage.warc: WARC record 1", "e-empty.html: empty", "f-nav-only.html: no text", "g-not-a-warc.warc.gz: gzip file that holds no WARC", "h-binary.htm: binary"];
    for (err, want) in errs.iter().zip(expect) {
        assert!(err.contains(want), "{err:?} lacks {want:?}");
    }
}
