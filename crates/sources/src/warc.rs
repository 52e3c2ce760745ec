//! WARC archives: the HTML pages a crawler fetched, one document each.
//!
//! Common Crawl's news crawl publishes each day's articles as `.warc.gz`
//! files, gzip with one member per record, a gigabyte apiece. Records are
//! read one at a time from the stream; only `response` records holding an
//! HTML page with status 200 become documents, through the [`crate::html`]
//! module. The HTTP `Content-Type` charset is the transport charset and wins
//! over the page's own `<meta charset>`.
//!
//! The reader is written here over `flate2`'s `MultiGzDecoder` rather than
//! taken from the `warc` crate (0.4): that crate reads header lines without a
//! size limit (a corrupt or non-WARC file is read into memory up to EOF),
//! puts a 1 MiB buffer on the stack each time it skips a body, turns a record
//! missing an optional-in-practice header into an error, and brings a second
//! deflate implementation (`libflate`). WARC framing is simple: a version
//! line, `Name: value` headers, a blank line, `Content-Length` bytes, CRLF CRLF.

use std::io::{self, BufRead, Read};

use flate2::read::MultiGzDecoder;

use crate::date::normalize_date;
use crate::html;
use crate::{Item, Pending, SourceError, UnparsedPage};

/// Longest WARC header line, and all header lines of a record together.
const MAX_LINE: u64 = 64 * 1024;
const MAX_HEADER: usize = 1024 * 1024;
/// Responses larger than this are skipped (reported) rather than held in memory.
const MAX_PAGE: u64 = 32 * 1024 * 1024;

/// Whether `head` starts like an uncompressed WARC file.
pub fn sniff(head: &[u8]) -> bool {
    head.starts_with(b"WARC/1.") || head.starts_with(b"WARC/0.")
}

/// One record's WARC header fields.
struct Header {
    fields: Vec<(String, String)>,
    length: u64,
}

impl Header {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Reads every record of the WARC in `reader` (already decompressed), passing
/// each HTML page to `sink`. A damaged record (truncated data, bad framing)
/// gives one [`SourceError::Warc`] after the documents read before it, and
/// ends the file: the next record's start cannot be trusted.
pub fn read(reader: impl BufRead, shown: &str, sink: &mut dyn FnMut(Item)) {
    read_pending(reader, shown, &mut |pending| sink(pending.finish()));
}

/// [`read`], leaving each page's text to be extracted by the caller
/// ([`Pending::finish`]; see [`crate::pending`]).
pub fn read_pending(mut reader: impl BufRead, shown: &str, sink: &mut dyn FnMut(Pending)) {
    let error = |record: usize, message: String| SourceError::Warc { path: shown.into(), record, message };
    for record in 1.. {
        let header = match read_header(&mut reader) {
            Ok(Some(h)) => h,
            Ok(None) => return,
            Err(message) => return sink(Err(error(record, message)).into()),
        };
        let is_response = header.get("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let keep = is_response && header.length <= MAX_PAGE;
        let mut body = Vec::new();
        let mut block = (&mut reader).take(header.length);
        let read = if keep { block.read_to_end(&mut body).map(|n| n as u64) } else { io::copy(&mut block, &mut io::sink()) };
        match read {
            Ok(n) if n == header.length => {}
            Ok(n) => return sink(Err(error(record, format!("truncated: {n} of {} bytes", header.length))).into()),
            Err(e) => return sink(Err(error(record, format!("truncated or corrupt: {e}"))).into()),
        }
        if is_response && !keep {
            sink(Err(error(record, format!("response of {} bytes, over the {MAX_PAGE}-byte limit, skipped", header.length))).into());
        } else if keep {
            match response_page(&header, body, shown, record) {
                Ok(Some(page)) => sink(Pending::Page(page)),
                Ok(None) => {}
                Err(message) => sink(Err(error(record, message)).into()),
            }
        }
    }
}

/// Reads a gzip-compressed WARC (any number of members) from `reader`.
pub fn read_gzip(reader: impl Read, shown: &str, sink: &mut dyn FnMut(Item)) {
    read(io::BufReader::with_capacity(64 * 1024, MultiGzDecoder::new(reader)), shown, sink);
}

/// The next record's header; `None` at a clean end of file.
fn read_header(reader: &mut impl BufRead) -> Result<Option<Header>, String> {
    let mut line = Vec::new();
    // Records end with CRLF CRLF; tolerate more or fewer blank lines.
    loop {
        line.clear();
        if read_line(reader, &mut line)? == 0 {
            return Ok(None);
        }
        if !line.trim_ascii().is_empty() {
            break;
        }
    }
    if !sniff(&line) {
        let shown: String = String::from_utf8_lossy(&line[..line.len().min(40)]).trim().chars().collect();
        return Err(format!("not a WARC record header: {shown:?}"));
    }
    let (mut fields, mut total) = (Vec::new(), 0);
    loop {
        line.clear();
        let n = read_line(reader, &mut line)?;
        if n == 0 {
            return Err("truncated record header".into());
        }
        total += n;
        if total > MAX_HEADER {
            return Err("record header over 1 MiB".into());
        }
        let text = String::from_utf8_lossy(line.trim_ascii());
        if text.is_empty() {
            break;
        }
        if let Some((name, value)) = text.split_once(':') {
            fields.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    let length = fields
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse().ok())
        .ok_or("missing or invalid Content-Length")?;
    Ok(Some(Header { fields, length }))
}

/// One line, at most [`MAX_LINE`] bytes; its length (0 at end of file).
fn read_line(reader: &mut impl BufRead, line: &mut Vec<u8>) -> Result<usize, String> {
    let n = reader.take(MAX_LINE).read_until(b'\n', line).map_err(|e| format!("truncated or corrupt: {e}"))?;
    if n as u64 == MAX_LINE && line.last() != Some(&b'\n') {
        return Err("header line over 64 KiB".into());
    }
    Ok(n)
}

/// The page in a `response` record's HTTP message, its text not yet
/// extracted; `None` for what is not a page (not 200, not HTML); `Err` for
/// an unreadable message.
fn response_page(header: &Header, block: Vec<u8>, shown: &str, record: usize) -> Result<Option<UnparsedPage>, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    // Crawled servers send odd headers; read what can be read.
    let parsed = httparse::ParserConfig::default()
        .allow_spaces_after_header_name_in_responses(true)
        .allow_obsolete_multiline_headers_in_responses(true)
        .allow_multiple_spaces_in_response_status_delimiters(true)
        .ignore_invalid_headers_in_responses(true)
        .parse_response(&mut response, &block);
    let body_at = match parsed {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("incomplete HTTP response header".into()),
        Err(e) => return Err(format!("HTTP response header: {e}")),
    };
    if response.code != Some(200) {
        return Ok(None);
    }
    let http = |name: &str| {
        response.headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let content_type = http("Content-Type");
    let chunked = http("Transfer-Encoding").is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let content_encoding = http("Content-Encoding").map(|ce| ce.to_ascii_lowercase());
    let body = &block[body_at..];
    let is_html = match content_type.as_deref().map(str::to_ascii_lowercase) {
        Some(ct) => ct.contains("text/html") || ct.contains("application/xhtml"),
        None => html::sniff(body),
    };
    if !is_html {
        return Ok(None);
    }
    // Common Crawl stores payloads decoded (renaming these headers
    // `X-Crawler-…`); other crawlers keep them as sent.
    let dechunked = if chunked { dechunk(body) } else { None };
    let body = dechunked.as_deref().unwrap_or(body);
    let decoded = match content_encoding.as_deref() {
        None | Some("" | "identity") => None,
        Some("gzip" | "x-gzip") => Some(inflate(MultiGzDecoder::new(body))?),
        Some("deflate") => Some(inflate(flate2::read::ZlibDecoder::new(body))?),
        Some(other) => return Err(format!("content encoding {other:?} not supported")),
    };
    let bytes = match (decoded, dechunked) {
        (Some(plain), _) | (None, Some(plain)) => plain,
        // Sent as is (the usual case): the record's block without its HTTP
        // header, not a copy.
        (None, None) => {
            let mut block = block;
            block.drain(..body_at);
            block
        }
    };
    let uri = header.get("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string()).filter(|u| !u.is_empty());
    let origin = format!("{shown}#{record}");
    Ok(Some(UnparsedPage {
        bytes,
        transport_charset: content_type.as_deref().and_then(html::charset_param),
        id: uri.clone().unwrap_or_else(|| origin.clone()),
        url: uri,
        fetched: header.get("WARC-Date").and_then(normalize_date),
        origin,
        path: shown.into(),
        record: Some(record),
    }))
}

/// A compressed body, decoded up to [`MAX_PAGE`] bytes.
fn inflate(decoder: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    decoder.take(MAX_PAGE).read_to_end(&mut out).map_err(|e| format!("compressed HTTP body: {e}"))?;
    Ok(out)
}

/// A chunked HTTP body joined; what is there when the last chunk is cut short;
/// `None` when the body is not chunked after all.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let eol = data.windows(2).position(|w| w == b"\r\n")?;
        let size = std::str::from_utf8(&data[..eol]).ok()?.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        let take = size.min(data.len());
        out.extend_from_slice(&data[..take]);
        data = &data[take..];
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
        if data.is_empty() {
            return Some(out);
        }
    }
}

/// Test support: builds WARC records, plain or one gzip member each.
#[cfg(test)]
pub(crate) mod build {
    use std::io::Write;

    pub fn record(kind: &str, uri: &str, date: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uri}>\r\nWARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    pub fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(body);
        out
    }

    pub fn gzip_each(records: &[Vec<u8>]) -> Vec<u8> {
        let mut out = Vec::new();
        for r in records {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(r).unwrap();
            out.extend(gz.finish().unwrap());
        }
        out
    }

    /// A sample crawl: warcinfo, request, a windows-1252 French page, a 404, a
    /// PDF, a UTF-8 English page with its own date, a metadata record.
    pub fn sample() -> Vec<Vec<u8>> {
        let french = "<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Départ</title></head><body><p>Le président a quitté l'entreprise après vingt ans, a annoncé le groupe vendredi.</p></body></html>";
        let (french, _, _) = encoding_rs::WINDOWS_1252.encode(french);
        let english = "<!doctype html><html lang=\"en-GB\"><head><meta property=\"article:published_time\" content=\"2024-07-30\"><title>CFO</title></head><body><p>Northwind appointed Ana Silva as chief financial officer.</p></body></html>";
        vec![
            record("warcinfo", "", "2024-08-06T10:00:00Z", b"software: test\r\n"),
            record("request", "https://fr.example/depart", "2024-08-06T10:00:01Z", b"GET /depart HTTP/1.1\r\nHost: fr.example\r\n\r\n"),
            record("response", "https://fr.example/depart", "2024-08-06T10:00:02Z", &http("200 OK", "text/html; charset=windows-1252", &french)),
            record("response", "https://fr.example/missing", "2024-08-06T10:00:03Z", &http("404 Not Found", "text/html", b"<html><body>Not found</body></html>")),
            record("response", "https://fr.example/doc.pdf", "2024-08-06T10:00:04Z", &http("200 OK", "application/pdf", b"%PDF-1.4")),
            record("response", "https://en.example/cfo", "2024-08-06T10:00:05Z", &http("200 OK", "text/html", english.as_bytes())),
            record("metadata", "https://en.example/cfo", "2024-08-06T10:00:06Z", b"fetchTimeMs: 12\r\n"),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    fn collect(run: impl FnOnce(&mut dyn FnMut(Item))) -> (Vec<Document>, Vec<String>) {
        let (mut docs, mut errs) = (Vec::new(), Vec::new());
        run(&mut |i| match i {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e.to_string()),
        });
        (docs, errs)
    }

    fn check_sample(docs: &[Document], errs: &[String]) {
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(docs.len(), 2);
        let fr = &docs[0];
        assert_eq!((fr.id.as_str(), fr.url.as_deref()), ("https://fr.example/depart", Some("https://fr.example/depart")));
        assert!(fr.text.contains("Le président a quitté l'entreprise"), "{}", fr.text);
        assert_eq!((fr.lang.as_deref(), fr.published.as_deref()), (Some("fr"), Some("2024-08-06")));
        assert_eq!(fr.origin, "crawl.warc#3");
        let en = &docs[1];
        assert_eq!((en.id.as_str(), en.lang.as_deref(), en.published.as_deref()), ("https://en.example/cfo", Some("en"), Some("2024-07-30")));
        assert_eq!(en.origin, "crawl.warc#6");
    }

    #[test]
    fn plain_warc_keeps_html_responses_and_http_charset() {
        let bytes: Vec<u8> = build::sample().concat();
        let (docs, errs) = collect(|sink| read(&bytes[..], "crawl.warc", sink));
        check_sample(&docs, &errs);
    }

    #[test]
    fn pages_are_handed_out_unparsed_and_finish_as_documents() {
        let bytes: Vec<u8> = build::sample().concat();
        let mut pending = Vec::new();
        read_pending(&bytes[..], "crawl.warc", &mut |p| pending.push(p));
        assert!(pending.iter().all(|p| matches!(p, Pending::Page(_))), "both pages are left to parse: {pending:?}");
        // Finished on other threads, in any order: the same documents.
        let finished: Vec<Item> = std::thread::scope(|s| {
            let handles: Vec<_> = pending.into_iter().rev().map(|p| s.spawn(move || p.finish())).collect();
            handles.into_iter().rev().map(|h| h.join().unwrap()).collect()
        });
        let docs: Vec<Document> = finished.into_iter().map(Result::unwrap).collect();
        check_sample(&docs, &[]);
    }

    #[test]
    fn a_page_without_text_is_a_problem_of_its_record() {
        let records = [build::record("response", "https://x.example/", "2024-08-06T10:00:02Z", &build::http("200 OK", "text/html", b"<html><body><script>x()</script></body></html>"))];
        let (docs, errs) = collect(|sink| read(&records.concat()[..], "crawl.warc", sink));
        assert!(docs.is_empty());
        assert_eq!(errs, ["crawl.warc: WARC record 1: no text in the page"]);
    }

    #[test]
    fn gzip_per_record_warc_streams() {
        let bytes = build::gzip_each(&build::sample());
        let (docs, errs) = collect(|sink| read_gzip(&bytes[..], "crawl.warc", sink));
        check_sample(&docs, &errs);
    }

    #[test]
    fn truncated_gzip_yields_what_was_read_then_an_error() {
        let members: Vec<Vec<u8>> = build::sample().iter().map(|r| build::gzip_each(std::slice::from_ref(r))).collect();
        let mut cut = members[..5].concat();
        cut.extend_from_slice(&members[5][..members[5].len() / 2]);
        let (docs, errs) = collect(|sink| read_gzip(&cut[..], "crawl.warc.gz", sink));
        assert_eq!(docs.len(), 1, "{errs:?}");
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].starts_with("crawl.warc.gz: WARC record 6"), "{errs:?}");
    }

    #[test]
    fn truncated_plain_warc_and_garbage_give_errors() {
        let records = build::sample();
        let mut cut = records[..5].concat();
        cut.extend_from_slice(&records[5][..records[5].len() / 2]);
        let (docs, errs) = collect(|sink| read(&cut[..], "c.warc", sink));
        assert_eq!((docs.len(), errs.len()), (1, 1), "{errs:?}");
        assert!(errs[0].contains("truncated"), "{errs:?}");
        for garbage in [&b"WARC/1.0\r\nContent-Length: nope\r\n\r\n"[..], b"WARC/1.0\r\nWARC-Type: response", b"hello", b"WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n"] {
            let (docs, errs) = collect(|sink| read(garbage, "g.warc", sink));
            assert!(docs.is_empty() && errs.len() == 1, "{garbage:?}: {errs:?}");
        }
        let (docs, errs) = collect(|sink| read_gzip(&b"\x1f\x8b\x08garbage"[..], "g.warc.gz", sink));
        assert!(docs.is_empty() && errs.len() == 1, "{errs:?}");
        let (docs, errs) = collect(|sink| read(&b""[..], "e.warc", sink));
        assert!(docs.is_empty() && errs.is_empty());
    }

    #[test]
    fn broken_http_inside_a_record_is_reported_and_reading_goes_on() {
        let records = [
            build::record("response", "https://x.example/a", "2024-08-06T00:00:00Z", b"\x00\x01 not http"),
            build::record("response", "https://x.example/b", "2024-08-06T00:00:00Z", &build::http("200 OK", "text/html", b"<html><body><p>Texte de la page.</p></body></html>")),
        ];
        let (docs, errs) = collect(|sink| read(&records.concat()[..], "b.warc", sink));
        assert_eq!(docs.len(), 1);
        assert!(errs[0].starts_with("b.warc: WARC record 1: HTTP"), "{errs:?}");
    }

    #[test]
    fn chunked_and_gzip_http_bodies_are_decoded() {
        let page = b"<html><body><p>Jean Dupont rejoint Contoso.</p></body></html>";
        let mut chunked = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        chunked.extend(format!("{:x}\r\n", 20).as_bytes());
        chunked.extend(&page[..20]);
        chunked.extend(format!("\r\n{:x}\r\n", page.len() - 20).as_bytes());
        chunked.extend(&page[20..]);
        chunked.extend(b"\r\n0\r\n\r\n");
        let mut gz = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        gz.extend(build::gzip_each(&[page.to_vec()]));
        for block in [chunked, gz] {
            let rec = build::record("response", "https://x.example/c", "2024-08-06T00:00:00Z", &block);
            let (docs, errs) = collect(|sink| read(&rec[..], "c.warc", sink));
            assert!(errs.is_empty(), "{errs:?}");
            assert_eq!(docs[0].text, "Jean Dupont rejoint Contoso.");
        }
    }
}
