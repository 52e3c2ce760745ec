//! Extraction throughput in bytes of news text per second, per language.
//!
//! The texts are the project's own example articles (examples/articles),
//! invented for tenure, so the figures can be compared across machines and
//! commits without any outside data. Run with `cargo bench -p tenure-extract`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde::Deserialize;
use tenure_extract::{Extractor, Input, Lang, PartialDate};

const ARTICLES: &str = include_str!("../../../examples/articles/demo.jsonl");

#[derive(Deserialize)]
struct Article {
    id: String,
    text: String,
    lang: String,
    published: String,
}

fn articles(lang: &str) -> Vec<Article> {
    ARTICLES.lines().map(|l| serde_json::from_str::<Article>(l).expect("the examples are valid JSON")).filter(|a| a.lang == lang).collect()
}

fn extraction(c: &mut Criterion) {
    let extractor = Extractor::new().expect("the resources load");
    let mut group = c.benchmark_group("extract");
    for lang in ["fr", "en"] {
        let docs = articles(lang);
        let bytes: usize = docs.iter().map(|a| a.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        let code: Lang = lang.parse().expect("a known language");
        // As ingest runs: language and date given by the document.
        group.bench_with_input(BenchmarkId::new("given_language", lang), &docs, |b, docs| {
            b.iter(|| {
                for a in docs {
                    let x = extractor.extract(&Input { id: &a.id, text: &a.text, lang: Some(code), published: PartialDate::parse(&a.published) }).unwrap();
                    std::hint::black_box(x);
                }
            })
        });
        // As `tenure extract file.txt` runs: the language is detected.
        group.bench_with_input(BenchmarkId::new("detected_language", lang), &docs, |b, docs| {
            b.iter(|| {
                for a in docs {
                    let x = extractor.extract(&Input { id: &a.id, text: &a.text, lang: None, published: PartialDate::parse(&a.published) }).unwrap();
                    std::hint::black_box(x);
                }
            })
        });
    }
    group.finish();
}

fn loading(c: &mut Criterion) {
    // Paid once per run; worth watching as resources grow.
    c.bench_function("extractor_new", |b| b.iter(|| Extractor::new().unwrap()));
}

criterion_group!(benches, extraction, loading);
criterion_main!(benches);
