use tenure_extract::*;
#[test]
fn scratch() {
    let x = Extractor::new().unwrap();
    let text = std::env::var("T").unwrap();
    let lang: Lang = std::env::var("L").unwrap_or("fr".into()).parse().unwrap();
    let common = resources::Common::load();
    let language = resources::Language::load(lang, &common).unwrap();
    let an = analysis::Analysis::new(&text, &language, &common, PartialDate::parse("2024-08-06"));
    for m in &an.mentions { eprintln!("{:?} {:?}", an.raw(m.start, m.end), m.kind); }
    eprintln!("main org {:?}", an.main_org.map(|i| an.orgs[i].clone()));
    for d in engine::extract(&an) { eprintln!("{:?}", d); }
    let _ = x;
}
