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

/// A sentence listing thousands of names gives one event per name, each with
/// evidence around that name and not the whole sentence: output grows with
/// the names, not with names × sentence length (8,000 names once gave
/// 900 MB of JSON).
#[test]
fn thousands_of_names_in_one_sentence_give_bounded_evidence() {
    const FIRST: [&str; 5] = ["Jean", "Marie", "Luc", "Anne", "Sophie"];
    let names: Vec<String> = (0..3000).map(|i| format!("{} Nom{i}", FIRST[i % 5])).collect();
    let text = format!("Hier, {} et Paul Durand ont quitté Fabrikam.", names.join(", "));
    let x = Extractor::new().unwrap();
    let out = x.extract(&Input { id: "t", text: &text, lang: Some(Lang::Fr), published: PartialDate::parse("2024-08-06") }).unwrap();
    assert!(out.events.len() >= 3000, "{} events", out.events.len());
    for e in &out.events {
        assert!(e.evidence.text.len() <= 1000, "{} bytes of evidence", e.evidence.text.len());
        let person = e.person.as_deref().unwrap();
        assert!(e.evidence.text.contains(person), "{person} not in its evidence");
        let by_offsets: String = text.chars().skip(e.evidence.start).take(e.evidence.end - e.evidence.start).collect();
        assert_eq!(by_offsets, e.evidence.text);
    }
}
