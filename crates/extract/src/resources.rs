//! Language resources: the per-language TOML files, loaded and compiled.
//!
//! The files live in `resources/<lang>/` (see `resources/README.md`) and are
//! embedded in the binary, so tenure needs nothing at run time. Loading checks
//! every value against the spec (types, manners, role codes) and reports the
//! file and entry at fault.

use crate::fxhash::FxHashMap as HashMap;

use serde::Deserialize;

use crate::event::{EventType, ROLE_CODES};
use crate::fold::{fold, Folded};
pub use crate::wordset::WordSet;
use crate::lang::Lang;
use crate::phrase::{PhraseSet, Slots};
use crate::tokenize::TokenRules;

/// A resource file that does not say what the engine needs.
#[derive(Debug, thiserror::Error)]
#[error("resource {file}: {message}")]
pub struct ResourceError {
    pub file: String,
    pub message: String,
}

struct Sources {
    triggers: &'static str,
    roles: &'static str,
    dates: &'static str,
    grammar: &'static str,
}

macro_rules! lang_sources {
    ($code:literal) => {
        Sources {
            triggers: include_str!(concat!("../resources/", $code, "/triggers.toml")),
            roles: include_str!(concat!("../resources/", $code, "/roles.toml")),
            dates: include_str!(concat!("../resources/", $code, "/dates.toml")),
            grammar: include_str!(concat!("../resources/", $code, "/grammar.toml")),
        }
    };
}

fn sources(lang: Lang) -> Sources {
    match lang {
        Lang::Fr => lang_sources!("fr"),
        Lang::En => lang_sources!("en"),
        Lang::De => lang_sources!("de"),
        Lang::Es => lang_sources!("es"),
    }
}

const GIVEN_NAMES: &str = include_str!("../resources/common/given_names.txt");
const FEMALE_NAMES: &str = include_str!("../resources/common/given_names_female.txt");
const ORGS: &str = include_str!("../resources/common/orgs.tsv");
const ORG_COUNTRIES: &str = include_str!("../resources/common/org_countries.tsv");
const ORG_SUFFIXES: &str = include_str!("../resources/common/org_suffixes.txt");

/// Where the person of a trigger stands in the active voice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonSlot {
    #[default]
    Subject,
    Object,
}

#[derive(Clone, Debug, Deserialize)]
pub struct TriggerEntry {
    #[serde(rename = "type")]
    pub kind: String,
    pub manner: String,
    #[serde(default)]
    pub person: PersonSlot,
    pub phrases: Vec<String>,
    #[serde(default)]
    pub future: Vec<String>,
    /// "X succeeds Y": Y ends where X starts.
    #[serde(default)]
    pub succession: bool,
    /// "X hands over to Y" (an end): Y starts where X ends.
    #[serde(default)]
    pub hands_over: bool,
    /// "Sein Nachfolger wird Y", "his successor is Y" (a start): Y takes the
    /// post of the person the story is about.
    #[serde(default)]
    pub successor_named: bool,
    /// The role the phrase itself gives ("helped found": cofounder), where
    /// the text names no title.
    #[serde(default)]
    pub role: Option<String>,
    /// "moved to Google": a change only where an organization the article
    /// knows follows ("moved to London" is no new job).
    #[serde(default)]
    pub needs_org: bool,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// Words elsewhere in the sentence that say how a change happened when its
/// verb does not: "s'éloigne d'Apple pour raisons de santé" is a medical leave.
#[derive(Clone, Debug, Deserialize)]
pub struct MannerCue {
    #[serde(rename = "type")]
    pub kind: String,
    pub manner: String,
    pub phrases: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

/// Verbs of holding a post, not changing it ("dirigeait", "has run",
/// "leitet"): they give `held` facts.
#[derive(Clone, Debug, Deserialize)]
pub struct HoldingEntry {
    /// `current` ("dirige", "runs") or `past` ("dirigeait", "led").
    pub tense: String,
    /// The role when the object is an organization ("dirige Renault": ceo).
    pub role: String,
    /// The role when the object is a unit or an activity ("led product at Meta": head).
    #[serde(default = "head")]
    pub unit_role: String,
    /// "Nissan, dirigé par Hiroto Saikawa", "the board, chaired by X": the
    /// person follows, the organization (or its board) stands before.
    #[serde(default)]
    pub passive: bool,
    pub phrases: Vec<String>,
    #[serde(default)]
    pub examples: Vec<String>,
}

fn head() -> String {
    "head".into()
}

#[derive(Deserialize)]
struct TriggerFile {
    #[serde(default)]
    trigger: Vec<TriggerEntry>,
    #[serde(default)]
    manner_cue: Vec<MannerCue>,
    #[serde(default)]
    holding: Vec<HoldingEntry>,
}

#[derive(Deserialize)]
struct RoleEntry {
    code: String,
    titles: Vec<String>,
    /// Endings of one-word compounds the titles do not list
    /// ("Forschungsvorständin": "vorstandin"; "Siemens-Chef": "-chef").
    #[serde(default)]
    endings: Vec<String>,
    /// The code the titles take at a company from these countries (ISO code
    /// → role code): a French "président" chairs a French board but is the
    /// executive "president" of an American company.
    #[serde(default)]
    at_companies_from: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct UnitEntry {
    name: String,
    phrases: Vec<String>,
    /// The role of one who joins or leaves it ("has left the board": board_member).
    #[serde(default)]
    member_role: Option<String>,
}

#[derive(Deserialize)]
struct RoleFile {
    #[serde(default)]
    role: Vec<RoleEntry>,
    #[serde(default)]
    unit: Vec<UnitEntry>,
    #[serde(default)]
    unit_heads: Vec<String>,
    #[serde(default)]
    former: Vec<String>,
    #[serde(default)]
    until_now: Vec<String>,
}

/// How a relative time expression resolves against the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolve {
    YearsAgo,
    MonthsAgo,
    WeeksAgo,
    DaysAgo,
    PreviousYear,
    CurrentYear,
    NextYear,
    EndOfYear,
    EndOfPreviousYear,
    SameYear,
    YearsLater,
    YearsBeforeIt,
    PreviousMonth,
    CurrentMonth,
    NextMonth,
    Yesterday,
    Today,
    Tomorrow,
    PreviousNamedMonth,
    NextNamedMonth,
    PreviousWeekday,
    NextWeekday,
    EndOfNamedYear,
    Later,
    /// "for six months": a duration (an absence's end), not a date.
    ForMonths,
    ForYears,
    DaysLater,
}

#[derive(Clone, Debug, Deserialize)]
pub struct RelativeEntry {
    pub phrases: Vec<String>,
    pub resolve: Resolve,
    #[serde(default)]
    pub examples: Vec<String>,
}

#[derive(Deserialize)]
struct DateFile {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    #[serde(default)]
    numbers: HashMap<String, u32>,
    #[serde(default)]
    day_fillers: Vec<String>,
    #[serde(default)]
    year_prepositions: Vec<String>,
    #[serde(default)]
    relative: Vec<RelativeEntry>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct GrammarFile {
    elisions: Vec<String>,
    abbreviations: Vec<String>,
    stopwords: Vec<String>,
    name_particles: Vec<String>,
    honorifics: Vec<String>,
    pronouns: Vec<String>,
    plural_pronouns: Vec<String>,
    both: Vec<String>,
    first_person: Vec<String>,
    relative_pronouns: Vec<String>,
    person_descriptions: Vec<String>,
    org_anaphors: Vec<String>,
    #[serde(default)]
    rival_anaphors: Vec<String>,
    #[serde(default)]
    nationalities: std::collections::BTreeMap<String, Vec<String>>,
    #[serde(default)]
    former_names: Vec<String>,
    /// Article contractions, as [contracted, article]: ["du", "le"].
    #[serde(default)]
    contractions: Vec<(String, String)>,
    #[serde(default)]
    place_relatives: Vec<String>,
    #[serde(default)]
    when_clauses: Vec<String>,
    org_prepositions: Vec<String>,
    of: Vec<String>,
    possessive: Vec<String>,
    #[serde(default)]
    person_possessives: Vec<String>,
    #[serde(default)]
    ellipsis: Vec<String>,
    #[serde(default)]
    thing_relatives: Vec<String>,
    #[serde(default)]
    object_relatives: Vec<String>,
    #[serde(default)]
    dative_relatives: Vec<String>,
    #[serde(default)]
    effective: Vec<String>,
    #[serde(default)]
    comitative: Vec<String>,
    #[serde(default)]
    object_clitics: Vec<String>,
    #[serde(default)]
    clitic_hosts: Vec<String>,
    #[serde(default)]
    gerund_markers: Vec<String>,
    #[serde(default)]
    org_possessives: Vec<String>,
    #[serde(default)]
    agents: Vec<String>,
    #[serde(default)]
    org_descriptor_endings: Vec<String>,
    #[serde(default)]
    not_before_names: Vec<String>,
    #[serde(default)]
    new_in_post: Vec<String>,
    #[serde(default)]
    copulas: Vec<String>,
    #[serde(default)]
    future_copulas: Vec<String>,
    #[serde(default)]
    onset: Vec<String>,
    #[serde(default)]
    again: Vec<String>,
    #[serde(default)]
    org_statements: Vec<String>,
    #[serde(default)]
    past_copulas: Vec<String>,
    #[serde(default)]
    span_from: Vec<String>,
    #[serde(default)]
    span_to: Vec<String>,
    move_to: Vec<String>,
    move_from: Vec<String>,
    passive: Vec<String>,
    negation: Vec<String>,
    denial: Vec<String>,
    speculative: Vec<String>,
    planned: Vec<String>,
    background: Vec<String>,
    #[serde(default)]
    abandoned: Vec<String>,
    #[serde(default)]
    nonfinite_openers: Vec<String>,
    clause_breaks: Vec<String>,
    until: Vec<String>,
    since: Vec<String>,
    complementizers: Vec<String>,
    coordinators: Vec<String>,
    pro_drop: bool,
    #[serde(default)]
    verb_final: bool,
    #[serde(default)]
    nouns_capitalised: bool,
    place_prepositions: Vec<String>,
    recent_org: Vec<String>,
    #[serde(default)]
    keeps_seat: Vec<String>,
    feminine_pronouns: Vec<String>,
    masculine_pronouns: Vec<String>,
}

/// A trigger found in text: which entry, and whether the form announces a plan.
#[derive(Clone, Copy, Debug)]
pub struct TriggerHit {
    pub entry: usize,
    pub future: bool,
}

/// One language, compiled for matching.
pub struct Language {
    pub lang: Lang,
    pub rules: TokenRules,
    pub trigger_entries: Vec<TriggerEntry>,
    pub triggers: PhraseSet<TriggerHit>,
    pub manner_cue_entries: Vec<MannerCue>,
    pub holding_entries: Vec<HoldingEntry>,
    /// Index into `holding_entries`.
    pub holdings: PhraseSet<usize>,
    /// Index into `manner_cue_entries`.
    pub manner_cues: PhraseSet<usize>,
    pub roles: PhraseSet<String>,
    /// (ending, role code), longest first: a compound word ending so is a title.
    pub role_endings: Vec<(String, String)>,
    /// (title as its folded words, country) → the code it takes at a company
    /// from that country (`at_companies_from`); see `role_at_company_from`.
    roles_by_country: HashMap<(String, String), String>,
    pub units: PhraseSet<String>,
    /// Unit name → the role of its members, for units that have one.
    pub unit_member_roles: HashMap<String, String>,
    pub unit_heads: PhraseSet<()>,
    pub former: PhraseSet<()>,
    /// "hasta ahora presidente de Indra": a post left just now, for the new one.
    pub until_now: PhraseSet<()>,
    pub months: HashMap<String, u8>,
    pub weekdays: HashMap<String, u8>,
    pub numbers: HashMap<String, u32>,
    pub day_fillers: WordSet,
    pub year_prepositions: PhraseSet<()>,
    pub relative_entries: Vec<RelativeEntry>,
    pub relatives: PhraseSet<Resolve>,
    /// The words a time expression may start with, besides tokens that start
    /// with a digit: first words of relative expressions, months, weekdays,
    /// number words. `None` when a relative expression may start anywhere.
    pub date_starts: Option<WordSet>,
    pub stopwords: WordSet,
    pub name_particles: WordSet,
    pub honorifics: WordSet,
    pub pronouns: WordSet,
    pub plural_pronouns: WordSet,
    pub first_person: WordSet,
    pub relative_pronouns: WordSet,
    pub passive: WordSet,
    pub negation: WordSet,
    pub of: WordSet,
    pub possessive: WordSet,
    /// "his", "sa", "su", "seine": before a noun of change, the person is the one just named.
    pub person_possessives: WordSet,
    /// "suivi par celui de X", "followed by that of X": the same change, for X.
    pub ellipsis: PhraseSet<()>,
    /// "Inflection, which X set up": relative pronouns that stand for a thing.
    pub thing_relatives: WordSet,
    /// "X, que Y avait recruté", "X, whom Y hired": after a name, a relative
    /// pronoun that is the object of the clause's verb.
    pub object_relatives: PhraseSet<()>,
    /// "X, à qui Y avait cédé la présidence", "X, to whom Y handed the job":
    /// after a name, one that receives what the clause's verb gives.
    pub dative_relatives: PhraseSet<()>,
    /// "effective Sunday", "avec effet au 1er mars": the date the change takes effect.
    pub effective: PhraseSet<()>,
    /// "founded X with A and B": those who did it with the subject.
    pub comitative: PhraseSet<()>,
    /// "le conseil l'a démis", "lo destituyó": a person as object, before the verb.
    pub object_clitics: WordSet,
    /// The auxiliaries a clitic stands before ("l'a", "l'avait"), besides a verb of change.
    pub clitic_hosts: WordSet,
    /// "en le révoquant": a clitic between these and a verb of change.
    pub gerund_markers: WordSet,
    /// "its president": a possessive that can only stand for an organization.
    pub org_possessives: WordSet,
    /// "recrutée par Musk", "appointed by the board": who made the change, not whom it changed.
    pub agents: WordSet,
    /// "die Datenanalysefirma Tableau": compound nouns ending so describe the
    /// organization named after them and are not part of its name.
    pub org_descriptor_endings: Vec<String>,
    /// "eine Auszeit": words after which a capitalised word is a common noun, not a name.
    pub not_before_names: WordSet,
    /// "its new chief executive", "le nouveau PDG": a title just taken.
    pub new_in_post: WordSet,
    /// "is", "est", "ist", "es": the link between a person and a title.
    pub copulas: PhraseSet<()>,
    /// "will be", "sera", "wird", "será": the link, for a post still to come.
    pub future_copulas: PhraseSet<()>,
    /// "desde hoy", "ab sofort", "from today": a post held from now on.
    pub onset: PhraseSet<()>,
    /// "is once again CTO", "est de nouveau PDG": a post taken back.
    pub again: PhraseSet<()>,
    /// Verbs of a statement an organization makes ("Contoso said", "a annoncé"):
    /// an unknown name before one, announcing a title, is an organization.
    pub org_statements: PhraseSet<()>,
    /// "was", "fue", "war", "était": a title linked by one was held before.
    pub past_copulas: PhraseSet<()>,
    /// "from 2010 to 2015", "entre 2010 y 2015": the words that open and close
    /// a span of years during which a post was held.
    pub span_from: PhraseSet<()>,
    pub span_to: PhraseSet<()>,
    pub org_prepositions: PhraseSet<()>,
    pub both: PhraseSet<()>,
    pub person_descriptions: PhraseSet<()>,
    pub org_anaphors: PhraseSet<()>,
    /// The nouns of `org_anaphors` without their article ("startup" of "the
    /// startup"), and those articles: "the warehouse-automation startup",
    /// "das Kieler Unternehmen" put modifiers between the two.
    pub org_anaphor_heads: PhraseSet<()>,
    pub org_anaphor_articles: WordSet,
    /// "le concurrent", "its rival": another organization than the article's, named last.
    pub rival_anaphors: PhraseSet<()>,
    /// The nouns of `rival_anaphors` ("konkurrenten", "rival"): before a name,
    /// they mark an organization other than the article's.
    pub rival_nouns: WordSet,
    /// Nationality adjectives, folded, to their country's ISO code: "le groupe
    /// japonais", "the German carmaker" name the organization from there.
    pub nationalities: HashMap<String, String>,
    /// "formerly known as", "anciennement": before an organization's former name.
    pub former_names: PhraseSet<()>,
    /// "where", "où": a clause about the place just named ("from Google, where
    /// she was a vice president"), whose titles are held there.
    pub place_relatives: PhraseSet<()>,
    /// "since 2014, when he took over": a clause dated by the date before its comma.
    pub when_clauses: PhraseSet<()>,
    pub move_to: PhraseSet<()>,
    pub move_from: PhraseSet<()>,
    pub denial: PhraseSet<()>,
    pub speculative: PhraseSet<()>,
    pub planned: PhraseSet<()>,
    pub background: PhraseSet<()>,
    /// "a plan that never materialized", "un projet resté lettre morte": the
    /// plans its sentence tells of did not happen.
    pub abandoned: PhraseSet<()>,
    /// "after joining", "avant de rejoindre", "después de dejar": a clause
    /// with no subject of its own, whose verb is the sentence subject's.
    pub nonfinite_openers: PhraseSet<()>,
    pub clause_breaks: PhraseSet<()>,
    pub until: PhraseSet<()>,
    /// "depuis", "since": a date that opens a held span, not a change.
    pub since: PhraseSet<()>,
    /// "que", "that": the start of a subordinate clause.
    pub complementizers: WordSet,
    /// "et", "and": names joined into one argument.
    pub coordinators: PhraseSet<()>,
    /// Whether the language leaves out subject pronouns (Spanish): then a verb
    /// without a subject is about the person in focus.
    pub pro_drop: bool,
    /// German puts the verb of a subordinate or perfect clause last, after its
    /// object ("hat das Unternehmen 1998 gegründet").
    pub verb_final: bool,
    /// German writes every noun capitalised: a capital says less of a name.
    pub nouns_capitalised: bool,
    /// "à", "in": what follows is a place, not an organization.
    pub place_prepositions: WordSet,
    /// "y", "dort": the organization just named.
    pub recent_org: PhraseSet<()>,
    /// "will remain on the board", "reste au conseil": a seat kept, before the unit.
    pub keeps_seat: PhraseSet<()>,
    /// "elle", "she" / "il", "he": references that skip persons of the other sex.
    pub feminine_pronouns: WordSet,
    pub masculine_pronouns: WordSet,
    /// The organization gazetteer, tokenized the way this language tokenizes.
    pub orgs: PhraseSet<usize>,
}

impl Slots for Language {
    fn number(&self, folded: &str) -> Option<u32> {
        self.numbers.get(folded).copied()
    }
    fn month(&self, folded: &str) -> Option<u8> {
        // "sept." is September, "sept" alone the number seven: an abbreviation
        // matches with its dot; a full name also without a dot that follows it.
        self.months.get(folded).or_else(|| self.months.get(folded.trim_end_matches('.'))).copied()
    }
    fn weekday(&self, folded: &str) -> Option<u8> {
        self.weekdays.get(folded).copied()
    }
}

/// What all languages share: given names and the organization gazetteer.
pub struct Common {
    pub given_names: WordSet,
    /// Given names mostly borne by women, for "elle"/"she" (a subset of `given_names`).
    pub female_names: WordSet,
    /// Canonical organization names; the gazetteer's values index this list.
    pub org_names: Vec<String>,
    org_aliases: Vec<(String, usize)>,
    pub org_suffixes: WordSet,
    /// Names written with a lower-case first letter ("xAI", "eBay"), matched only as written.
    pub lowercase_orgs: WordSet,
    /// `fold_name` of every name of `org_names`, computed once.
    pub org_name_keys: WordSet,
    /// `fold_name` of every name and alias → its index in `org_names`.
    org_alias_keys: std::collections::HashMap<String, usize>,
    /// The home country (ISO code) of organizations of `org_names`, by index.
    org_countries: std::collections::HashMap<usize, String>,
}

impl Common {
    pub fn load() -> Common {
        let list = |text: &str| text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|w| Folded::new(fold(w))).collect::<WordSet>();
        let given_names = list(GIVEN_NAMES);
        let female_names = list(FEMALE_NAMES);
        let mut org_names = Vec::new();
        let mut org_aliases = Vec::new();
        for line in ORGS.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let name = cols.next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            let id = org_names.len();
            org_names.push(name.to_string());
            org_aliases.push((name.to_string(), id));
            for alias in cols.next().unwrap_or("").split('|').map(str::trim).filter(|a| !a.is_empty()) {
                org_aliases.push((alias.to_string(), id));
            }
        }
        let org_suffixes = ORG_SUFFIXES
            .lines()
            .map(|l| Folded::from(fold(l.trim()).trim_end_matches('.')))
            .filter(|l| !l.is_empty())
            .collect();
        let lowercase_orgs = org_aliases
            .iter()
            .filter_map(|(a, _)| a.split_whitespace().next())
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .map(Folded::from)
            .collect();
        let org_name_keys = org_names.iter().map(|n| Folded::new(crate::fold::fold_name(n))).collect();
        let org_alias_keys = org_aliases.iter().map(|(a, id)| (crate::fold::fold_name(a), *id)).collect();
        let id_of: std::collections::HashMap<&str, usize> = org_names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
        let org_countries = ORG_COUNTRIES
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .filter_map(|(name, country)| Some((*id_of.get(name.trim())?, country.trim().to_string())))
            .collect();
        Common { given_names, female_names, org_names, org_aliases, org_suffixes, lowercase_orgs, org_name_keys, org_alias_keys, org_countries }
    }

    /// The home country of a gazetteer organization named `name` (or an alias).
    pub fn country_of(&self, name: &str) -> Option<&str> {
        self.org_countries.get(&self.gazetteer_id(name)?).map(String::as_str)
    }

    /// The gazetteer's name for `name` (a name or an alias), compared folded
    /// ("SAP-Managerin": SAP).
    pub fn known_org(&self, name: &str) -> Option<&str> {
        self.gazetteer_id(name).map(|id| self.org_names[id].as_str())
    }

    fn gazetteer_id(&self, name: &str) -> Option<usize> {
        self.org_alias_keys.get(crate::fold::fold_name(name).as_str()).copied()
    }
}

fn parse<'de, T: Deserialize<'de>>(lang: Lang, file: &str, text: &'de str) -> Result<T, ResourceError> {
    toml::from_str(text).map_err(|e| ResourceError { file: format!("{}/{file}", lang.code()), message: e.to_string() })
}

fn set(words: &[String]) -> WordSet {
    words.iter().map(|w| Folded::new(fold(w.trim()))).collect()
}

/// A phrase as the tokenizer sees it, folded words joined by spaces.
fn words(phrase: &str, rules: &TokenRules) -> String {
    crate::tokenize::tokenize(phrase, rules).into_iter().map(|t| t.folded).collect::<Vec<_>>().join(" ")
}

fn phrases(words: &[String], rules: &TokenRules) -> PhraseSet<()> {
    let mut s = PhraseSet::new();
    for w in words {
        s.insert(w, (), rules);
    }
    s
}

impl Language {
    /// The code a title (as written) takes at a company from `country`, where
    /// the roles say it differs there ("président" at an American company).
    pub fn role_at_company_from(&self, title: &str, country: &str) -> Option<&str> {
        self.roles_by_country.get(&(words(title, &self.rules), country.to_string())).map(String::as_str)
    }

    /// Whether a folded word describes an organization ("datenanalysefirma").
    /// "Datenanalysefirma", "Medizintechnikherstellers" (a genitive): a noun
    /// that describes the organization named after it.
    pub fn is_org_descriptor(&self, folded: &str) -> bool {
        let stems = [Some(folded), folded.strip_suffix('s'), folded.strip_suffix("es"), folded.strip_suffix('n'), folded.strip_suffix("en")];
        stems.into_iter().flatten().any(|w| self.org_descriptor_endings.iter().any(|e| w.ends_with(e.as_str())))
    }

    /// How many words open a capitalised run `toks[i..end]` to describe the
    /// organization it names: "Datenanalysefirma Tableau" (1), "Berliner
    /// E-Scooter-Verleihers Kranich Mobility" (2, a place adjective first);
    /// 0 for a name, and `end - i` for a run that is only a description.
    pub fn org_description_len(&self, toks: &[crate::tokenize::Token], i: usize, end: usize) -> usize {
        if self.org_descriptor_endings.is_empty() || i >= end {
            return 0;
        }
        let place_adjective = toks[i].folded.ends_with("er") && i + 1 < end && self.is_org_descriptor(&toks[i + 1].folded);
        let len = if place_adjective { 2 } else { usize::from(self.is_org_descriptor(&toks[i].folded)) };
        len.min(end - i)
    }

    /// Loads and checks the embedded resources of `lang`.
    pub fn load(lang: Lang, common: &Common) -> Result<Language, ResourceError> {
        let src = sources(lang);
        let err = |file: &str, message: String| ResourceError { file: format!("{}/{file}", lang.code()), message };
        let g: GrammarFile = parse(lang, "grammar.toml", src.grammar)?;
        // "le constructeur" is also "du constructeur", "au constructeur".
        let contracted = |list: &[String]| -> Vec<String> {
            let mut out = list.to_vec();
            for p in list {
                for (short, article) in &g.contractions {
                    if let Some(rest) = p.strip_prefix(article.as_str()).and_then(|r| r.strip_prefix(' ')) {
                        out.push(format!("{short} {rest}"));
                    }
                }
            }
            out
        };
        let rules = TokenRules { elisions: set(&g.elisions), abbreviations: set(&g.abbreviations) };

        let t: TriggerFile = parse(lang, "triggers.toml", src.triggers)?;
        let mut manner_cues = PhraseSet::new();
        for (i, c) in t.manner_cue.iter().enumerate() {
            let Some(kind) = EventType::parse(&c.kind).filter(|k| *k != EventType::Held) else {
                return Err(err("triggers.toml", format!("manner_cue {}: unknown type {:?}", i + 1, c.kind)));
            };
            if !kind.manners().contains(&c.manner.as_str()) {
                return Err(err("triggers.toml", format!("manner_cue {}: manner {:?} is not one of {:?}", i + 1, c.manner, kind.manners())));
            }
            for p in &c.phrases {
                manner_cues.insert(p, i, &rules);
            }
        }
        let mut holdings = PhraseSet::new();
        for (i, h) in t.holding.iter().enumerate() {
            if !matches!(h.tense.as_str(), "current" | "past") {
                return Err(err("triggers.toml", format!("holding {}: tense {:?} is not current or past", i + 1, h.tense)));
            }
            for code in [&h.role, &h.unit_role] {
                if crate::event::seniority(code) <= 1 && code != "employee" {
                    return Err(err("triggers.toml", format!("holding {}: unknown role code {code:?}", i + 1)));
                }
            }
            for p in &h.phrases {
                holdings.insert(p, i, &rules);
            }
        }
        let mut triggers = PhraseSet::new();
        for (i, e) in t.trigger.iter().enumerate() {
            let Some(kind) = EventType::parse(&e.kind).filter(|k| *k != EventType::Held) else {
                return Err(err("triggers.toml", format!("trigger {}: unknown type {:?}", i + 1, e.kind)));
            };
            if !kind.manners().contains(&e.manner.as_str()) {
                return Err(err("triggers.toml", format!("trigger {} ({:?}): manner {:?} is not one of {:?}", i + 1, e.phrases.first(), e.manner, kind.manners())));
            }
            for p in &e.phrases {
                triggers.insert(p, TriggerHit { entry: i, future: false }, &rules);
            }
            for p in &e.future {
                triggers.insert(p, TriggerHit { entry: i, future: true }, &rules);
            }
        }

        let r: RoleFile = parse(lang, "roles.toml", src.roles)?;
        let mut roles = PhraseSet::new();
        let mut roles_by_country: HashMap<(String, String), String> = HashMap::default();
        for e in &r.role {
            if !ROLE_CODES.contains(&e.code.as_str()) {
                return Err(err("roles.toml", format!("unknown role code {:?}", e.code)));
            }
            for title in &e.titles {
                roles.insert(title, e.code.clone(), &rules);
            }
            for (country, code) in &e.at_companies_from {
                if !ROLE_CODES.contains(&code.as_str()) {
                    return Err(err("roles.toml", format!("role {:?}: unknown code {code:?} for {country}", e.code)));
                }
                for title in &e.titles {
                    roles_by_country.insert((words(title, &rules), country.clone()), code.clone());
                }
            }
        }
        let mut role_endings: Vec<(String, String)> = r.role.iter().flat_map(|e| e.endings.iter().map(|x| (x.clone(), e.code.clone()))).collect();
        role_endings.sort_by_key(|(x, _)| std::cmp::Reverse(x.len()));
        let mut units = PhraseSet::new();
        let mut unit_member_roles = HashMap::default();
        for u in &r.unit {
            for p in &u.phrases {
                units.insert(p, u.name.clone(), &rules);
            }
            if let Some(code) = &u.member_role {
                if !ROLE_CODES.contains(&code.as_str()) {
                    return Err(err("roles.toml", format!("unit {:?}: unknown member_role {code:?}", u.name)));
                }
                unit_member_roles.insert(u.name.clone(), code.clone());
            }
        }

        let d: DateFile = parse(lang, "dates.toml", src.dates)?;
        if d.months.len() != 12 || d.weekdays.len() != 7 {
            return Err(err("dates.toml", "needs 12 month lists and 7 weekday lists".into()));
        }
        let index = |lists: &[Vec<String>]| -> HashMap<String, u8> {
            lists
                .iter()
                .enumerate()
                .flat_map(|(i, names)| names.iter().map(move |n| (fold(n.trim()).to_string(), i as u8 + 1)))
                .collect()
        };
        let mut relatives = PhraseSet::new();
        for e in &d.relative {
            for p in &e.phrases {
                relatives.insert(p, e.resolve, &rules);
            }
        }
        let months = index(&d.months);
        let weekdays: HashMap<String, u8> = index(&d.weekdays).into_iter().map(|(k, v)| (k, v - 1)).collect();
        let numbers: HashMap<String, u32> = d.numbers.iter().map(|(k, v)| (fold(k), *v)).collect();
        let date_starts = relatives.first_words().map(|firsts| {
            firsts.map(Folded::from).chain(months.keys().chain(weekdays.keys()).chain(numbers.keys()).map(Folded::new)).collect()
        });
        let mut orgs = PhraseSet::new();
        for (alias, id) in &common.org_aliases {
            orgs.insert(alias, *id, &rules);
        }

        Ok(Language {
            lang,
            trigger_entries: t.trigger,
            triggers,
            manner_cue_entries: t.manner_cue,
            holding_entries: t.holding,
            holdings,
            manner_cues,
            roles,
            role_endings,
            roles_by_country,
            units,
            unit_member_roles,
            unit_heads: phrases(&r.unit_heads, &rules),
            former: phrases(&r.former, &rules),
            until_now: phrases(&r.until_now, &rules),
            months,
            weekdays,
            numbers,
            day_fillers: set(&d.day_fillers),
            year_prepositions: phrases(&d.year_prepositions, &rules),
            relative_entries: d.relative,
            relatives,
            date_starts,
            stopwords: set(&g.stopwords),
            name_particles: set(&g.name_particles),
            honorifics: set(&g.honorifics),
            pronouns: set(&g.pronouns),
            plural_pronouns: set(&g.plural_pronouns),
            first_person: set(&g.first_person),
            relative_pronouns: set(&g.relative_pronouns),
            passive: set(&g.passive),
            negation: set(&g.negation),
            of: set(&g.of),
            possessive: set(&g.possessive),
            person_possessives: set(&g.person_possessives),
            ellipsis: phrases(&g.ellipsis, &rules),
            thing_relatives: set(&g.thing_relatives),
            object_relatives: phrases(&g.object_relatives, &rules),
            dative_relatives: phrases(&g.dative_relatives, &rules),
            comitative: phrases(&g.comitative, &rules),
            object_clitics: set(&g.object_clitics),
            clitic_hosts: set(&g.clitic_hosts),
            gerund_markers: set(&g.gerund_markers),
            org_possessives: set(&g.org_possessives),
            agents: set(&g.agents),
            org_descriptor_endings: g.org_descriptor_endings.clone(),
            not_before_names: set(&g.not_before_names),
            new_in_post: set(&g.new_in_post),
            copulas: phrases(&g.copulas, &rules),
            future_copulas: phrases(&g.future_copulas, &rules),
            onset: phrases(&g.onset, &rules),
            again: phrases(&g.again, &rules),
            org_statements: phrases(&g.org_statements, &rules),
            past_copulas: phrases(&g.past_copulas, &rules),
            span_from: phrases(&g.span_from, &rules),
            span_to: phrases(&g.span_to, &rules),
            effective: phrases(&g.effective, &rules),
            org_prepositions: phrases(&g.org_prepositions, &rules),
            both: phrases(&g.both, &rules),
            person_descriptions: phrases(&g.person_descriptions, &rules),
            org_anaphors: phrases(&contracted(&[g.org_anaphors.clone(), g.rival_anaphors.clone()].concat()), &rules),
            org_anaphor_heads: phrases(&g.org_anaphors.iter().filter_map(|p| p.split_once(' ').map(|(_, head)| head.to_string())).collect::<Vec<_>>(), &rules),
            org_anaphor_articles: set(&contracted(&g.org_anaphors).iter().filter_map(|p| p.split_once(' ').map(|(article, _)| article.to_string())).filter(|a| !a.ends_with('\'')).collect::<Vec<_>>()),
            rival_anaphors: phrases(&g.rival_anaphors, &rules),
            former_names: phrases(&g.former_names, &rules),
            place_relatives: phrases(&g.place_relatives, &rules),
            when_clauses: phrases(&g.when_clauses, &rules),
            nationalities: g.nationalities.iter().flat_map(|(country, words)| words.iter().map(move |w| (fold(w.trim()), country.clone()))).collect(),
            rival_nouns: set(&g.rival_anaphors.iter().filter_map(|p| p.split_whitespace().last().map(str::to_string)).collect::<Vec<_>>()),
            move_to: phrases(&g.move_to, &rules),
            move_from: phrases(&g.move_from, &rules),
            denial: phrases(&g.denial, &rules),
            speculative: phrases(&g.speculative, &rules),
            planned: phrases(&g.planned, &rules),
            background: phrases(&g.background, &rules),
            abandoned: phrases(&g.abandoned, &rules),
            nonfinite_openers: phrases(&g.nonfinite_openers, &rules),
            clause_breaks: phrases(&g.clause_breaks, &rules),
            until: phrases(&g.until, &rules),
            since: phrases(&g.since, &rules),
            complementizers: set(&g.complementizers),
            coordinators: phrases(&g.coordinators, &rules),
            pro_drop: g.pro_drop,
            verb_final: g.verb_final,
            nouns_capitalised: g.nouns_capitalised,
            place_prepositions: set(&g.place_prepositions),
            recent_org: phrases(&g.recent_org, &rules),
            keeps_seat: phrases(&g.keeps_seat, &rules),
            feminine_pronouns: g.feminine_pronouns.iter().map(|p| Folded::new(words(p, &rules))).collect(),
            masculine_pronouns: g.masculine_pronouns.iter().map(|p| Folded::new(words(p, &rules))).collect(),
            orgs,
            rules,
        })
    }
}
