//! The extractor never panics: on the development articles, on every
//! example article, and on their text cut at every sentence and mangled.
//! (Run in debug builds too, where integer overflow panics.)

use tenure_extract::{Extractor, Input, Lang, PartialDate};

fn texts() -> Vec<(String, Option<Lang>)> {
    let mut out = Vec::new();
    let demo = include_str!("../../../examples/articles/demo.jsonl");
    let dev = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/dev/docs.jsonl")).unwrap_or_default();
    for line in demo.lines().chain(dev.lines()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let lang = v["lang"].as_str().and_then(|l| l.parse().ok());
        out.push((v["text"].as_str().unwrap_or_default().to_string(), lang));
    }
    out
}

#[test]
fn mangled_articles_never_panic() {
    let x = Extractor::new().unwrap();
    let published = PartialDate::parse("2024-08-06");
    for (text, lang) in texts() {
        let chars: Vec<char> = text.chars().collect();
        let variants = [
            text.clone(),
            text.to_uppercase(),
            text.to_lowercase(),
            text.replace(['.', ','], ""),
            text.replace(' ', "  ,"),
            chars.iter().rev().collect::<String>(),
            chars.iter().take(chars.len() / 3).collect::<String>(),
            text.split_whitespace().rev().collect::<Vec<_>>().join(" "),
        ];
        for v in variants {
            let _ = x.extract(&Input { id: "t", text: &v, lang, published });
            let _ = x.extract(&Input { id: "t", text: &v, lang: None, published: None });
        }
    }
}
