//! Starting inputs for each target: the example articles, and pages, feeds
//! and crawls built from them, so that mutations start from inputs that reach
//! deep into each reader rather than from bytes it rejects at once.

use std::io::Write;

use crate::Target;

const DEMO: &str = include_str!("../../../examples/articles/demo.jsonl");

/// The example articles' texts.
fn texts() -> Vec<String> {
    let mut out: Vec<String> = DEMO
        .lines()
        .filter_map(|l| l.split("\"text\": \"").nth(1))
        .map(|t| t.split("\"}").next().unwrap_or(t).replace("\\n", "\n").replace("\\\"", "\""))
        .collect();
    out.push("Claire Martin quitte Fabrikam pour rejoindre Contoso, a annoncé mardi le groupe.".into());
    out.push("Contoso named John Smith as its chief executive on Monday. Smith joined Contoso from Fabrikam.".into());
    out.push("Die Northwind AG hat Anna Müller zur Finanzvorständin ernannt. Sie verlässt Contoso.".into());
    out.push("Fabrikam nombró a Ana Silva directora financiera el 3 de marzo; dimite Juan Pérez.".into());
    out
}

fn html_of(text: &str, i: usize) -> String {
    let paras: String = text.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    format!(
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Article {i}</title>\
         <meta property=\"article:published_time\" content=\"2024-08-0{}\"><link rel=\"canonical\" href=\"https://news.example/{i}\"></head>\
         <body><nav><a href=\"/\">Accueil</a></nav><article><h1>Article {i}</h1>{paras}</article><footer>© News</footer></body></html>",
        1 + i % 9
    )
}

fn feed_of(texts: &[String], atom: bool) -> String {
    if atom {
        let entries: String = texts
            .iter()
            .enumerate()
            .map(|(i, t)| format!("<entry><id>urn:{i}</id><title>T{i}</title><updated>2024-08-06T10:00:00Z</updated><link href=\"https://a.example/{i}\"/><content type=\"html\">&lt;p&gt;{}&lt;/p&gt;</content></entry>", xml_escape(t)))
            .collect();
        format!("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\"><title>News</title><id>urn:feed</id><updated>2024-08-06T10:00:00Z</updated>{entries}</feed>")
    } else {
        let items: String = texts
            .iter()
            .enumerate()
            .map(|(i, t)| format!("<item><guid>g{i}</guid><title>T{i}</title><link>https://r.example/{i}</link><pubDate>Tue, 06 Aug 2024 10:00:00 GMT</pubDate><description><![CDATA[<p>{t}</p>]]></description></item>"))
            .collect();
        format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title><language>fr</language>{items}</channel></rss>")
    }
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn warc_record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-08-06T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn warc_of(pages: &[String]) -> Vec<u8> {
    let mut out = warc_record("warcinfo", "", b"software: seeds\r\n");
    for (i, page) in pages.iter().enumerate() {
        let charset = if i % 2 == 0 { "utf-8" } else { "windows-1252" };
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset={charset}\r\nContent-Length: {}\r\n\r\n{page}", page.len());
        out.extend(warc_record("response", &format!("https://w.example/{i}"), http.as_bytes()));
    }
    out.extend(warc_record("response", "https://w.example/404", b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<html>gone</html>"));
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).expect("writing to memory");
    gz.finish().expect("writing to memory")
}

/// The seeds of `target`.
pub fn seeds(target: Target) -> Vec<Vec<u8>> {
    let texts = texts();
    let pages: Vec<String> = texts.iter().enumerate().map(|(i, t)| html_of(t, i)).collect();
    match target {
        Target::Extract | Target::Text => {
            let mut out: Vec<Vec<u8>> = texts.iter().map(|t| t.clone().into_bytes()).collect();
            // The same French text in Windows-1252 and UTF-16 with a BOM.
            out.push(latin1(&texts[texts.len() - 4]));
            let mut utf16 = vec![0xFF, 0xFE];
            utf16.extend(texts[0].encode_utf16().flat_map(u16::to_le_bytes));
            out.push(utf16);
            out
        }
        Target::Jsonl => vec![
            DEMO.as_bytes().to_vec(),
            b"{\"id\": 1, \"text\": \"Claire Martin quitte Fabrikam.\", \"published\": \"2024-02-30\"}\n{not json\n{\"id\": \"b\"}\n\n{\"id\": \"c\", \"text\": \"x\", \"lang\": \"fi\"}\n".to_vec(),
        ],
        Target::Html => pages.into_iter().map(String::into_bytes).collect(),
        Target::Feed => vec![feed_of(&texts, false).into_bytes(), feed_of(&texts, true).into_bytes()],
        Target::Warc => {
            let warc = warc_of(&pages[..4]);
            vec![gzip(&warc), warc]
        }
    }
}

/// Windows-1252 bytes of a text whose characters are all below U+0100 (the
/// others become `?`): enough for French, and no dependency for it.
fn latin1(s: &str) -> Vec<u8> {
    s.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect()
}
