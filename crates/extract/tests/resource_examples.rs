//! Every example written in a resource file runs here: a trigger's examples
//! must give an event of its type, a relative date's examples must resolve.
//! A failure names the file and the entry to fix.

use tenure_extract::{Extractor, Input, Lang, PartialDate};

#[test]
fn trigger_examples_give_their_event() {
    let extractor = Extractor::new().expect("resources load");
    let published = PartialDate::parse("2024-06-14");
    let mut failures = Vec::new();
    let mut total = 0;
    for lang in Lang::ALL {
        let language = extractor.language(lang);
        for (n, entry) in language.trigger_entries.iter().enumerate() {
            for example in &entry.examples {
                total += 1;
                let out = extractor.extract(&Input { id: "example", text: example, lang: Some(lang), published }).unwrap();
                if !out.events.iter().any(|e| e.kind.as_str() == entry.kind) {
                    let got: Vec<String> = out.events.iter().map(|e| format!("{} {:?}@{}", e.kind, e.person, e.org)).collect();
                    failures.push(format!("{}/triggers.toml trigger #{} ({} {}): {example:?} gave {got:?}", lang.code(), n + 1, entry.kind, entry.manner));
                }
            }
        }
    }
    assert!(total > 100, "too few examples: {total}");
    assert!(failures.is_empty(), "{} of {total} trigger examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn manner_cue_examples_give_their_manner() {
    let extractor = Extractor::new().expect("resources load");
    let published = PartialDate::parse("2024-06-14");
    let mut failures = Vec::new();
    let mut total = 0;
    for lang in Lang::ALL {
        for (n, cue) in extractor.language(lang).manner_cue_entries.iter().enumerate() {
            for example in &cue.examples {
                total += 1;
                let out = extractor.extract(&Input { id: "example", text: example, lang: Some(lang), published }).unwrap();
                if !out.events.iter().any(|e| e.kind.as_str() == cue.kind && e.manner.as_deref() == Some(cue.manner.as_str())) {
                    let got: Vec<String> = out.events.iter().map(|e| format!("{} {:?}", e.kind, e.manner)).collect();
                    failures.push(format!("{}/triggers.toml manner_cue #{} ({} {}): {example:?} gave {got:?}", lang.code(), n + 1, cue.kind, cue.manner));
                }
            }
        }
    }
    assert!(total >= 8, "too few examples: {total}");
    assert!(failures.is_empty(), "{} of {total} manner cue examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn holding_examples_give_a_held_fact() {
    let extractor = Extractor::new().expect("resources load");
    let published = PartialDate::parse("2024-06-14");
    let mut failures = Vec::new();
    let mut total = 0;
    for lang in Lang::ALL {
        for (n, h) in extractor.language(lang).holding_entries.iter().enumerate() {
            for example in &h.examples {
                total += 1;
                let out = extractor.extract(&Input { id: "example", text: example, lang: Some(lang), published }).unwrap();
                if !out.events.iter().any(|e| e.kind.as_str() == "held" && e.manner.as_deref() == Some(h.tense.as_str())) {
                    let got: Vec<String> = out.events.iter().map(|e| format!("{} {:?}@{} {:?}", e.kind, e.person, e.org, e.manner)).collect();
                    failures.push(format!("{}/triggers.toml holding #{} ({}): {example:?} gave {got:?}", lang.code(), n + 1, h.tense));
                }
            }
        }
    }
    assert!(total >= 12, "too few examples: {total}");
    assert!(failures.is_empty(), "{} of {total} holding examples fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn relative_date_examples_resolve() {
    let extractor = Extractor::new().expect("resources load");
    let mut failures = Vec::new();
    for lang in Lang::ALL {
        let language = extractor.language(lang);
        for entry in &language.relative_entries {
            for example in &entry.examples {
                let toks = tenure_extract::tokenize::tokenize(example, &language.rules);
                let published = PartialDate::parse("2024-06-14");
                let found = (0..toks.len()).find_map(|i| tenure_extract::timex::timex_at(language, &toks, i, published, false));
                let ok = found.is_some_and(|t| t.date.is_some() || t.later.is_some() || t.span_months.is_some() || t.years_after.is_some());
                if !ok {
                    failures.push(format!("{}/dates.toml {:?}: {example:?} not resolved", lang.code(), entry.resolve));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} date examples fail:\n{}", failures.len(), failures.join("\n"));
}
