//! Throughput of each reader in input bytes per second: an HTML page, an RSS
//! feed and a WARC crawl (plain and gzip), all generated here from the
//! project's own example articles, so nothing is downloaded.
//! Run with `cargo bench -p tenure-sources`.

use std::io::{BufReader, Cursor, Write};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use serde::Deserialize;
use tenure_sources::{feed, html, warc};

const ARTICLES: &str = include_str!("../../../examples/articles/demo.jsonl");

#[derive(Deserialize)]
struct Article {
    id: String,
    title: String,
    text: String,
    lang: String,
    published: String,
}

fn articles() -> Vec<Article> {
    ARTICLES.lines().map(|l| serde_json::from_str(l).expect("the examples are valid JSON")).collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// A news page as publishers write them: navigation, a script, the article in
/// paragraphs, related links and a footer around it.
fn page(a: &Article) -> String {
    let paragraphs: String = a.text.split('\n').map(|p| format!("<p>{}</p>\n", escape(p))).collect();
    format!(
        "<!doctype html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title} | Le Quotidien</title>\n\
         <meta property=\"article:published_time\" content=\"{published}T08:00:00+01:00\">\n\
         <link rel=\"canonical\" href=\"https://news.example/{id}\">\n\
         <script>window.dataLayer = [{{\"page\": \"article\"}}];</script><style>body {{ font-family: serif }}</style></head>\n\
         <body><header><nav><a href=\"/\">Accueil</a> <a href=\"/eco\">Économie</a> <a href=\"/tech\">Tech</a></nav></header>\n\
         <main><article><h1>{title}</h1><p class=\"byline\">Par la rédaction</p>\n{paragraphs}</article>\n\
         <aside><h2>À lire aussi</h2><ul><li><a href=\"/a\">Les marchés reculent</a></li><li><a href=\"/b\">Un nouveau campus</a></li></ul></aside></main>\n\
         <footer><p>© Le Quotidien. Tous droits réservés.</p></footer></body></html>\n",
        lang = a.lang,
        title = escape(&a.title),
        published = a.published,
        id = a.id,
    )
}

fn rss(articles: &[Article]) -> String {
    let items: String = articles
        .iter()
        .map(|a| {
            format!(
                "<item><title>{}</title><link>https://news.example/{id}</link><guid>{id}</guid><pubDate>Wed, 03 Mar 2021 08:00:00 +0000</pubDate>\
                 <description>{}</description></item>\n",
                escape(&a.title),
                escape(&a.text),
                id = a.id
            )
        })
        .collect();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Le Quotidien</title><link>https://news.example/</link><description>Actualités</description>\n{items}</channel></rss>\n")
}

/// One WARC response record holding `page` with its HTTP headers.
fn warc_record(n: usize, uri: &str, page: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{page}", page.len());
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\nWARC-Date: 2021-03-03T08:00:00Z\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http.as_bytes());
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// A crawl of `copies` rounds of the example pages, plain and with one gzip
/// member per record as Common Crawl writes them.
fn crawl(articles: &[Article], copies: usize) -> (Vec<u8>, Vec<u8>) {
    let (mut plain, mut gz) = (Vec::new(), Vec::new());
    for round in 0..copies {
        for (i, a) in articles.iter().enumerate() {
            let record = warc_record(round * articles.len() + i, &format!("https://news.example/{}/{round}", a.id), &page(a));
            let mut member = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            member.write_all(&record).unwrap();
            gz.extend(member.finish().unwrap());
            plain.extend(record);
        }
    }
    (plain, gz)
}

fn readers(c: &mut Criterion) {
    let articles = articles();
    let mut group = c.benchmark_group("sources");

    let pages: Vec<String> = articles.iter().map(page).collect();
    group.throughput(Throughput::Bytes(pages.iter().map(|p| p.len() as u64).sum()));
    group.bench_function("html_page", |b| {
        b.iter(|| {
            for p in &pages {
                std::hint::black_box(html::extract(p));
            }
        })
    });

    let feed_xml = rss(&articles);
    group.throughput(Throughput::Bytes(feed_xml.len() as u64));
    group.bench_function("rss_feed", |b| {
        b.iter(|| {
            let mut n = 0;
            feed::read(feed_xml.as_bytes(), "bench.rss", &mut |item| n += usize::from(item.is_ok()));
            assert_eq!(n, articles.len());
        })
    });

    let (plain, gz) = crawl(&articles, 8);
    let records = 8 * articles.len();
    group.throughput(Throughput::Bytes(plain.len() as u64));
    group.bench_function("warc", |b| {
        b.iter(|| {
            let mut n = 0;
            warc::read(BufReader::new(Cursor::new(&plain)), "bench.warc", &mut |item| n += usize::from(item.is_ok()));
            assert_eq!(n, records);
        })
    });
    // Bytes of the compressed file: what a crawl costs to read per byte on disk.
    group.throughput(Throughput::Bytes(gz.len() as u64));
    group.bench_function("warc_gz", |b| {
        b.iter(|| {
            let mut n = 0;
            warc::read_gzip(Cursor::new(&gz), "bench.warc.gz", &mut |item| n += usize::from(item.is_ok()));
            assert_eq!(n, records);
        })
    });
    group.finish();
}

criterion_group!(benches, readers);
criterion_main!(benches);
