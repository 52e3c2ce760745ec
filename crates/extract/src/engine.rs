//! From mentions to events: words of change, their arguments, dates and status.
//!
//! Each trigger word found in a sentence becomes an event once it has a person
//! (or, for hires like "its first CFO", a role; for dissolutions, a unit) and an
//! organization. Arguments are attached by position inside the sentence: the
//! subject before the verb, the object after it, titles in apposition, the
//! organization after the verb or attached to the title, the nearest date in
//! the same clause. What is missing comes from what the article said before
//! about the person, and then from the organization the article is about.

use std::collections::HashMap;

use crate::analysis::{Analysis, Mention, MentionKind};
use crate::date::PartialDate;
use crate::event::{seniority, EventType, Status};
use crate::phrase::{NoSlots, Slots};
use crate::resources::{PersonSlot, TriggerHit};

/// An event before it is printed: persons by index, offsets in bytes.
#[derive(Clone, Debug)]
pub struct Draft {
    pub kind: EventType,
    pub person: Option<usize>,
    pub org: Option<String>,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub role_text: Option<String>,
    pub date: Option<PartialDate>,
    /// The date is the publication month by default, not read in the text.
    pub date_weak: bool,
    pub until: Option<PartialDate>,
    pub counterpart: Option<String>,
    pub manner: String,
    pub status: Status,
    pub sentence: usize,
    pub confidence: f32,
}

/// A title said of a person, with the organization it is held at.
#[derive(Clone, Debug)]
struct Title {
    code: String,
    text: String,
    org: Option<String>,
    former: bool,
    /// Held until now ("hasta ahora presidente de Indra"): left for what the sentence tells.
    recent: bool,
}

struct Engine<'a, 'b> {
    an: &'b Analysis<'a>,
    /// Where each person last started, as the story goes: "Elle y a pris ses fonctions".
    last_start: std::cell::RefCell<HashMap<usize, String>>,
    /// Where each person was last said to leave: "Son départ, annoncé à la mi-mai" speaks of it again.
    last_end: std::cell::RefCell<HashMap<usize, String>>,
    /// Persons the story has sent on leave: one who takes over their duties
    /// stands in for them, and does not succeed them.
    on_leave: std::cell::RefCell<std::collections::HashSet<usize>>,
    /// Where the story last had each person leave, however it knew the place.
    left: std::cell::RefCell<HashMap<usize, String>>,
    /// Titles in apposition to each person mention (by mention index, in text order).
    appositions: std::collections::BTreeMap<usize, Vec<Title>>,
    /// "Cofondateur d'Apple en 1976, Jobs...": the date an apposed founder
    /// title gives, by person mention (a founding).
    founded_on: std::collections::BTreeMap<usize, PartialDate>,
    /// Everything the article said of each person, growing as events are read.
    profiles: std::cell::RefCell<HashMap<usize, Vec<Title>>>,
    /// The day the news happened, for changes the text does not date.
    news_day: Option<PartialDate>,
    /// The organization of the last change read: where the story is.
    last_org: std::cell::RefCell<Option<String>>,
    /// The organization the story last saw someone start at ("John Schulman y devient...").
    last_start_org: std::cell::RefCell<Option<String>>,
    /// `TENURE_DEBUG` set: mentions and each verb's arguments go to stderr, to trace a rule.
    debug: bool,
}

/// Extracts events (change events and held facts) from an analysed article.
pub fn extract(an: &Analysis) -> Vec<Draft> {
    let mut engine = Engine { an, last_start: Default::default(), last_end: Default::default(), on_leave: Default::default(), left: Default::default(), appositions: Default::default(), founded_on: Default::default(), profiles: Default::default(), news_day: news_day(an), last_org: Default::default(), last_start_org: Default::default(), debug: debug_enabled() };
    if engine.debug {
        for m in &an.mentions {
            eprintln!("mention {:?} {:?}", an.raw(m.start, m.end), m.kind);
        }
    }
    engine.collect_titles();
    let mut drafts = engine.held_facts();
    let mut last_date: Option<PartialDate> = None;
    for s in 0..an.sents.len() {
        let mut found = engine.sentence_events(s, &mut last_date);
        pair_moves(&mut found);
        drafts.extend(found);
    }
    date_returns_from_leaves(&mut drafts);
    end_posts_left_for_a_start(&mut drafts);
    let held = implied_held(&drafts);
    drafts.extend(held);
    name_the_holders(&mut drafts);
    plan_future_changes(&mut drafts, an.published);
    let mut drafts = merge(drafts, an.published);
    rejoining_is_a_start(&mut drafts);
    // A return read as a start may now repeat a start the sentence already gave
    // ("would return as chief executive, replacing X").
    let mut drafts = merge(drafts, an.published);
    pair_moves_across_sentences(&mut drafts);
    date_moves_by_their_pair(&mut drafts);
    drop_fulfilled_plans(&mut drafts, an.published);
    engine.drop_abandoned_plans(&mut drafts);
    counterparts_from_past_posts(&mut drafts);
    engine.fill_roles(&mut drafts);
    engine.roles_by_company_country(&mut drafts);
    posts_over_founding(&mut drafts);
    founders_together(&mut drafts);
    successors_end_predecessors(&mut drafts);
    mark_past_holdings(&mut drafts);
    drafts
}

/// "Doe, who until Tuesday was chief executive of Fabrikam, joins Contoso":
/// a post the text closes on the day the person starts elsewhere was left
/// for that start (a move is two events).
fn end_posts_left_for_a_start(drafts: &mut Vec<Draft>) {
    let mut ends = Vec::new();
    for h in drafts.iter().filter(|d| d.kind == EventType::Held && d.until.is_some() && d.person.is_some()) {
        let start = drafts.iter().position(|d| {
            d.kind == EventType::Start && d.status == Status::Actual && d.person == h.person && d.org != h.org && d.sentence == h.sentence && d.date.zip(h.until).is_some_and(|(a, b)| a.compatible(&b))
        });
        if let Some(i) = start {
            ends.push((i, Draft { kind: EventType::End, date: h.until, date_weak: false, until: None, counterpart: drafts[i].org.clone(), manner: "unspecified".into(), confidence: 0.6, ..h.clone() }));
        }
    }
    for (i, end) in ends {
        if drafts[i].counterpart.is_none() {
            drafts[i].counterpart = end.org.clone();
        }
        drafts.push(end);
    }
}

/// "Former Fabrikam finance chief John Roe has joined Contoso", "También
/// asciende Jim Whitehurst, que dirigía Red Hat": a start that names no
/// origin comes from the one other organization the same sentence says the
/// person held a post at before.
fn counterparts_from_past_posts(drafts: &mut [Draft]) {
    // Past posts by (person, sentence): one pass, not one per start (a list of
    // thousands of names stays linear).
    let mut past: HashMap<(usize, usize), Vec<&str>> = HashMap::new();
    for h in drafts.iter().filter(|h| h.kind == EventType::Held && h.manner == "past") {
        if let (Some(p), Some(o)) = (h.person, h.org.as_deref()) {
            past.entry((p, h.sentence)).or_default().push(o);
        }
    }
    let origins: Vec<Option<String>> = drafts
        .iter()
        .map(|d| {
            if d.kind != EventType::Start || d.counterpart.is_some() {
                return None;
            }
            let mut others = past.get(&(d.person?, d.sentence))?.iter().copied().filter(|&o| Some(o) != d.org.as_deref());
            let first = others.next()?;
            others.all(|o| o == first).then(|| first.to_string())
        })
        .collect();
    for (d, origin) in drafts.iter_mut().zip(origins) {
        if origin.is_some() {
            d.counterpart = origin;
        }
    }
}

/// How much a manner tells of a change: none, the generic one of its type,
/// or a particular one (removed, resigned, promoted, founded, reinstated...).
fn manner_rank(manner: &str) -> u8 {
    match manner {
        "unspecified" => 0,
        "joined" | "appointed" | "returned" => 1,
        _ => 2,
    }
}

/// A change the text dates after the day it was published has not happened
/// yet: "will step down at the end of the year and be replaced by Y" (the
/// second verb has no future form of its own).
fn plan_future_changes(drafts: &mut [Draft], published: Option<PartialDate>) {
    let Some(p) = published else { return };
    for d in drafts.iter_mut().filter(|d| d.status == Status::Actual && d.kind != EventType::Held && !d.date_weak) {
        if d.date.is_some_and(|date| date.ordinal_start() > p.ordinal_end()) {
            d.status = Status::Planned;
        }
    }
}

/// "an agreement for Altman to return" beside "Altman returned": a plan the
/// article reports as done is that change, not another one. Plans dated
/// after publication stay.
fn drop_fulfilled_plans(drafts: &mut Vec<Draft>, published: Option<PartialDate>) {
    let done: Vec<Draft> = drafts.iter().filter(|d| d.status == Status::Actual && d.person.is_some()).cloned().collect();
    drafts.retain(|plan| {
        if plan.status != Status::Planned || plan.date.zip(published).is_some_and(|(d, p)| d.ordinal_start() > p.ordinal_end()) {
            return true;
        }
        let same_change = |d: &Draft| {
            let same_month = match (plan.date, d.date) {
                // A plan dated by default is the day's news: a fresh plan.
                (Some(_), _) if plan.date_weak => false,
                (Some(a), Some(b)) => a.to_month() == b.to_month(),
                (Some(_), None) => true,
                // Undated, the plan must name the same post.
                (None, _) => plan.role.is_some() && plan.role == d.role,
            };
            d.kind == plan.kind && d.person == plan.person && d.org == plan.org && (d.role.is_none() || plan.role.is_none() || d.role == plan.role) && same_month
        };
        !done.iter().any(same_change)
    });
}

/// "un congé de six mois, jusqu'à fin juin ... Il avait repris le travail à la
/// date prévue": a return the text does not date ends the leave told before
/// it, at the end that leave announced (its month, when that is a month's end).
fn date_returns_from_leaves(drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.kind != EventType::Return || !(d.date_weak || d.date.is_none()) {
            continue;
        }
        let leave_end = drafts[..i].iter().rev().find(|a| a.kind == EventType::Absence && a.person == d.person && a.org == d.org).and_then(|a| a.until);
        if let Some(end) = leave_end {
            let month_end = end.day.is_some() && end.add_days(1).month != end.month;
            drafts[i].date = Some(if month_end { end.to_month() } else { end });
            drafts[i].date_weak = false;
        }
    }
}

/// "returning to Intel as CEO" after years running VMware, "kehrte zu Amazon
/// zurück" after leading Tableau, "y revenir en 1997" twelve years after
/// being ousted: coming back after working elsewhere, or years after leaving,
/// is joining again (a start), not resuming a post (a return is the end of a
/// leave or a reinstatement). Leaving the other place is an end there.
fn rejoining_is_a_start(drafts: &mut Vec<Draft>) {
    let mut ends = Vec::new();
    for i in 0..drafts.len() {
        let d = &drafts[i];
        if d.kind != EventType::Return || d.manner == "reinstated" || d.person.is_none() || d.org.is_none() {
            continue;
        }
        let here = |e: &Draft| e.person == d.person && e.org == d.org;
        // Back from a leave taken before (or undated): a return.
        let after_leave = |e: &Draft| match (e.date, d.date) {
            (Some(a), Some(b)) => a.ordinal_start() <= b.ordinal_end(),
            _ => true,
        };
        if drafts.iter().any(|e| e.kind == EventType::Absence && here(e) && after_leave(e)) {
            continue;
        }
        let elsewhere = drafts
            .iter()
            .filter(|e| e.person == d.person && e.org.is_some() && e.org != d.org && e.sentence <= d.sentence && e.status == Status::Actual && matches!(e.kind, EventType::Held | EventType::End))
            .max_by_key(|e| e.sentence);
        let years_away = drafts.iter().any(|e| e.kind == EventType::End && here(e) && e.date.zip(d.date).is_some_and(|(a, b)| b.year - a.year >= 2));
        if elsewhere.is_none() && !years_away {
            continue;
        }
        let left = elsewhere.filter(|e| !drafts.iter().any(|x| x.kind == EventType::End && x.person == e.person && x.org == e.org)).map(|e| Draft {
            kind: EventType::End,
            manner: "unspecified".into(),
            status: d.status,
            date: d.date,
            date_weak: d.date_weak,
            until: None,
            unit: None,
            counterpart: d.org.clone(),
            sentence: d.sentence,
            confidence: 0.5,
            ..e.clone()
        });
        let counterpart = elsewhere.and_then(|e| e.org.clone());
        let d = &mut drafts[i];
        d.kind = EventType::Start;
        d.manner = "joined".into();
        d.counterpart = d.counterpart.take().or(counterpart);
        ends.extend(left);
    }
    drafts.extend(ends);
}

/// "Le cofondateur X, qui occupait le poste de scientifique en chef, a
/// quitté l'entreprise": founding is history, one leaves (or takes leave
/// from) a post; the post the same sentence says the person held there.
fn posts_over_founding(drafts: &mut [Draft]) {
    let founding = |r: &Option<String>| r.as_deref().is_none_or(|r| matches!(r, "founder" | "cofounder"));
    // Held posts by (person, sentence): one pass, not one per change.
    let mut held: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, h) in drafts.iter().enumerate().filter(|(_, h)| h.kind == EventType::Held && !founding(&h.role)) {
        if let Some(p) = h.person {
            held.entry((p, h.sentence)).or_default().push(i);
        }
    }
    let posts: Vec<Option<(String, Option<String>)>> = drafts
        .iter()
        .map(|d| {
            if !matches!(d.kind, EventType::End | EventType::Absence | EventType::Return) || !founding(&d.role) {
                return None;
            }
            held.get(&(d.person?, d.sentence))?
                .iter()
                .map(|&i| &drafts[i])
                .filter(|h| h.org == d.org)
                .max_by_key(|h| h.role.as_deref().map_or(0, seniority))
                .map(|h| (h.role.clone().unwrap_or_default(), h.role_text.clone()))
        })
        .collect();
    for (d, post) in drafts.iter_mut().zip(posts) {
        if let Some((role, text)) = post {
            d.role = Some(role);
            d.role_text = text;
        }
    }
}

/// A founder among others is a cofounder: "El cofundador de la red social"
/// said of the founder of Twitter, or another founding of the same company
/// in the article ("set up with Simonyan", told in another sentence).
fn founders_together(drafts: &mut [Draft]) {
    let founded = |d: &Draft| d.kind == EventType::Start && d.manner == "founded";
    let together: Vec<bool> = drafts
        .iter()
        .map(|d| {
            founded(d)
                && d.role.as_deref() == Some("founder")
                && drafts.iter().any(|o| o.org == d.org && ((o.person == d.person && o.role.as_deref() == Some("cofounder")) || (founded(o) && o.person.is_some() && o.person != d.person)))
        })
        .collect();
    for (d, t) in drafts.iter_mut().zip(together) {
        if t {
            d.role = Some("cofounder".into());
        }
    }
}

/// Posts one person holds at a time: a new holder ends the last one.
const SINGLE_HOLDER_ROLES: &[&str] = &["ceo", "president", "chair", "cfo", "coo", "cto", "cpo", "cmo", "cio", "ciso", "chief_scientist", "general_counsel"];

/// "Murati was named interim CEO ... two days later the board brought in
/// Shear as interim chief executive": a post one person holds at a time,
/// taken by someone else later in the story, was left by the one who held
/// it, on the day the next took it; unless the article already says how
/// they left. Not for shared posts ("co-CEO", "Co-Chef").
fn successors_end_predecessors(drafts: &mut Vec<Draft>) {
    let shared = |d: &Draft| d.role_text.as_deref().is_some_and(|t| t.to_lowercase().split_whitespace().any(|w| w.starts_with("co-") || w == "co"));
    // (Joining or founding says little of the post: "joined in 1992" is no CEO's start.)
    let takes = |d: &Draft| {
        matches!(d.kind, EventType::Start | EventType::Return) && !matches!(d.manner.as_str(), "joined" | "founded") && d.status == Status::Actual && d.person.is_some() && d.org.is_some() && d.date.is_some() && d.role.as_deref().is_some_and(|r| SINGLE_HOLDER_ROLES.contains(&r)) && !shared(d)
    };
    // Takers by post (in a stable order), and each person's changes: lookups,
    // not scans of every draft.
    let mut by_post: std::collections::BTreeMap<(&str, &str), Vec<usize>> = std::collections::BTreeMap::new();
    let mut changes: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if takes(d) {
            by_post.entry((d.org.as_deref().unwrap_or(""), d.role.as_deref().unwrap_or(""))).or_default().push(i);
        }
        if let (Some(p), EventType::Start | EventType::End) = (d.person, d.kind) {
            changes.entry(p).or_default().push(i);
        }
    }
    let day = |d: &Draft| d.date.map_or(i64::MIN, |a| a.ordinal_end());
    let mut ends: Vec<Draft> = Vec::new();
    for takers in by_post.values() {
        for &n in takers {
            let next = &drafts[n];
            // The holder before: the latest taker of the same post, strictly earlier.
            let Some(before) = takers.iter().map(|&b| &drafts[b]).filter(|b| b.person != next.person && day(b) < day(next)).max_by_key(|b| day(b)) else { continue };
            let left = |d: &Draft| d.person == before.person && (d.kind == EventType::End && d.org == before.org || d.kind == EventType::Start && d.org != before.org && day(d) > day(before));
            if changes.get(&before.person.unwrap_or(usize::MAX)).is_some_and(|cs| cs.iter().any(|&c| left(&drafts[c]))) || ends.iter().any(left) {
                continue;
            }
            ends.push(Draft { kind: EventType::End, manner: "unspecified".into(), date: next.date, date_weak: next.date_weak, until: None, counterpart: None, sentence: next.sentence, confidence: 0.5, ..before.clone() });
        }
    }
    drafts.extend(ends);
}

/// A position the article later says was left, or given up for another
/// one at the same place, is held in the past, not now.
fn mark_past_holdings(drafts: &mut [Draft]) {
    let changes: Vec<Draft> = drafts.iter().filter(|d| d.kind != EventType::Held && d.status == Status::Actual && d.person.is_some()).cloned().collect();
    for d in drafts.iter_mut().filter(|d| d.kind == EventType::Held && d.manner == "current") {
        let here = |c: &&Draft| c.person == d.person && c.org == d.org;
        let left = changes.iter().filter(here).any(|c| c.kind == EventType::End && (c.role.is_none() || c.role == d.role));
        let moved_on = changes.iter().filter(here).any(|c| c.kind == EventType::Start && c.manner == "promoted" && c.role.is_some() && c.role != d.role);
        if left || moved_on {
            d.manner = "past".into();
        }
    }
}

/// Read once per process: the flag is checked on every verb of change.
fn debug_enabled() -> bool {
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *DEBUG.get_or_init(|| std::env::var_os("TENURE_DEBUG").is_some())
}

/// The first day the article names in the week before publication ("announced
/// on Tuesday", "hier"): the day of the news. Where that sentence names two
/// such days, the earlier is the change and the later its announcement ("said
/// on Monday that he had retired effective Sunday", "a annoncé lundi avoir mis
/// fin, dimanche soir, aux fonctions"). Otherwise the publication date.
fn news_day(an: &Analysis) -> Option<PartialDate> {
    let published = an.published?;
    let recent = an.mentions.iter().filter_map(|m| match m.kind {
        MentionKind::Date(crate::timex::Timex { date: Some(d), later: None, .. }) if d.precision() == 3 => {
            let age = published.ordinal_start() - d.ordinal_start();
            (0..=7).contains(&age).then_some((m.start, d))
        }
        _ => None,
    });
    let sentence = |k: usize| an.sents.partition_point(|s| s.tokens.end <= k);
    let mut first: Option<(usize, PartialDate)> = None;
    for (k, d) in recent {
        match first {
            None => first = Some((sentence(k), d)),
            Some((s, earliest)) if sentence(k) == s => {
                if d.ordinal_start() < earliest.ordinal_start() {
                    first = Some((s, d));
                }
            }
            Some(_) => break,
        }
    }
    first.map(|(_, d)| d).or(Some(published))
}

/// A change in a role says the role was held: leaving as CFO means one was
/// CFO (past); taking a post, going on leave from it or coming back to it
/// means holding it (current, unless the article later ends it).
fn implied_held(drafts: &[Draft]) -> Vec<Draft> {
    let mut out = Vec::new();
    for d in drafts.iter().filter(|d| d.kind != EventType::Held && d.status == Status::Actual && d.person.is_some()) {
        let Some(role) = &d.role else { continue };
        let ended_later = drafts.iter().any(|e| e.kind == EventType::End && e.person == d.person && e.org == d.org && e.role.as_ref() == Some(role) && e.sentence > d.sentence);
        let manner = match d.kind {
            EventType::End => "past",
            EventType::Start | EventType::Absence | EventType::Return if !ended_later => "current",
            EventType::Start | EventType::Absence | EventType::Return => "past",
            _ => continue,
        };
        out.push(Draft {
            kind: EventType::Held,
            date: None,
            date_weak: true,
            until: None,
            counterpart: None,
            manner: manner.into(),
            confidence: d.confidence * 0.9,
            ..d.clone()
        });
    }
    out
}

impl<'a, 'b> Engine<'a, 'b> {
    fn kind_at(&self, i: usize) -> Option<&MentionKind> {
        self.an.mention_at(i).map(|m| &m.kind)
    }

    fn mention_index(&self, i: usize) -> Option<usize> {
        self.an.at.get(i).copied().flatten()
    }

    fn main_org(&self) -> Option<String> {
        self.an.main_org.map(|i| self.an.orgs[i].clone())
    }

    /// An organization at `i` known otherwise than by the word before it:
    /// an anaphor, a name of the gazetteer, or one the article names twice.
    fn known_org_at(&self, i: usize) -> bool {
        let an = self.an;
        match self.kind_at(i) {
            Some(MentionKind::OrgAnaphor { .. }) => true,
            Some(MentionKind::Org(id)) => {
                let name = &an.orgs[*id];
                // ("parti chez X": "chez" says X is an organization.)
                let placed = phrase_ending_at(&an.lang.org_prepositions, &an.toks, i, i.saturating_sub(3), 3).is_some();
                placed || an.common.org_name_keys.contains(&crate::fold::fold_name(name)) || an.mentions.iter().filter(|m| matches!(m.kind, MentionKind::Org(o) if o == *id)).count() > 1
            }
            _ => false,
        }
    }

    /// The organization an org mention at token `i` names.
    fn org_at(&self, i: usize) -> Option<String> {
        if let Some(o) = self.org_of_nationality(i) {
            return Some(o);
        }
        match self.kind_at(i)? {
            MentionKind::Org(id) => Some(self.an.orgs[*id].clone()),
            // "Mango ha anunciado la salida de X, quien dejará la compañía": the
            // organization the sentence opens on, where it is not the article's.
            MentionKind::OrgAnaphor { other: false } => {
                let range = self.sentence_range(self.sentence_of(i));
                let opener = self.an.mentions.iter().find(|m| m.start >= range.start && m.start < i).filter(|m| (range.start..m.start).all(|k| self.an.lang.stopwords.contains(&self.an.toks[k].folded)));
                opener.and_then(|m| match m.kind {
                    MentionKind::Org(id) => Some(self.an.orgs[id].clone()),
                    _ => None,
                }).or_else(|| self.main_org())
            }
            MentionKind::OrgAnaphor { other: true } => {
                let main = self.main_org();
                let last_other = self.an.mentions.iter().take_while(|m| m.start < i).filter_map(|m| match m.kind {
                    MentionKind::Org(id) if Some(&self.an.orgs[id]) != main.as_ref() => Some(self.an.orgs[id].clone()),
                    _ => None,
                });
                last_other.last().or(main)
            }
            _ => None,
        }
    }

    /// "président d'OpenAI" is its executive president, "président de
    /// Renault" the chair of its board: a title whose sense depends on the
    /// company's country takes it once the event's organization is known.
    fn roles_by_company_country(&self, drafts: &mut [Draft]) {
        let an = self.an;
        for d in drafts.iter_mut() {
            let (Some(text), Some(org)) = (&d.role_text, &d.org) else { continue };
            let Some(country) = self.country_of(org) else { continue };
            if let Some(code) = an.lang.role_at_company_from(text, country) {
                d.role = Some(code.to_string());
            }
        }
    }

    /// The home country of an organization the article names.
    fn country_of(&self, org: &str) -> Option<&str> {
        let an = self.an;
        let id = an.orgs.iter().position(|o| o == org)?;
        an.org_countries.get(&id).map(String::as_str).or_else(|| an.common.country_of(org))
    }

    /// "apaiser les relations avec Nissan, ... la direction générale du groupe
    /// japonais": an anaphor with a nationality names the last organization
    /// from that country, which need not be the article's.
    fn org_of_nationality(&self, i: usize) -> Option<String> {
        let an = self.an;
        let m = an.mention_at(i).filter(|m| matches!(m.kind, MentionKind::OrgAnaphor { .. }))?;
        let country = (m.start..(m.end + 1).min(an.toks.len())).find_map(|k| an.lang.nationalities.get(an.toks[k].folded.as_str()))?;
        an.mentions
            .iter()
            .take_while(|o| o.start < m.start)
            .filter_map(|o| match o.kind {
                MentionKind::Org(id) => Some(id),
                _ => None,
            })
            .filter(|&id| self.country_of(&an.orgs[id]) == Some(country.as_str()))
            .last()
            .map(|id| an.orgs[id].clone())
    }

    fn sentence_range(&self, s: usize) -> std::ops::Range<usize> {
        self.an.sents[s].tokens.clone()
    }

    fn sentence_of(&self, tok: usize) -> usize {
        self.an.sents.partition_point(|s| s.tokens.end <= tok)
    }

    // ---- titles -----------------------------------------------------------

    fn collect_titles(&mut self) {
        let an = self.an;
        for (mi, m) in an.mentions.iter().enumerate() {
            let MentionKind::Person(pid) = m.kind else { continue };
            let range = self.sentence_range(self.sentence_of(m.start));
            let mut titles = Vec::new();
            // Left: "Le président d'OpenAI, Greg Brockman", "son PDG, Sam Altman",
            // "Cofondateur d'Apple en 1976, Jobs".
            let mut j = m.start;
            let mut fillers = 0;
            let mut left_date = None;
            while j > range.start {
                let k = j - 1;
                let t = &an.toks[k];
                match self.kind_at(k) {
                    Some(MentionKind::Date(d)) if left_date.is_none() && titles.is_empty() && j < m.start => {
                        left_date = d.date;
                        j = an.mention_at(k).unwrap().start;
                        continue;
                    }
                    Some(MentionKind::Role { .. }) => {
                        let r = an.mention_at(k).unwrap();
                        titles.push(self.title(r.start, r.end));
                        j = r.start;
                        fillers = 0;
                        continue;
                    }
                    Some(MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) => {
                        j = an.mention_at(k).unwrap().start;
                        continue;
                    }
                    Some(_) => break,
                    None => {}
                }
                // Right before the name only a comma, "former" or "be" joins it to a title
                // ("le directeur général de Tesla était Elon Musk"): "Der Aufsichtsrat
                // von X hat Klaus Berger abberufen" is not his title.
                let being = an.lang.copulas.matches_at(&an.toks, k) || an.lang.passive.contains(&t.folded);
                let former = an.lang.former.matches_at(&an.toks, k) || an.lang.until_now.matches_at(&an.toks, k);
                let next_to_name = k + 1 == m.start && t.folded != "," && !being && !former;
                let glue = !next_to_name && (t.folded == "," && k + 1 == m.start
                    || an.lang.of.contains(&t.folded)
                    || an.lang.possessive.contains(&t.folded)
                    || (t.is_word() && !t.upper && (an.lang.stopwords.contains(&t.folded) || former)));
                if !glue || fillers >= 3 {
                    break;
                }
                fillers += 1;
                j = k;
            }
            // Right: "Bob McGrew, directeur de la recherche", "X, a former chief executive of Y",
            // "X, Fabrikam's chief executive", "X, the company's president and a co-founder".
            let mut j = m.end;
            let first_title = titles.len();
            let mut owned = false;
            // "occupait le poste de", "held the post of": a verb of holding a
            // post, of three words or more ("a été" and "had been" may open other clauses).
            let post_verb = |j: usize| {
                let toks = &an.toks[..range.end];
                an.lang.past_copulas.longest_at(toks, j, &NoSlots).or_else(|| an.lang.copulas.longest_at(toks, j, &NoSlots)).map(|m| m.len).filter(|&n| n >= 3)
            };
            if an.toks.get(j).is_some_and(|t| t.folded == ",") {
                j += 1;
                let mut fillers = 0;
                while j < range.end && fillers < 3 {
                    match self.kind_at(j) {
                        Some(MentionKind::Role { .. }) => {
                            let r = an.mention_at(j).unwrap();
                            titles.push(self.title(r.start, r.end));
                            j = r.end;
                            fillers = 0;
                            // "cofondateur et scientifique en chef", "president and a co-founder",
                            // "cofondateur et ancien directeur scientifique".
                            if let Some(next) = self.coordinated_title(j, range.end) {
                                j = next;
                                continue;
                            }
                            break;
                        }
                        // "Fabrikam's chief executive": the organization owns the title
                        // (`title` reads it back through the possessive).
                        Some(MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) => {
                            let o = an.mention_at(j).unwrap();
                            if an.toks.get(o.end).is_some_and(|t| an.lang.possessive.contains(&t.folded)) && matches!(self.kind_at(o.end + 1), Some(MentionKind::Role { .. })) {
                                j = o.end + 1;
                                owned = true;
                                continue;
                            }
                            break;
                        }
                        // "X, qui occupait le poste de ...": the relative pronoun is X.
                        Some(MentionKind::PersonRef { .. }) if an.lang.relative_pronouns.contains(&an.toks[j].folded) && fillers == 0 && post_verb(j + 1).is_some() => {
                            fillers += 1;
                            j += 1;
                            continue;
                        }
                        Some(_) => break,
                        None => {}
                    }
                    let t = &an.toks[j];
                    // "X, qui occupait le poste de directrice financière": a verb of being in a post.
                    if let Some(n) = post_verb(j) {
                        fillers += 1;
                        j += n;
                    } else if t.is_word() && !t.upper && (an.lang.stopwords.contains(&t.folded) || an.lang.former.matches_at(&an.toks, j) || an.lang.until_now.matches_at(&an.toks, j)) {
                        fillers += 1;
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
            // Coordinated titles share an organization: an owner before them all
            // ("Fabrikam's co-founder and chief scientist"), else the next one
            // named ("cofondateur et directeur général de Mistral AI"; in
            // "president of Contoso and board member", the board may be another's).
            let mut next_org = None;
            for t in titles[first_title..].iter_mut().rev() {
                match &t.org {
                    Some(o) => next_org = Some(o.clone()),
                    None if owned => {}
                    None => t.org = next_org.clone(),
                }
            }
            if owned {
                if let Some(org) = titles[first_title..].iter().find_map(|t| t.org.clone()) {
                    for t in titles[first_title..].iter_mut().filter(|t| t.org.is_none()) {
                        t.org = Some(org.clone());
                    }
                }
            }
            // A founder title dated before the name is the founding itself.
            if let Some(d) = left_date.filter(|_| titles.iter().any(|t| matches!(t.code.as_str(), "founder" | "cofounder"))) {
                self.founded_on.insert(mi, d);
            }
            if !titles.is_empty() {
                // "Guillaume Lample et Timothée Lacroix, deux chercheurs de Meta": both;
                // not a name after it, with its own ("McGrew, directeur de la
                // recherche, et Zoph, vice-président").
                let together = self.coordinated(mi, pid);
                let upto = together.iter().position(|&p| p == pid).map_or(together.len(), |i| i + 1);
                for &p in &together[..upto] {
                    self.profiles.get_mut().entry(p).or_default().extend(titles.iter().cloned());
                }
                self.appositions.insert(mi, titles);
            }
        }
    }

    /// Where a title coordinated with the one ending at `j` starts: "and",
    /// then at most an article or "former" ("and a co-founder", "et ancien
    /// directeur scientifique").
    fn coordinated_title(&self, j: usize, end: usize) -> Option<usize> {
        let an = self.an;
        let toks = &an.toks[..end];
        let len = an.lang.coordinators.longest_at(toks, j, &NoSlots)?.len;
        let mut k = j + len;
        for _ in 0..2 {
            if matches!(self.kind_at(k), Some(MentionKind::Role { .. })) {
                return Some(k);
            }
            let t = toks.get(k)?;
            if self.kind_at(k).is_some() || !(t.is_word() && !t.upper && (an.lang.stopwords.contains(&t.folded) || an.lang.former.matches_at(toks, k))) || an.lang.of.contains(&t.folded) {
                return None;
            }
            k += 1;
        }
        matches!(self.kind_at(k), Some(MentionKind::Role { .. })).then_some(k)
    }

    /// A title mention with the organization attached to it: "président
    /// d'OpenAI", "chief executive of the chipmaker Intel", "Meta's COO".
    fn title(&self, start: usize, end: usize) -> Title {
        let an = self.an;
        let MentionKind::Role { mut code, former } = self.kind_at(start).cloned().unwrap() else { unreachable!() };
        let range = self.sentence_range(self.sentence_of(start));
        let mut org = None;
        if an.toks.get(end).is_some_and(|t| an.lang.of.contains(&t.folded)) {
            let mut j = end + 1;
            while j < range.end && j <= end + 5 {
                if let Some(o) = self.org_at(j) {
                    org = Some(o);
                    break;
                }
                // "directeur de la division X de Contoso": the unit is on the way.
                if let Some(m) = an.mention_at(j).filter(|m| matches!(m.kind, MentionKind::Unit(_))) {
                    j = m.end;
                    continue;
                }
                let t = &an.toks[j];
                // "chief technology officer of battery start-up Volterra Cells": a
                // name no stage claimed, where the title wants an organization.
                if t.is_word() && t.upper && self.kind_at(j).is_none() && !an.lang.nouns_capitalised {
                    org = self.unknown_org(j, range.end);
                    break;
                }
                if self.kind_at(j).is_some() || !t.is_word() || t.upper {
                    break;
                }
                j += 1;
            }
        }
        // "Falkenried-Chef Kessler", "SAP-Vorständin": an organization the article names, before the hyphen.
        if org.is_none() && end == start + 1 {
            if let Some((prefix, _)) = an.raw(start, end).rsplit_once('-') {
                let key = crate::fold::fold_name(prefix);
                org = an
                    .orgs
                    .iter()
                    .find(|o| {
                        let name = crate::fold::fold_name(o);
                        !key.is_empty() && (name == key || name.strip_prefix(key.as_str()).is_some_and(|rest| rest.starts_with(' ')))
                    })
                    .cloned()
                    .or_else(|| an.common.known_org(prefix).map(str::to_string));
                // ("IT-Chefin", no organization of that name: the head of a field.)
                let listed = an.lang.roles.longest_at(&an.toks[..end], start, &NoSlots).is_some();
                if org.is_none() && !listed && code == "ceo" {
                    code = "head".into();
                }
            }
        }
        if org.is_none() && start >= 2 && an.lang.possessive.contains(&an.toks[start - 1].folded) {
            org = self.org_at(start - 2);
        }
        if org.is_none() && start > range.start && an.lang.org_possessives.contains(&an.toks[start - 1].folded) {
            org = self.last_org_named(range.start, start - 1);
        }
        // "Yahoo chief executive Marissa Mayer": the name before the title.
        if org.is_none() && start > range.start && matches!(self.kind_at(start - 1), Some(MentionKind::Org(_))) {
            org = self.org_at(start - 1);
        }
        // "from Google, where she was a vice president": the place the clause is about.
        if org.is_none() {
            let comma = (range.start + 1..start).rev().take_while(|&k| an.toks[k].folded != "," || an.lang.place_relatives.matches_at(&an.toks[..start], k + 1)).find(|&k| an.toks[k].folded == ",");
            org = comma.and_then(|k| self.org_at(k - 1));
        }
        let toks = &an.toks[..start];
        let recent = (start.saturating_sub(3).max(range.start)..start).any(|k| an.lang.until_now.matches_at(toks, k));
        Title { code, text: an.raw(start, end).to_string(), org, former: former || recent, recent }
    }

    fn held_facts(&self) -> Vec<Draft> {
        let mut out = Vec::new();
        for (&mi, titles) in &self.appositions {
            let m = &self.an.mentions[mi];
            let MentionKind::Person(pid) = m.kind else { continue };
            let s = self.sentence_of(m.start);
            let background = self.an.lang.background.occurs_in(&self.an.toks, self.sentence_range(s));
            // "Marc Petit, directeur financier de Renault de 2010 à 2015,": the apposition's span.
            let apposed_after = self.an.toks.get(m.end).is_some_and(|t| t.folded == ",");
            let (since, until) = if apposed_after { self.held_span(m.end, m.end + 1, self.sentence_range(s)) } else { (None, None) };
            for t in titles {
                let org = t.org.clone().or_else(|| self.sentence_org(s)).or_else(|| self.main_org());
                if let Some(&founded) = self.founded_on.get(&mi).filter(|_| matches!(t.code.as_str(), "founder" | "cofounder")) {
                    out.push(Draft {
                        kind: EventType::Start,
                        person: Some(pid),
                        org: org.clone(),
                        unit: None,
                        role: Some(t.code.clone()),
                        role_text: Some(t.text.clone()),
                        date: Some(founded),
                        date_weak: false,
                        until: None,
                        counterpart: None,
                        manner: "founded".into(),
                        status: Status::Actual,
                        sentence: s,
                        confidence: 0.6,
                    });
                }
                out.push(Draft {
                    kind: EventType::Held,
                    person: Some(pid),
                    org,
                    unit: None,
                    role: Some(t.code.clone()),
                    role_text: Some(t.text.clone()),
                    date: since,
                    date_weak: since.is_none(),
                    until,
                    counterpart: None,
                    manner: if t.former || background || until.is_some() { "past" } else { "current" }.into(),
                    status: Status::Actual,
                    sentence: s,
                    confidence: 0.6,
                });
            }
        }
        out.sort_by_key(|d| d.sentence);
        out
    }

    /// The first organization the sentence names, or refers to ("a quitté
    /// l'entreprise ... pour rejoindre Anthropic": the company).
    fn sentence_org(&self, s: usize) -> Option<String> {
        self.sentence_range(s).find_map(|i| match self.kind_at(i) {
            Some(MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) => self.org_at(i),
            _ => None,
        })
    }

    // ---- events -----------------------------------------------------------

    fn sentence_events(&self, s: usize, last_date: &mut Option<PartialDate>) -> Vec<Draft> {
        let an = self.an;
        let range = self.sentence_range(s);
        let toks = &an.toks[..range.end];
        let mut out = Vec::new();
        let mut last_trigger_end: Option<usize> = None;
        let mut i = range.start;
        while i < range.end {
            if matches!(self.kind_at(i), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. } | MentionKind::Org(_) | MentionKind::Date(_) | MentionKind::OrgAnaphor { .. })) {
                i += 1;
                continue;
            }
            let Some((len, hits)) = an.lang.triggers.all_longest_at(toks, i) else {
                i += 1;
                continue;
            };
            // A `*` may cover a name ("löst X ab"); the words of the phrase may
            // not be names or dates, though they may name a unit ("dissout le conseil").
            let named = |k: usize| matches!(self.kind_at(k), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. } | MentionKind::Org(_) | MentionKind::Date(_)));
            let hits: Vec<TriggerHit> = hits.into_iter().copied().collect();
            // "folgt ihm": a succession's phrase may end on the predecessor's pronoun.
            let pronoun_object = matches!(self.kind_at(i + len - 1), Some(MentionKind::PersonRef { .. })) && hits.iter().all(|h| an.lang.trigger_entries[h.entry].succession);
            if named(i) || (named(i + len - 1) && !pronoun_object) {
                i += 1;
                continue;
            }
            // "returned from a sabbatical": the leave is the return's, not a new one.
            let after_return = out.last().is_some_and(|d: &Draft| d.kind == EventType::Return) && last_trigger_end.is_some_and(|e| i <= e + 3);
            if after_return && hits.iter().all(|h| an.lang.trigger_entries[h.entry].kind == "absence") {
                i += len;
                continue;
            }
            last_trigger_end = Some(i + len);
            out.extend(self.trigger_events(s, i, i + len, &hits, last_date));
            i += len;
        }
        out.extend(self.elliptic_events(range.clone(), &out));
        out.extend(self.copular_starts(s, last_date));
        // "Whitehurst, que dirigía Red Hat ... En la filial le sustituye X": a
        // post held by a verb is known of the person like one in apposition.
        let holding = self.holding_facts(s);
        for h in &holding {
            if let (Some(p), Some(code), Some(_)) = (h.person, &h.role, &h.org) {
                let title = Title { code: code.clone(), text: h.role_text.clone().unwrap_or_default(), org: h.org.clone(), former: h.manner == "past", recent: false };
                self.profiles.borrow_mut().entry(p).or_default().push(title);
            }
        }
        out.extend(holding);
        out.extend(self.seats_kept(s));
        if let Some(d) = out.iter().filter(|d| d.kind != EventType::Held).find_map(|d| d.date) {
            *last_date = Some(d);
        }
        out
    }

    /// Held facts from verbs of holding: "Pichai, who has run Google since
    /// 2015"; "Deng dirigeait auparavant le développement de produits chez
    /// Meta et Uber" (an activity, then where: head, at each organization).
    /// A title linked to a person by a copula, when the title is new or the
    /// sentence says "from now on": "Its new chief executive is Sean White",
    /// "X est le nouveau PDG", "desde hoy es presidente de IBM" — a start.
    fn copular_starts(&self, s: usize, last_date: &mut Option<PartialDate>) -> Vec<Draft> {
        let an = self.an;
        let l = an.lang;
        let range = self.sentence_range(s);
        let toks = &an.toks[..range.end];
        let onset = (range.start..range.end).any(|k| l.onset.matches_at(toks, k));
        // (length, future, past): "will be", "is", "was".
        let copula_at = |k: usize| -> Option<(usize, bool, bool)> {
            if let Some(m) = l.future_copulas.longest_at(toks, k, &NoSlots) {
                return Some((m.len, true, false));
            }
            let present = l.copulas.longest_at(toks, k, &NoSlots).map(|m| m.len);
            let past = l.past_copulas.longest_at(toks, k, &NoSlots).map(|m| m.len);
            present.max(past).map(|n| (n, false, past.is_some_and(|p| p >= present.unwrap_or(0))))
        };
        let mut out = Vec::new();
        for r in an.mentions.iter().filter(|m| m.start > range.start && m.end <= range.end && matches!(m.kind, MentionKind::Role { former: false, .. })) {
            // Not "de nouveau" ("again"), which only ends with a word for "new".
            let again_before = phrase_ending_at(&l.again, toks, r.start, range.start, 4).is_some();
            let fresh = l.new_in_post.contains(&an.toks[r.start - 1].folded) && !again_before;
            let title = self.title(r.start, r.end);
            // The copula after the title and its "of ORG", before any name or comma.
            let after_title = (r.end..range.end.min(r.end + 6))
                .take_while(|&k| an.toks[k].is_word() && !matches!(self.kind_at(k), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. })))
                .find_map(|k| copula_at(k).map(|(n, fut, _)| (k, k + n, fut)));
            // "[its] new TITLE [of ORG] is PERSON"
            let forward = fresh.then_some(after_title).flatten().and_then(|(ts, te, fut)| {
                // (Past an apposed title: "ist die frühere Eon-Vorständin Birgit Lorenz".)
                let (p, _) = self.first_person_after(te, range.end.min(te + 6), None);
                p.map(|p| (p, ts, te, fut))
            });
            // "PERSON is [the] new TITLE", "PERSON es desde hoy presidente"
            let backward = || {
                let copula_ending_at = |k: usize| (k.saturating_sub(3).max(range.start)..k).find(|&j| copula_at(j).is_some_and(|(n, _, _)| j + n == k));
                let mut k = r.start - usize::from(fresh);
                let mut again = false;
                // Back over articles, onset words ("es desde hoy presidente") and
                // "again" ("is once again chief technology officer") to the copula.
                while copula_ending_at(k).is_none() && k > range.start && k + 8 > r.start {
                    // "ist seit 2019 Vorstandschefin": past a date and its "since".
                    if let Some(d) = an.mention_at(k - 1).filter(|m| matches!(m.kind, MentionKind::Date(_))) {
                        k = phrase_ending_at(&l.since, toks, d.start, range.start, 3).unwrap_or(d.start);
                    } else if let Some(j) = phrase_ending_at(&l.onset, toks, k, range.start, 4) {
                        k = j;
                    } else if let Some(j) = phrase_ending_at(&l.again, toks, k, range.start, 4) {
                        again = true;
                        k = j;
                    } else if l.stopwords.contains(&an.toks[k - 1].folded) {
                        k -= 1;
                    } else {
                        break;
                    }
                }
                let ts = copula_ending_at(k)?;
                let (_, fut, was) = copula_at(ts)?;
                // "Henley macht für Ellison Platz und wird stellvertretender Vorsitzender":
                // after "and", the copula's subject is the clause's first person.
                let and_before = ts > range.start && l.coordinators.longest_at(toks, ts - 1, &NoSlots).is_some_and(|m| m.len == 1);
                let first_person = || an.mentions.iter().filter(|m| m.start >= range.start && m.start < ts).find_map(|m| match m.kind {
                    MentionKind::Person(p) => Some(vec![p]),
                    _ => None,
                });
                // "Era presidenta de X desde 2015": a dropped subject is the story's person.
                let dropped = || (l.pro_drop && (range.start..ts).all(|j| l.stopwords.contains(&an.toks[j].folded))).then(|| self.focus_before(range.start).map(|p| vec![p])).flatten();
                let ps = if and_before { first_person()? } else { self.person_before(ts, range.start).map(|(ps, _)| ps).or_else(dropped)? };
                // Without "new", "from now on" or "will be", the post is held, not taken.
                Some((*ps.first()?, ts, k, fut, again, was || !(fresh || onset || fut || again), was))
            };
            let Some((person, ts, te, future, again, held, was)) = forward.map(|(p, ts, te, fut)| (p, ts, te, fut, false, false, false)).or_else(backward) else { continue };
            // A post held before is at the organization just named ("DoubleClick,
            // donde era vicepresidente"), else the story's.
            let nearest_before = || an.mentions.iter().rev().filter(|m| m.start >= range.start && m.end <= ts).find_map(|m| matches!(m.kind, MentionKind::Org(_)).then(|| self.org_at(m.start)).flatten());
            let org = if was { title.org.clone().or_else(nearest_before).or_else(|| self.main_org()).or_else(|| self.sentence_org(s)) } else { title.org.clone().or_else(|| self.sentence_org(s)).or_else(|| self.main_org()) };
            let status = self.status(s, ts, te, future);
            if held {
                // "Jobs reste directeur général": what the article calls the person.
                if status == Status::Actual && !future {
                    self.profiles.borrow_mut().entry(person).or_default().push(Title { org: org.clone(), former: was, ..title.clone() });
                    let (since, until) = self.held_span(ts, r.end, range.clone());
                    // "who until Tuesday was chief executive of X": the post ended then.
                    let until = until.or_else(|| {
                        let d = an.mention_at(ts.checked_sub(1)?).filter(|m| m.end == ts)?;
                        let MentionKind::Date(t) = d.kind else { return None };
                        phrase_ending_at(&l.until, toks, d.start, range.start, 3).and(t.date)
                    });
                    let manner = if was || until.is_some() { "past" } else { "current" };
                    let mut d = self.draft(EventType::Held, Some(person), org, Some(title), manner, status, (since, since.is_none()), None, None, s, 0.6);
                    d.until = until;
                    out.push(d);
                }
                continue;
            }
            let (kind, manner) = if again { (EventType::Return, "returned") } else { (EventType::Start, "appointed") };
            let (date, _, weak) = self.date_for(s, ts, te, kind, last_date);
            out.push(self.draft(kind, Some(person), org, Some(title), manner, status, (date, weak), None, None, s, 0.6));
        }
        out
    }

    /// When a post named between tokens `from` and `to` was held: "since 2019"
    /// (its start) or "from 2010 to 2015" (start and end), written right
    /// before the title or in the few words after it.
    fn held_span(&self, from: usize, to: usize, range: std::ops::Range<usize>) -> (Option<PartialDate>, Option<PartialDate>) {
        let an = self.an;
        let l = an.lang;
        let toks = &an.toks[..range.end];
        for k in from..range.end.min(to + 8) {
            if k > to && matches!(toks[k].folded.as_str(), "," | ";" | ":") {
                break;
            }
            if let Some((first, second)) = self.span_from(k, from, range.end) {
                if let (MentionKind::Date(a), MentionKind::Date(b)) = (&first.kind, &second.kind) {
                    if let (Some(start), Some(until)) = (a.date, b.date) {
                        return (Some(start), Some(until));
                    }
                }
            }
            if let Some(m) = l.since.longest_at(toks, k, &NoSlots) {
                let date = an.mention_at(k + m.len).filter(|d| d.start == k + m.len).and_then(|d| match d.kind {
                    MentionKind::Date(t) => t.date,
                    _ => None,
                });
                if date.is_some() {
                    return (date, None);
                }
            }
        }
        (None, None)
    }

    /// A span of years whose first date starts at token `d` ("de 2010 à
    /// 2015", "from 2010 to 2015"; its opening word not before `lower`): its
    /// two date mentions.
    fn span_from(&self, d: usize, lower: usize, end: usize) -> Option<(&Mention, &Mention)> {
        let an = self.an;
        let toks = &an.toks[..end];
        let date_at = |j: usize| an.mention_at(j).filter(|m| m.start == j && matches!(m.kind, MentionKind::Date(_)));
        let first = date_at(d)?;
        phrase_ending_at(&an.lang.span_from, toks, d, lower, 2)?;
        let to = an.lang.span_to.longest_at(toks, first.end, &NoSlots)?;
        Some((first, date_at(first.end + to.len)?))
    }

    /// Whether the date mention at token `start` opens or closes a span of years.
    fn in_held_span(&self, start: usize, range: std::ops::Range<usize>) -> bool {
        let opens = self.span_from(start, range.start, range.end).is_some();
        // The closing date: the first one stands before "to", right before it.
        let closes = phrase_ending_at(&self.an.lang.span_to, &self.an.toks[..range.end], start, range.start, 2)
            .and_then(|j| self.an.mention_at(j.checked_sub(1)?).filter(|m| m.end == j))
            .and_then(|first| self.span_from(first.start, range.start, range.end))
            .is_some_and(|(_, second)| second.start == start);
        opens || closes
    }

    /// "Page and Brin will remain on Alphabet's board", "keep his seat on the
    /// board": a seat held now, by the subject, on the unit after the phrase.
    fn seats_kept(&self, s: usize) -> Vec<Draft> {
        let an = self.an;
        let range = self.sentence_range(s);
        let mut out = Vec::new();
        for (ts, m) in an.lang.keeps_seat.find_all(&an.toks, range.clone(), &NoSlots) {
            let te = ts + m.len;
            let Some(seat) = self.member_seat(te, range.end) else { continue };
            let Some((persons, _)) = self.person_before(ts, range.start) else { continue };
            let org = seat.org.clone().or_else(|| self.main_org());
            for p in persons {
                out.push(self.draft(EventType::Held, Some(p), org.clone(), Some(seat.clone()), "current", Status::Actual, (None, true), None, None, s, 0.6));
            }
        }
        out
    }

    fn holding_facts(&self, s: usize) -> Vec<Draft> {
        let an = self.an;
        let range = self.sentence_range(s);
        let toks = &an.toks[..range.end];
        let seg = segments(an, range.clone());
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            // "Jane Doe chairs Contoso": a plural title after a name is a verb.
            let verb_position = self.kind_at(i).is_none() || (matches!(self.kind_at(i), Some(MentionKind::Role { .. })) && i > range.start && matches!(self.kind_at(i - 1), Some(MentionKind::Person(_))));
            let hit = if verb_position { an.lang.holdings.longest_at(toks, i, &NoSlots) } else { None };
            let Some(m) = hit else {
                i += 1;
                continue;
            };
            let entry = &an.lang.holding_entries[*m.value];
            let (ts, te) = (i, i + m.len);
            i = te;
            if entry.passive {
                out.extend(self.passive_holding(s, ts, te, entry));
                continue;
            }
            let persons = match self.person_before(ts, range.start) {
                Some((ps, _)) => ps,
                None if an.lang.pro_drop => self.focus_before(range.start).into_iter().collect(),
                None => Vec::new(),
            };
            if persons.is_empty() {
                continue;
            }
            // The verb's clause: up to the next comma, or a few words more when an organization follows.
            let clause_end = (te..range.end).find(|&k| k > te && seg[k - range.start] != seg[te.min(range.end - 1) - range.start]).unwrap_or(range.end);
            let (orgs, role, unit) = match self.org_after(te, clause_end, false) {
                Some(o) => (vec![o], entry.role.clone(), None),
                None => {
                    // "le développement de produits chez Meta et Uber", "product at Meta".
                    let named = |k: usize| match self.kind_at(k) {
                        Some(MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) if an.mention_at(k).is_some_and(|m| m.start == k) => self.org_at(k).map(|o| (o, an.mention_at(k).unwrap().end)),
                        None => self.unknown_org(k, clause_end).map(|o| (o.clone(), k + crate::tokenize::tokenize(&o, &an.lang.rules).len())),
                        _ => None,
                    };
                    let placed = (te..clause_end.min(te + 12)).find_map(|k| {
                        let cued = (1..=2).any(|n| k >= te + n && (an.lang.org_prepositions.longest_at(toks, k - n, &NoSlots).is_some_and(|p| k - n + p.len == k) || an.lang.of.contains(&an.toks[k - n].folded)));
                        cued.then(|| named(k).map(|(o, end)| (k, o, end))).flatten()
                    });
                    // "Chez OpenAI, Schulman a aidé à diriger l'équipe post-formation":
                    // a team or an activity as the object, at the organization a place
                    // phrase before the verb names.
                    let fronted = || {
                        let m = an.mentions.iter().filter(|m| m.start > range.start && m.end <= ts).find(|m| matches!(m.kind, MentionKind::Org(_)))?;
                        let placed = phrase_ending_at(&an.lang.org_prepositions, &an.toks, m.start, range.start, 2).is_some();
                        let object = an.toks.get(te).is_some_and(|t| t.is_word() && !t.upper);
                        let org = self.org_at(m.start).filter(|_| placed && object)?;
                        Some((vec![org], entry.unit_role.clone(), (te..clause_end.min(te + 4)).find_map(|k| self.unit_at(k))))
                    };
                    match placed {
                        Some((first, o, mut k)) => {
                            let mut orgs = vec![o];
                            while k < clause_end {
                                let Some(c) = an.lang.coordinators.longest_at(toks, k, &NoSlots) else { break };
                                match self.org_at(k + c.len) {
                                    Some(o) => {
                                        orgs.push(o);
                                        k = an.mention_at(k + c.len).unwrap().end;
                                    }
                                    None => break,
                                }
                            }
                            let unit = (te..first).find_map(|k| self.unit_at(k));
                            (orgs, entry.unit_role.clone(), unit)
                        }
                        None => match fronted() {
                            Some(held) => held,
                            None => continue,
                        },
                    }
                }
            };
            let since = an.mentions.iter().find_map(|m| match m.kind {
                MentionKind::Date(t) if m.start >= te && m.start < clause_end.max(te + 6).min(range.end) && (m.start.saturating_sub(2).max(range.start)..m.start).any(|k| an.lang.since.matches_at(toks, k)) => t.date,
                _ => None,
            });
            let near = ts.saturating_sub(6).max(range.start)..clause_end;
            let past = entry.tense == "past" || an.lang.background.occurs_in(&an.toks, near);
            for &p in &persons {
                for o in &orgs {
                    out.push(Draft {
                        kind: EventType::Held,
                        person: Some(p),
                        org: Some(o.clone()),
                        unit: unit.clone(),
                        role: Some(role.clone()),
                        role_text: Some(an.raw(ts, te).to_string()),
                        date: since,
                        date_weak: since.is_none(),
                        until: None,
                        counterpart: None,
                        manner: if past { "past" } else { "current" }.into(),
                        status: Status::Actual,
                        sentence: s,
                        confidence: 0.5,
                    });
                }
            }
        }
        out
    }

    /// "Nissan, dirigé par Hiroto Saikawa", "The board, chaired by former
    /// Stanford president John Hennessy": the person named right after the
    /// verb holds the post at the organization (or whose board it is) just
    /// before its comma.
    fn passive_holding(&self, s: usize, ts: usize, te: usize, entry: &crate::resources::HoldingEntry) -> Option<Draft> {
        let an = self.an;
        let range = self.sentence_range(s);
        if ts < range.start + 2 || an.toks[ts - 1].folded != "," {
            return None;
        }
        // "Contoso Ltd., led by": past an abbreviation's full stop.
        let before = if an.toks[ts - 2].folded == "." && ts >= range.start + 3 { ts - 3 } else { ts - 2 };
        let owner = an.mention_at(before)?;
        let org = match owner.kind {
            MentionKind::Org(_) | MentionKind::OrgAnaphor { .. } => self.org_at(owner.start),
            MentionKind::Unit(_) => self.main_org().or_else(|| self.sentence_org(s)),
            _ => None,
        }?;
        // The name comes first, or after its title: "chaired by former Stanford president X".
        let clause_end = (te..range.end).find(|&k| an.toks[k].folded == ",").unwrap_or(range.end);
        let (person, mi) = (te..clause_end.min(te + 8)).find_map(|k| match self.kind_at(k) {
            Some(MentionKind::Person(p)) => Some((*p, self.mention_index(k)?)),
            _ => None,
        })?;
        let between_ok = (te..an.mentions[mi].start).all(|k| self.kind_at(k).is_some() || an.toks[k].is_word());
        between_ok.then(|| Draft {
            kind: EventType::Held,
            person: Some(person),
            org: Some(org),
            unit: None,
            role: Some(entry.role.clone()),
            role_text: Some(an.raw(ts, te).to_string()),
            date: None,
            date_weak: true,
            until: None,
            counterpart: None,
            manner: entry.tense.clone(),
            status: Status::Actual,
            sentence: s,
            confidence: 0.5,
        })
    }

    /// "Son départ a été suivi par celui de Jan Leike": the change read last
    /// in the sentence, for the person after "celui de".
    fn elliptic_events(&self, range: std::ops::Range<usize>, found: &[Draft]) -> Vec<Draft> {
        let an = self.an;
        let toks = &an.toks[..range.end];
        let Some(last) = found.iter().rev().find(|d| d.kind != EventType::Held && d.person.is_some()) else { return Vec::new() };
        let mut out: Vec<Draft> = range
            .clone()
            .filter_map(|k| an.lang.ellipsis.longest_at(toks, k, &NoSlots).map(|m| k + m.len))
            .filter_map(|after| match self.kind_at(after) {
                Some(MentionKind::Person(p)) if Some(*p) != last.person => Some(*p),
                _ => None,
            })
            .map(|p| Draft { person: Some(p), role: None, role_text: None, counterpart: None, confidence: 0.5, ..last.clone() })
            .collect();
        // A gapped verb: "John Schulman y devient directeur scientifique, et Barret Zoph
        // directeur technique": the same change for the next name, with its own title.
        if last.kind == EventType::Start {
            for k in range.clone() {
                let Some(c) = an.lang.coordinators.longest_at(toks, k, &NoSlots) else { continue };
                let Some(m) = an.mention_at(k + c.len).filter(|m| m.start == k + c.len) else { continue };
                let MentionKind::Person(p) = m.kind else { continue };
                let title = an.mention_at(m.end).filter(|r| r.start == m.end && matches!(r.kind, MentionKind::Role { .. }));
                let verbless = (k..range.end).all(|j| self.kind_at(j).is_some() || an.lang.triggers.longest_at(toks, j, &NoSlots).is_none());
                if let (Some(r), true, true) = (title, verbless, Some(p) != last.person) {
                    let t = self.title(r.start, r.end);
                    out.push(Draft { person: Some(p), role: Some(t.code), role_text: Some(t.text), counterpart: None, confidence: 0.5, ..last.clone() });
                }
            }
        }
        out
    }

    fn trigger_events(&self, s: usize, ts: usize, te: usize, hits: &[TriggerHit], last_date: &mut Option<PartialDate>) -> Vec<Draft> {
        let an = self.an;
        let range = self.sentence_range(s);
        let subject_unit = self.subject_is_unit(ts, range.start);
        // "Fabrikam replaced its board": a unit as object, and no person before.
        let object_unit = (te..range.end.min(te + 4)).find_map(|k| self.unit_at(k)).filter(|_| self.person_before(ts, range.start).is_none());
        let unit_argument = subject_unit.clone().or(object_unit);
        // A phrase in two entries ("remplacé": a successor, or a board replaced):
        // a unit as subject means the dissolution.
        let hit = hits
            .iter()
            .find(|h| (an.lang.trigger_entries[h.entry].kind == "dissolution") == unit_argument.is_some())
            .or(hits.first())
            .copied()
            .unwrap();
        let entry = &an.lang.trigger_entries[hit.entry];
        let kind = EventType::parse(&entry.kind).unwrap();
        let status = self.status(s, ts, te, hit.future);
        let (date, mut until, date_weak) = self.date_for(s, ts, te, kind, last_date);
        // "geht ab August für sechs Monate in Elternzeit": a leave's length gives its end.
        if kind == EventType::Absence && until.is_none() {
            let span = an.mentions.iter().filter(|m| m.start >= range.start && m.end <= range.end).find_map(|m| match m.kind {
                MentionKind::Date(crate::timex::Timex { span_months: Some(n), .. }) => Some(n),
                _ => None,
            });
            until = span.zip(date).map(|(n, d)| d.add_months(i32::from(n)));
        }
        // "en janvier 2009, un congé ... jusqu'à fin juin": the June after the
        // leave began, not the one before publication.
        if let (Some(d), Some(u)) = (date, until.as_mut()) {
            while u.month.is_some() && u.ordinal_start() - d.ordinal_end() > 366 {
                u.year -= 1;
            }
        }
        // A vague verb ("takes time off") says how it happened through other words of the sentence.
        let cued = (entry.manner == "unspecified").then(|| self.cued_manner(kind, range.clone())).flatten();
        let manner = cued.unwrap_or(entry.manner.as_str());

        if kind == EventType::Dissolution {
            let unit = subject_unit.or_else(|| self.unit_near(ts, te, range.clone()));
            let Some(unit) = unit else { return Vec::new() };
            let org = self.org_after(te, range.end, false).or_else(|| self.org_before(ts, range.start)).or_else(|| self.main_org()).or_else(|| self.sentence_org(s));
            return vec![Draft {
                kind,
                person: None,
                org,
                unit: Some(unit),
                role: None,
                role_text: None,
                date,
                date_weak,
                until: None,
                counterpart: None,
                manner: entry.manner.clone(),
                status,
                sentence: s,
                confidence: 0.6,
            }];
        }

        // ("moved to Contoso as CFO": a post taken there tells an employer too.)
        let with_post = || matches!(self.kind_at(te), Some(MentionKind::Org(_))) && self.title_after(te, range.end, false).is_some();
        if entry.needs_org && !self.known_org_at(te) && !with_post() {
            return Vec::new();
        }
        let passive = (ts.saturating_sub(3).max(range.start)..ts).any(|k| an.lang.passive.contains(&an.toks[k].folded));
        // "X was replaced", "X a été remplacé": the one replaced leaves (with an
        // agent, "replaced by Y" is a phrase of its own). Not in German, whose
        // "wird" also makes a future ("Haas wird Nachfolger von Y").
        let (kind, manner) = if passive && entry.succession && kind == EventType::Start && !an.lang.verb_final { (EventType::End, "unspecified") } else { (kind, manner) };
        let object_first = entry.person == PersonSlot::Object && !passive;
        // A title the sentence opens on, as its subject ("Le chercheur, ..., cofonde X").
        let opening_title = an
            .mentions
            .iter()
            .find(|m| m.start >= range.start && m.start < ts)
            .filter(|m| matches!(m.kind, MentionKind::Role { .. }) && (range.start..m.start).all(|k| an.lang.stopwords.contains(&an.toks[k].folded)))
            .map(|m| (self.title(m.start, m.end), self.in_place_phrase(m.start, range.start)));
        // "An der Spitze von AWS folgt ihm X": a title in a fronted place phrase
        // is the post taken, not the subject.
        let (opening_title, fronted_post) = match opening_title {
            Some((t, true)) => (None, (kind == EventType::Start).then_some(t)),
            Some((t, false)) => (Some(t), None),
            None => (None, None),
        };
        // "Su nombramiento", "his appointment": the possessor, named before, not the next name.
        let possessed = !entry.succession
            && !entry.successor_named
            && [Some(ts), ts.checked_sub(1)].into_iter().flatten().filter(|&k| k >= range.start).any(|k| an.lang.person_possessives.contains(&an.toks[k].folded));
        let (mut persons, mut person_mention) = if possessed {
            // "Un mois après son départ d'OpenAI, Ilya Sutskever a dévoilé...": the
            // possessor may be the subject that follows the opening phrase.
            let seg = segments(an, range.clone());
            // Not a possessive that opens the sentence as its subject ("Su nombramiento coincide...").
            let opening = ts > range.start + 1 && seg[ts - range.start] == 0 && seg.last().is_some_and(|&l| l > 0);
            let following = opening.then(|| self.first_person_after(ts, range.end, None).0).flatten();
            // "X a annoncé sa démission", "X a déclaré que son congé...": the person
            // named before, in the same sentence.
            let before = an.mentions.iter().enumerate().rev().filter(|(_, m)| m.start >= range.start && m.end <= ts).find_map(|(mi, m)| match m.kind {
                MentionKind::Person(p) => Some((p, mi)),
                _ => None,
            });
            // "El cofundador de la red social anunció su renuncia": a title as subject
            // stands for its holder; not knowing who that is, not for the next name.
            let title_subject = || self.person_before(ts, range.start).and_then(|(ps, _)| ps.first().copied());
            match before {
                Some((p, mi)) => (vec![p], Some(mi)),
                None if opening_title.is_some() => (title_subject().into_iter().collect(), None),
                None => (following.or_else(|| self.topic_before(range.start)).into_iter().collect(), None),
            }
        } else if subject_unit.is_some() && !object_first {
            (Vec::new(), None)
        } else {
            self.persons_for(ts, te, range.clone(), object_first, entry.manner == "founded")
        };
        // Languages that drop the subject ("En 2015 fue nombrado consejero delegado"),
        // or a sentence opening on a title ("Le chercheur, ..., cofonde X"):
        // the person the story is about.
        // "La consejera delegada de la plataforma anunció...": the title is the subject's.
        let mut subject_title = fronted_post;
        // "Le patron de Michelin doit passer le relais à X": a title as subject
        // stands for the one person the article gives it; the name after the
        // verb is someone else (here the successor).
        let named_after = person_mention.is_some_and(|m| an.mentions[m].start > ts);
        if let (Some(t), false, true) = (&opening_title, object_first, named_after) {
            match self.title_holder(t) {
                Some(p) => {
                    persons = vec![p];
                    person_mention = None;
                    subject_title = opening_title.clone();
                }
                None if entry.hands_over => {
                    persons.clear();
                    person_mention = None;
                }
                // "Den Vorsitz übernimmt Petra Lange": a fronted title is the post taken.
                None if kind == EventType::Start && !t.former => subject_title = opening_title.clone(),
                None => {}
            }
        }
        // "La dirección financiera quedará en manos de X": a fronted title of an
        // object verb is the post X takes (a title after the name still wins).
        if object_first && kind == EventType::Start && subject_title.is_none() {
            subject_title = opening_title.clone().filter(|t| !t.former);
        }
        if persons.is_empty() && subject_unit.is_none() && !object_first && (an.lang.pro_drop || opening_title.is_some()) {
            if let Some(p) = self.focus_before(range.start) {
                persons.push(p);
                subject_title = opening_title;
            }
        }

        if self.debug {
            eprintln!("trigger {:?} {} persons {:?} mention {:?} date {:?} weak {}", an.raw(ts, te), entry.kind, persons, person_mention.map(|m| an.raw(an.mentions[m].start, an.mentions[m].end)), date, date_weak);
        }
        // Where: the organization named after the verb, or the title's, or the sentence's.
        // "co-founded X with A and B": A and B founded it too (and an
        // organization after "with" is theirs: "with LinkedIn co-founder B").
        let (co_founders, with_at) = if entry.manner == "founded" && kind == EventType::Start { self.comitative_persons(ts, te, range.clone()) } else { (Vec::new(), None) };
        // German "von A zu B gewechselt": both before the verb.
        let (moved_from, moved_to) = if an.lang.verb_final && matches!(kind, EventType::Start | EventType::End) { self.final_verb_move(ts, te, range.clone()) } else { (None, None) };
        // (Both ends named: "vom Softwarekonzern X übernommen" alone is no move.)
        let (moved_from, moved_to) = if moved_from.is_some() && moved_to.is_some() { (moved_from, moved_to) } else { (None, None) };
        let (move_org, move_counterpart) = if kind == EventType::End { (moved_from, moved_to) } else { (moved_to, moved_from) };
        // "Square, la firma de pagos que también fundó": the clause's antecedent
        // before an object read back from the verb's end.
        let direct_org = if object_first { self.org_before(ts, range.start) } else { self.org_after(te, with_at.unwrap_or(range.end), entry.manner == "founded") }
            .or_else(|| move_org.clone())
            .or_else(|| self.relative_antecedent_org(ts, range.start))
            .or_else(|| if object_first || !an.lang.verb_final { None } else { self.org_before_final_verb(ts, te, range.clone()) })
            .or_else(|| self.recent_org_before(ts, te, range.start));
        let after_org_end = self.after_org(te, range.end);
        let counterpart = match kind {
            EventType::End => self.org_following(after_org_end, range.end, |l| &l.move_to),
            EventType::Start => self.org_following(after_org_end, range.end, |l| &l.move_from),
            _ => None,
        }
        .or(move_counterpart.filter(|c| direct_org.as_ref() != Some(c)));
        // "named X as CEO": the new title may follow the person; "le licenciement
        // d'Altman en tant que membre du conseil" speaks of someone else's.
        // "zum Vorstandsvorsitzenden bestellt": the title inside the phrase itself.
        // ("La présidence revient à X": the post may open the phrase.)
        let inner_title = (ts..te).find_map(|k| an.mention_at(k).filter(|m| matches!(m.kind, MentionKind::Role { .. }) && m.end <= te)).map(|m| self.title(m.start, m.end));
        let phrase_title = inner_title.clone();
        let title_taken = inner_title.or_else(|| self.title_after(te, with_at.unwrap_or(range.end), kind == EventType::Start));
        // A founding takes a title only from after the verb ("founded X as its
        // CEO"), not "a veteran Google engineer who helped start the team".
        let founding_title = title_taken.is_some();
        let later_title = title_taken
            // (Not when the subject is itself a title: "le patron de Fabrikam a quitté X".)
            .or_else(|| person_mention.filter(|&m| !matches!(an.mentions[m].kind, MentionKind::Role { .. })).and_then(|m| self.title_before_verb(m, ts)))
            // "elected former Duke Energy vice president X to the board": one
            // starts in a new post, not in a former one, nor where it was held.
            .filter(|t| !(kind == EventType::Start && t.former));
        // "has left the board", "a rejoint le conseil d'administration": a seat on it.
        let seat = matches!(kind, EventType::Start | EventType::End).then(|| self.member_seat(te, range.end)).flatten();

        let mut drafts = Vec::new();
        let people_count = persons.len() + co_founders.len();
        let people: Vec<Option<usize>> = if persons.is_empty() { vec![None] } else { persons.into_iter().map(Some).collect() };
        for person in people {
            let apposed = person_mention.and_then(|m| self.appositions.get(&m));
            // "X, le patron de Michelin, a été élu président": for a start, the
            // apposition tells where the person comes from, not where they start.
            let apposed_org = apposed.and_then(|ts| ts.iter().find_map(|t| t.org.clone())).filter(|o| kind != EventType::Start || Some(o) == self.main_org().as_ref());
            // ("Le patron de Michelin doit passer le relais": the subject's title says where.)
            let title_org = later_title.as_ref().and_then(|t| t.org.clone()).or_else(|| seat.as_ref().and_then(|t| t.org.clone())).or(apposed_org).or_else(|| {
                let subject = person_mention.filter(|&m| matches!(an.mentions[m].kind, MentionKind::Role { .. })).map(|m| self.title(an.mentions[m].start, an.mentions[m].end));
                subject.or_else(|| subject_title.clone()).and_then(|t| t.org)
            });
            let title_org_found = title_org.is_some();
            let recent = match kind {
                EventType::Start => person.and_then(|p| self.last_start.borrow().get(&p).cloned()),
                EventType::End => person.and_then(|p| self.last_end.borrow().get(&p).cloned()),
                _ => None,
            };
            // A founding names what it founds: "founded a nonprofit" is not
            // the article's company.
            // ("Contoso a été cofondée par X": in the passive, the subject.)
            // (Nor is the company of the founder's apposition: "X, COO of Contoso, founded a nonprofit".)
            let title_taken_org = later_title.as_ref().and_then(|t| t.org.as_ref()).or_else(|| seat.as_ref().and_then(|t| t.org.as_ref()));
            let founding_unnamed = entry.manner == "founded" && kind == EventType::Start && direct_org.is_none() && title_taken_org.is_none() && !(passive && self.org_before(ts, range.start).is_some());
            // One comes back where one was: "fired, courted by Microsoft and finally
            // reinstated" is a return to the post the story knows of.
            // (Or where the story had them leave: "fired, courted by Microsoft and
            // finally reinstated" is back where fired.)
            let returned_to = (kind == EventType::Return).then(|| person.and_then(|p| self.profile_org(p).or_else(|| self.left.borrow().get(&p).cloned()))).flatten();
            // "then moved to Google, before leaving in 2022": one leaves where one last started.
            let left_from = (kind == EventType::End).then(|| person.and_then(|p| self.last_start.borrow().get(&p).cloned())).flatten();
            let org = direct_org
                .clone()
                .or(title_org)
                .or(recent)
                .or(returned_to)
                .or_else(|| self.located_org(range.clone(), ts))
                .or(left_from)
                // Where a person worked says where they leave, not where they start.
                // ("Les deux hommes ont démissionné ... : Lample devient directeur
                // scientifique": not where the story just had them leave.)
                .or_else(|| person.and_then(|p| self.profile_org(p).filter(|o| kind != EventType::Start || self.left.borrow().get(&p) != Some(o))).filter(|o| kind != EventType::Start || !apposed.is_some_and(|ts| ts.iter().any(|t| t.org.as_ref() == Some(o)))))
                .or_else(|| self.sentence_org_except(s, counterpart.as_deref(), Some(ts)))
                .or_else(|| person_mention.and_then(|m| self.sentence_org_except(s, counterpart.as_deref(), Some(an.mentions[m].start))))
                .or_else(|| self.main_org())
                .or_else(|| self.sentence_org_except(s, counterpart.as_deref(), None))
                .or_else(|| self.last_org.borrow().clone())
                .filter(|_| !founding_unnamed);
            // "then moved to Google": a move, from where the person was.
            let moved_from = (entry.needs_org && kind == EventType::Start)
                .then(|| person.and_then(|p| self.profile_org(p).or_else(|| self.last_start.borrow().get(&p).cloned())))
                .flatten()
                .filter(|o| Some(o) != org.as_ref());
            let counterpart = counterpart.clone().or(moved_from);
            // A title said of the person at another organization is not the role here.
            let here = |t: &Title| t.org.is_none() || t.org == org;
            // "fired chief executive A, CFO B and legal chief C": in a list of
            // objects, each person's own title before their name (a list of
            // subjects takes the title the verb gives: "A and B will run it as co-CEOs").
            // (Not a former one for a start: "die bisherigen Co-Präsidenten A und B ... als Co-Chefs".)
            // (A list of subjects leaving leaves their own posts: "CEO A and CFO B
            // resigned", and German objects stand before the verb: "hat
            // Vorstandschef A und Finanzvorstand B abberufen".)
            let own_from = if kind == EventType::End { range.start } else { te };
            // ("Bob McGrew, directeur de la recherche, et Barret Zoph, vice-président":
            // each one's own apposition, for a post left.)
            let own = (people_count > 1)
                .then(|| person.and_then(|p| self.prefix_title(p, own_from..range.end).or_else(|| (kind == EventType::End).then(|| self.own_apposition(p, te..range.end)).flatten())))
                .flatten()
                .filter(|t| !(kind == EventType::Start && t.former));
            // "Sein Nachfolger wird Y", "La sustituye Y", "Seine Aufgaben übernimmt
            // Forschungsvorständin Y": Y takes the post of the one the story is
            // about, whatever Y held before.
            let successor_post = entry.successor_named.then(|| self.topic_before(range.start)).flatten().filter(|&p| Some(p) != person).and_then(|p| self.profile_title(p, org.as_deref())).map(|t| Title { former: false, recent: false, ..t });
            // (The phrase may name the post itself: "Ihre Nachfolge als Finanzvorstand tritt X an".)
            let title = phrase_title
                .clone()
                .filter(|_| entry.successor_named)
                .or(successor_post)
                .or(own)
                .or_else(|| later_title.clone())
                // "chairman X and director Y left the board": the chair's seat is the chair.
                .or_else(|| seat.as_ref().and(person).and_then(|p| self.prefix_title(p, range.start..ts)).filter(|t| t.code == "chair"))
                .or_else(|| seat.clone())
                .or_else(|| subject_title.clone())
                .filter(here)
                .or_else(|| best(apposed.map(|ts| ts.iter().filter(|t| here(t) && inherited_fits(t, kind, manner)).cloned().collect::<Vec<_>>()).as_ref()))
                .or_else(|| person.and_then(|p| self.profile_title(p, org.as_deref())).filter(|t| inherited_fits(t, kind, manner)));
            // Founding: the founder's role, unless the text names the title taken.
            let title = if entry.manner == "founded" && !founding_title {
                let word = &an.toks[ts].folded;
                // "co-founded", or founded by several ("Page and Brin founded Google").
                let several = people_count > 1;
                let code = entry.role.as_deref().unwrap_or(if word.starts_with("co") || word.starts_with("mitgr") || several { "cofounder" } else { "founder" });
                Some(Title { code: code.into(), text: an.raw(ts, te).to_string(), org: None, former: false, recent: false })
            } else {
                title
            };
            if person.is_none() {
                // "a embauché son premier directeur financier": one event per title, no person.
                if matches!(kind, EventType::Start | EventType::End) {
                    for t in self.titles_after(te, range.end) {
                        drafts.push(self.draft(kind, None, org.clone(), Some(t), manner, status, (date, date_weak), until, counterpart.clone(), s, 0.5));
                    }
                }
                continue;
            }
            // "nombró a X, hasta ahora director de tecnología de la compañía, como
            // primer ejecutivo": a post held until now at the same place makes it a promotion.
            let insider = kind == EventType::Start && manner == "appointed" && apposed.is_some_and(|ts| ts.iter().any(|t| t.recent && (t.org.is_none() || t.org == org)));
            let manner = if insider { "promoted" } else { manner };
            drafts.push(self.draft(kind, person, org.clone(), title.clone(), manner, status, (date, date_weak), until, counterpart.clone(), s, 0.7));
            if let (EventType::Absence, Some(p)) = (kind, person) {
                self.on_leave.borrow_mut().insert(p);
            }
            if let (EventType::End, Some(p), Some(o), Status::Actual | Status::Planned) = (kind, person, drafts.last().and_then(|d| d.org.clone()), status) {
                self.left.borrow_mut().insert(p, o);
            }
            // What the event says of the person is known from here on.
            if let (Some(p), Some(t)) = (person, &title) {
                let t = Title { org: t.org.clone().or_else(|| org.clone()), former: kind == EventType::End, ..t.clone() };
                self.profiles.borrow_mut().entry(p).or_default().push(t);
            }
            if org.is_some() {
                self.last_org.replace(org.clone());
                if kind == EventType::Start && status == Status::Actual {
                    self.last_start_org.replace(org.clone());
                }
            }
            if let (Some(p), Some(o)) = (person, &org) {
                // (A founding is mostly background, and so is a relative clause:
                // "hired X, who co-founded DeepMind", "X, who joined Siemens Energy
                // in 2020, will leave": X still starts at the hirer.)
                let background = (entry.manner == "founded" || self.in_relative_clause(ts, range.start)) && self.last_start.borrow().contains_key(&p);
                if kind == EventType::Start && status == Status::Actual && !background {
                    self.last_start.borrow_mut().insert(p, o.clone());
                }
                if let (EventType::End, Some(c)) = (kind, &counterpart) {
                    self.last_start.borrow_mut().insert(p, c.clone());
                }
                // (A departure told as a plan is still the one "son départ" speaks of.)
                if kind == EventType::End && matches!(status, Status::Actual | Status::Planned) && (direct_org.is_some() || title_org_found) {
                    self.last_end.borrow_mut().insert(p, o.clone());
                }
            }
            // "nombró a Marc Murtra, hasta ahora presidente de Indra": he leaves Indra.
            if let (EventType::Start, Some(p), Some(o)) = (kind, person, &org) {
                for t in apposed.into_iter().flatten().filter(|t| t.recent && t.org.as_ref().is_some_and(|to| to != o)) {
                    let left = t.org.clone();
                    if let Some(start) = drafts.last_mut().filter(|d| d.kind == EventType::Start && d.person == Some(p) && d.counterpart.is_none()) {
                        start.counterpart = left.clone();
                    }
                    drafts.push(self.draft(EventType::End, Some(p), left, Some(t.clone()), "unspecified", status, (date, date_weak), None, Some(o.clone()), s, 0.6));
                }
            }
            // "X leaves A for B": X also starts at B; "X joins B from A": X also ends at A.
            if let (Some(c), Some(o)) = (&counterpart, &org) {
                let mirrored = if kind == EventType::End { EventType::Start } else { EventType::End };
                let manner = if kind == EventType::End { "joined" } else { "unspecified" };
                drafts.push(self.draft(mirrored, person, Some(c.clone()), None, manner, status, (date, date_weak), None, Some(o.clone()), s, 0.6));
            }
            // "X cède la place à Y", "hands over to Y": Y starts where X ends.
            if entry.hands_over && kind == EventType::End {
                // In the verb's own clause: "gives up his post, and Y leaves" is another story.
                let seg = segments(an, range.clone());
                let clause_end = (te..range.end).find(|&k| seg[k - range.start] != seg[ts - range.start] || an.lang.coordinators.matches_at(&an.toks[..range.end], k)).unwrap_or(range.end);
                // The successor may stand inside the phrase: "hat den Posten an X übergeben".
                // Or the name a relative clause is about: "Martin, à qui Roux avait cédé la présidence".
                let successor = self.first_person_after(ts + 1, clause_end, person).0.or_else(|| {
                    self.relative_antecedent(ts, range.start, &an.lang.dative_relatives).and_then(|(ps, _)| ps.first().copied()).filter(|&p| Some(p) != person)
                });
                if let Some(next) = successor {
                    drafts.push(self.draft(EventType::Start, Some(next), org.clone(), title.clone(), "appointed", status, (date, date_weak), None, None, s, 0.6));
                }
            }
            // "Ihre Nachfolge als Finanzvorstand tritt X an": she leaves that post.
            if entry.successor_named && kind == EventType::Start && title.is_some() {
                if let Some(pred) = self.topic_before(range.start).filter(|&p| Some(p) != person && !self.on_leave.borrow().contains(&p)) {
                    drafts.push(self.draft(EventType::End, Some(pred), org.clone(), title.clone(), "unspecified", status, (date, date_weak), None, None, s, 0.6));
                }
            }
            // "X succède à Y": Y ends.
            if entry.succession && kind == EventType::Start {
                for pred in self.predecessors(ts + 1, range.end, person, title.as_ref().map(|t| t.code.as_str()), org.as_deref()) {
                    let pred_title = title.clone().or_else(|| self.profile_title(pred, org.as_deref()));
                    drafts.push(self.draft(EventType::End, Some(pred), org.clone(), pred_title, "unspecified", status, (date, date_weak), None, None, s, 0.6));
                }
            }
        }
        if let Some(first) = drafts.iter().find(|d| d.kind == EventType::Start && d.manner == "founded").cloned() {
            for p in co_founders.into_iter().filter(|p| !drafts.iter().any(|d| d.person == Some(*p))).collect::<Vec<_>>() {
                let title = Title { code: "cofounder".into(), text: an.raw(ts, te).to_string(), org: None, former: false, recent: false };
                drafts.push(Draft { person: Some(p), role: Some(title.code), role_text: Some(title.text), counterpart: None, confidence: 0.6, ..first.clone() });
            }
        }
        drafts
    }

    #[allow(clippy::too_many_arguments)]
    fn draft(&self, kind: EventType, person: Option<usize>, org: Option<String>, title: Option<Title>, manner: &str, status: Status, date: (Option<PartialDate>, bool), until: Option<PartialDate>, counterpart: Option<String>, s: usize, confidence: f32) -> Draft {
        let org = org.or_else(|| title.as_ref().and_then(|t| t.org.clone()));
        Draft {
            kind,
            person,
            org,
            unit: None,
            role: title.as_ref().map(|t| t.code.clone()),
            role_text: title.map(|t| t.text),
            date: date.0,
            date_weak: date.1,
            until: if kind == EventType::Absence { until } else { None },
            counterpart,
            manner: manner.to_string(),
            status,
            sentence: s,
            confidence,
        }
    }

    /// The manner a cue word of the sentence gives a change of this kind.
    fn cued_manner(&self, kind: EventType, range: std::ops::Range<usize>) -> Option<&'a str> {
        let l = self.an.lang;
        let toks = &self.an.toks[..range.end];
        range.clone().find_map(|k| {
            let m = l.manner_cues.longest_at(toks, k, &NoSlots)?;
            let cue = &l.manner_cue_entries[*m.value];
            (EventType::parse(&cue.kind) == Some(kind)).then_some(cue.manner.as_str())
        })
    }

    /// The nearest argument before the trigger is a unit ("le conseil a été dissous").
    fn subject_is_unit(&self, ts: usize, start: usize) -> Option<String> {
        let mut k = ts;
        while k > start.max(ts.saturating_sub(5)) {
            k -= 1;
            // The subject stands in the same clause: no punctuation between.
            if self.kind_at(k).is_none() && !self.an.toks[k].is_word() {
                return None;
            }
            // "le conseil de Contoso a été dissous": the unit of an organization.
            if matches!(self.kind_at(k), Some(MentionKind::Org(_))) {
                let m = self.an.mention_at(k).unwrap();
                if m.start >= 2 && self.an.lang.of.contains(&self.an.toks[m.start - 1].folded) && self.unit_at(m.start - 2).is_some() {
                    return self.unit_at(m.start - 2);
                }
            }
            // "Den Vorsitz des Beirats übernimmt X": a unit after "of" owns the post; it is no subject.
            let owner = self.an.mention_at(k).is_some_and(|m| m.start > start && self.an.lang.of.contains(&self.an.toks[m.start - 1].folded) && matches!(self.kind_at(m.start - 2), Some(MentionKind::Role { .. })));
            match self.kind_at(k) {
                _ if owner => {}
                Some(MentionKind::Unit(u)) => return Some(u.clone()),
                Some(MentionKind::Role { .. }) if self.unit_at(k).is_some() => return self.unit_at(k),
                Some(MentionKind::Person(_) | MentionKind::PersonRef { .. } | MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) => return None,
                _ => {}
            }
        }
        None
    }

    fn unit_near(&self, ts: usize, te: usize, range: std::ops::Range<usize>) -> Option<String> {
        // From inside the phrase ("löst ihr Team auf") to a few words after it.
        (ts..range.end.min(te + 6)).find_map(|k| self.unit_at(k)).or_else(|| (range.start..ts).rev().find_map(|k| self.unit_at(k)))
    }

    /// A unit named at token `k`; a title that is also a body ("Aufsichtsrat") counts.
    fn unit_at(&self, k: usize) -> Option<String> {
        let m = self.an.mention_at(k)?;
        match &m.kind {
            MentionKind::Unit(u) => Some(u.clone()),
            MentionKind::Role { .. } => self.an.lang.units.longest_at(&self.an.toks[..m.end], m.start, &NoSlots).filter(|u| m.start + u.len == m.end).map(|u| u.value.clone()),
            _ => None,
        }
    }

    /// The last person named before token `k`.
    /// The one person the article gives this title ("patron" of Michelin):
    /// none when the title names no organization and several hold it, or when
    /// several hold it there.
    fn title_holder(&self, title: &Title) -> Option<usize> {
        let profiles = self.profiles.borrow();
        let mut holders = profiles
            .iter()
            .filter(|(_, ts)| ts.iter().any(|t| t.code == title.code && !t.former && (title.org.is_none() || t.org == title.org)))
            .map(|(p, _)| *p);
        let first = holders.next()?;
        holders.next().is_none().then_some(first)
    }

    fn focus_before(&self, k: usize) -> Option<usize> {
        self.an.mentions.iter().take_while(|m| m.start < k).filter_map(|m| match m.kind {
            MentionKind::Person(p) => Some(p),
            _ => None,
        }).last()
    }

    /// The person the story was last about: the first person named in the
    /// last sentence before token `k` that names one ("Sutskever avait perdu
    /// son siège au conseil, reconstitué autour de Bret Taylor. Son départ...").
    fn topic_before(&self, k: usize) -> Option<usize> {
        // (Or a pronoun that opens it: "Chez Nébuleuse AI, elle succède à Paul
        // Mercier. Son départ..." is about her.)
        let person = |m: &Mention| match &m.kind {
            MentionKind::Person(p) => Some(*p),
            MentionKind::PersonRef { candidates, plural: false } => candidates.first().copied(),
            _ => None,
        };
        let last = self.an.mentions.iter().take_while(|m| m.start < k).filter(|m| person(m).is_some()).last()?;
        let s = self.sentence_range(self.sentence_of(last.start));
        self.an.mentions.iter().filter(|m| m.start >= s.start && m.start < s.end.min(k)).find_map(person)
    }

    /// The persons a trigger is about, and the mention that names them.
    /// `founding`: "fondée par X" names the founder as the agent, who is then the person.
    fn persons_for(&self, ts: usize, te: usize, range: std::ops::Range<usize>, object_first: bool, founding: bool) -> (Vec<usize>, Option<usize>) {
        // (Not across a semicolon: "...ist Birgit Lorenz; in das Gremium gewählt
        // wurden außerdem X und Y" has its own subject after the verb.)
        let clause_start = (range.start..ts).rev().find(|&k| self.an.toks[k].folded == ";").map_or(range.start, |k| k + 1);
        let before = || self.person_before(ts, clause_start);
        // After the verb, or inside a phrase with a gap ("löst X Y ab").
        // ("folgt ihm X": not a pronoun closing the phrase, the predecessor.)
        let from = if matches!(self.kind_at(te - 1), Some(MentionKind::PersonRef { .. })) { te } else { ts + 1 };
        // ("L'intérim sera assuré par X": "par" in the phrase names the person, not an agent.)
        let agent_in_phrase = self.an.lang.agents.contains(&self.an.toks[te - 1].folded);
        let after = |limit: usize| self.person_after(from, range.end.min(te + limit), !founding && !agent_in_phrase);
        // "le conseil l'avait démis": the object stands before the verb.
        let clitic = || (ts.saturating_sub(3).max(range.start)..ts).rev().filter(|&k| self.is_clitic(k)).find_map(|k| self.person_from_mention(k));
        // "He took over from Gates in 2000, two decades after joining the company":
        // a clause with no subject of its own has the sentence's, the subject of
        // its first verb of change.
        if !object_first && phrase_ending_at(&self.an.lang.nonfinite_openers, &self.an.toks, ts, range.start, 3).is_some() {
            let first = self.trigger_starts(range.clone()).into_iter().find(|&t| t < ts);
            if let Some((ps, m)) = first.and_then(|t| self.person_before(t, range.start)) {
                return (ps, Some(m));
            }
        }
        // "Martin, que Roux avait recruté": the name the relative clause is about.
        let relative = || self.relative_antecedent(ts, range.start, &self.an.lang.object_relatives);
        let found = if object_first { clitic().or_else(relative).or_else(|| after(15)).or_else(before) } else { before().or_else(|| after(12)) };
        found.map_or((Vec::new(), None), |(p, m)| (p, Some(m)))
    }

    fn person_from_mention(&self, k: usize) -> Option<(Vec<usize>, usize)> {
        let mi = self.mention_index(k)?;
        match &self.an.mentions[mi].kind {
            MentionKind::Person(id) => Some((self.coordinated(mi, *id), mi)),
            MentionKind::PersonRef { candidates, plural } if !candidates.is_empty() => {
                let n = if *plural { 2 } else { 1 };
                Some((candidates.iter().take(n).copied().collect(), mi))
            }
            _ => None,
        }
    }

    /// An object pronoun before its verb: "l'" in "le conseil l'a démis".
    fn is_clitic(&self, k: usize) -> bool {
        matches!(self.kind_at(k), Some(MentionKind::PersonRef { .. })) && self.an.lang.object_clitics.contains(&self.an.toks[k].folded)
    }

    fn person_before(&self, ts: usize, start: usize) -> Option<(Vec<usize>, usize)> {
        let mut k = ts;
        while k > start {
            k -= 1;
            if self.is_clitic(k) {
                continue; // the object, not the subject
            }
            // "Okafor, who co-founded it with Lindqvist, has left": skip the relative clause.
            if self.an.toks[k].folded == "," {
                if let Some(open) = self.relative_clause_before(k, start).or_else(|| self.apposition_before(k, start)) {
                    k = open;
                    continue;
                }
            }
            // "one of Chapek's closest lieutenants would be leaving": a possessor is not
            // the subject (but "Smith's reinstatement" is about Smith).
            if let Some(m) = self.an.mention_at(k).filter(|m| matches!(m.kind, MentionKind::Person(_)) && self.an.toks.get(m.end).is_some_and(|t| self.an.lang.possessive.contains(&t.folded)) && m.end + 1 < ts) {
                k = m.start;
                continue;
            }
            // "hatte X 2005 gemeinsam mit Petra Lange gegründet": a companion is not the subject.
            if let Some(with) = self.companion_start(k, start) {
                k = with;
                continue;
            }
            if let Some(found) = self.person_from_mention(k) {
                return Some(found);
            }
            if let Some(found) = self.title_subject(k, start) {
                return Some(found);
            }
            // "le conseil a été dissous": a unit right before the verb is its subject
            // (not one closing an apposition: "X, miembro del consejo, sustituye").
            if matches!(self.kind_at(k), Some(MentionKind::Unit(_))) && ts - k <= 5 && (k..ts).all(|j| self.an.toks[j].is_word() || self.kind_at(j).is_some()) {
                return None;
            }
            // "Altman a révélé que deux responsables partaient": not Altman.
            if self.kind_at(k).is_none() && self.an.lang.complementizers.contains(&self.an.toks[k].folded) {
                // "Álvarez-Pallete, que había sido consejero delegado antes de suceder...":
                // right after a name and a comma, "que" opens a relative clause about it.
                if k >= start + 2 && self.an.toks[k - 1].folded == "," {
                    if let Some(found) = self.person_from_mention(k - 2) {
                        return Some(found);
                    }
                    // ("Jorge Saiz, procedente de Acciona, que se incorporará": past the apposition.)
                    let open = (start + 1..k - 1).rev().find(|&j| self.an.toks[j].folded == ",");
                    if let Some(found) = open.filter(|&j| j > start && (j + 1..k - 1).all(|i| !matches!(self.kind_at(i), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. })))).and_then(|j| self.person_from_mention(j - 1)) {
                        return Some(found);
                    }
                }
                return None;
            }
        }
        None
    }

    /// A title heading the clause's subject ("Recrutée par Musk en mai 2023,
    /// l'ancienne patronne de la publicité de NBCUniversal avait quitté..."):
    /// the one person the article gives it, or for a former title the person
    /// the story is about.
    fn title_subject(&self, k: usize, start: usize) -> Option<(Vec<usize>, usize)> {
        let an = self.an;
        let mi = self.mention_index(k)?;
        let m = &an.mentions[mi];
        let MentionKind::Role { former, .. } = m.kind else { return None };
        let mut j = m.start;
        while j > start && m.start - j < 3 && (an.lang.stopwords.contains(&an.toks[j - 1].folded) || an.lang.former.matches_at(&an.toks[..m.start], j - 1)) {
            j -= 1;
        }
        // Not an apposition: "Jean-Dominique Senard, le patron de Michelin, a été...".
        let after_intro = j >= start + 2 && an.toks[j - 1].folded == "," && !matches!(self.kind_at(j - 2), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. } | MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }));
        let heads_clause = j < m.start && (j == start || after_intro) && !an.lang.of.contains(&an.toks[j].folded);
        if !heads_clause || self.in_place_phrase(m.start, j) {
            return None;
        }
        let title = self.title(m.start, m.end);
        let who = self.title_holder(&title).or_else(|| former.then(|| self.topic_person(m.start)).flatten())?;
        Some((vec![who], mi))
    }

    /// Whether a phrase of place that opens at or after `from` covers token
    /// `k`: "An der Spitze von AWS folgt ihm X", where the title is no subject.
    fn in_place_phrase(&self, k: usize, from: usize) -> bool {
        let an = self.an;
        (from..k).any(|p| an.lang.org_prepositions.longest_at(&an.toks, p, &NoSlots).is_some_and(|f| p + f.len > k))
    }

    /// The person named most before token `k` (the first named among equals).
    fn topic_person(&self, k: usize) -> Option<usize> {
        let an = self.an;
        an.person_mentions
            .iter()
            .map(|(&p, ms)| (ms.iter().take_while(|&&m| an.mentions[m].start < k).count(), std::cmp::Reverse(ms[0]), p))
            .filter(|&(named, _, _)| named > 0)
            .max()
            .map(|(_, _, p)| p)
    }

    /// A name with those joined to it: "Helen Toner and Tasha McCauley",
    /// "Daniel Gross, Daniel Levy et Ilya Sutskever".
    fn coordinated(&self, mi: usize, id: usize) -> Vec<usize> {
        let an = self.an;
        // Only commas, coordinators and the next one's title between two names:
        // "a limogé le PDG X, le directeur financier Y et Z".
        let joins = |a: usize, b: usize| -> bool {
            let mut k = a;
            let mut words = 0;
            while k < b {
                if an.toks[k].folded == "," {
                    k += 1;
                } else if let Some(m) = an.lang.coordinators.longest_at(&an.toks[..b], k, &NoSlots) {
                    k += m.len;
                } else if let Some(m) = an.mention_at(k).filter(|m| matches!(m.kind, MentionKind::Role { .. })) {
                    k = m.end;
                } else if let Some(m) = an.mention_at(k).filter(|m| matches!(m.kind, MentionKind::Org(_)) && matches!(self.kind_at(m.end), Some(MentionKind::Role { .. }))) {
                    k = m.end; // "and LinkedIn co-founder Reid Hoffman"
                } else if an.toks[k].is_word() && !an.toks[k].upper && an.lang.stopwords.contains(&an.toks[k].folded) && k + 1 < b && matches!(self.kind_at(k + 1), Some(MentionKind::Role { .. })) {
                    k += 1; // a determiner before the title
                } else if k > a && (an.toks[k - 1].folded == "," || an.lang.coordinators.matches_at(&an.toks[..k], k - 1)) && self.occupation_before(k, b) {
                    k = b; // ", venture investor Tom Hardy and Ruth Abernathy", "und die Juristin Aylin Demir"
                } else {
                    return false;
                }
                words += 1;
            }
            b > a && words <= 6
        };
        let person = |m: usize| match an.mentions.get(m).map(|m| &m.kind) {
            Some(MentionKind::Person(p)) => Some(*p),
            _ => None,
        };
        // Titles and organizations between two names are mentions too: the
        // neighbour is the nearest person mention, `joins` checks what lies between.
        // Only a few words apart, so that the search stays local.
        let near = |a: usize, b: usize| an.mentions[a].end + 12 >= an.mentions[b].start;
        let prev_person = |m: usize| (0..m).rev().take_while(|&k| near(k, m)).find(|&k| person(k).is_some());
        let next_person = |m: usize| (m + 1..an.mentions.len()).take_while(|&k| near(m, k)).find(|&k| person(k).is_some());
        let mut out = vec![id];
        let mut m = mi;
        while let Some(p) = prev_person(m).filter(|&p| joins(an.mentions[p].end, an.mentions[m].start)) {
            m = p;
            out.insert(0, person(m).unwrap());
        }
        let mut m = mi;
        while let Some(n) = next_person(m).filter(|&n| joins(an.mentions[m].end, an.mentions[n].start)) {
            m = n;
            out.push(person(m).unwrap());
        }
        out.dedup();
        out
    }

    /// Whether the words from `k` to the name at `b` are one or two lowercase
    /// nouns of occupation that no role code covers ("venture investor",
    /// "die Juristin"): not verbs of change or of speech, which would make
    /// the name the subject of a new clause ("…, said Tom Hardy").
    fn occupation_before(&self, k: usize, b: usize) -> bool {
        let an = self.an;
        let toks = &an.toks[..b];
        // (An article may open it: "die Juristin Aylin Demir".)
        let k = if b - k > 1 && an.lang.org_anaphor_articles.contains(&an.toks[k].folded) { k + 1 } else { k };
        (1..=2).contains(&(b - k))
            && (k..b).all(|j| {
                let t = &an.toks[j];
                t.is_word() && (!t.upper || an.lang.nouns_capitalised) && !an.lang.stopwords.contains(&t.folded) && an.trigger_at[j].is_none() && !an.lang.org_statements.matches_at(toks, j) && !an.lang.coordinators.matches_at(toks, j)
            })
    }

    /// The comma that opens a relative clause closed by the comma at `close`.
    fn relative_clause_before(&self, close: usize, start: usize) -> Option<usize> {
        let an = self.an;
        let mut k = close;
        while k > start + 1 {
            k -= 1;
            if an.toks[k].folded == "," {
                let opener = &an.toks[k + 1].folded;
                // "Martin, que Roux avait recruté, part", "Martin, à qui Roux avait cédé
                // la présidence, part": about the name before, with a subject of its own.
                let about_name = matches!(self.kind_at(k - 1), Some(MentionKind::Person(_)));
                let toks = &an.toks[..close];
                let other = about_name && (an.lang.object_relatives.matches_at(toks, k + 1) || an.lang.dative_relatives.matches_at(toks, k + 1));
                // ("Álvarez-Pallete, que había sido ..., se despidió": "que" after a name.)
                let que = about_name && an.lang.complementizers.contains(opener);
                return (an.lang.relative_pronouns.contains(opener) || other || que).then_some(k);
            }
        }
        None
    }

    /// The person a relative clause holding the verb at `ts` is about, when
    /// its pronoun (one of `pronouns`) is not the subject: "Paul Martin, que
    /// Jeanne Roux avait recruté" (the object), "Paul Martin, à qui Jeanne Roux
    /// avait cédé la présidence" (the recipient). The clause names its own
    /// subject between the pronoun and the verb.
    fn relative_antecedent(&self, ts: usize, start: usize, pronouns: &crate::phrase::PhraseSet<()>) -> Option<(Vec<usize>, usize)> {
        let an = self.an;
        let comma = (start + 1..ts).rev().find(|&k| an.toks[k].folded == ",")?;
        let len = pronouns.longest_at(&an.toks[..ts], comma + 1, &NoSlots)?.len;
        let own_subject = (comma + 1 + len..ts).any(|k| matches!(self.kind_at(k), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. })));
        if !own_subject {
            return None;
        }
        self.person_from_mention(comma - 1).filter(|(_, mi)| matches!(an.mentions[*mi].kind, MentionKind::Person(_)))
    }

    /// The comma that opens an apposition to a name closed by the comma at
    /// `close`, when the apposition holds a relative clause: "Helen Toner and
    /// Tasha McCauley, two of the directors who voted to fire Altman, have
    /// left": the subject is before it, not the name inside it.
    fn apposition_before(&self, close: usize, start: usize) -> Option<usize> {
        let an = self.an;
        let open = (start + 1..close).rev().find(|&k| an.toks[k].folded == ",")?;
        let after_name = matches!(self.kind_at(open - 1), Some(MentionKind::Person(_)));
        // A noun before the relative pronoun ("directors who"), not a cleft ("c'est elle qui").
        let relative = (open + 2..close).any(|k| {
            let before = &an.toks[k - 1];
            an.lang.relative_pronouns.contains(&an.toks[k].folded) && self.kind_at(k).is_none() && before.is_word() && !an.lang.stopwords.contains(&before.folded)
        });
        (after_name && relative).then_some(open)
    }

    /// Whether the verb at `ts` stands in a relative clause ("qui l'a rejoint", "who co-founded").
    fn in_relative_clause(&self, ts: usize, start: usize) -> bool {
        let l = self.an.lang;
        (ts.saturating_sub(4).max(start)..ts).any(|k| {
            let w = &self.an.toks[k].folded;
            // "turmoil in which he was fired": a relative pronoun after a preposition, too.
            l.relative_pronouns.contains(w) || (k > start && l.thing_relatives.contains(w) && l.stopwords.contains(&self.an.toks[k - 1].folded) && self.an.toks[k - 1].folded != ",")
        })
    }

    fn person_after(&self, te: usize, end: usize, skip_agents: bool) -> Option<(Vec<usize>, usize)> {
        // Not the agent of a passive: "Recrutée par Musk en mai 2023, l'ancienne patronne...".
        let agent = |k: usize| {
            let first = self.an.mention_at(k).map_or(k, |m| m.start);
            skip_agents && first > te && self.an.lang.agents.contains(&self.an.toks[first - 1].folded)
        };
        let (persons, mi) = (te..end).filter(|&k| !agent(k)).find_map(|k| self.person_from_mention(k))?;
        // "faisaient leurs valises : Bob McGrew, directeur de la recherche, et Barret Zoph":
        // after a colon, every person of the list.
        let an = self.an;
        let first = an.mentions[mi].start;
        if first > 0 && an.toks[first - 1].folded == ":" {
            let sentence_end = self.sentence_range(self.sentence_of(first)).end;
            let mut all = persons;
            for m in &an.mentions[mi + 1..] {
                if m.start >= sentence_end {
                    break;
                }
                if let MentionKind::Person(p) = m.kind {
                    if !all.contains(&p) {
                        all.push(p);
                    }
                }
            }
            return Some((all, mi));
        }
        Some((persons, mi))
    }

    /// Whom a successor replaces: the persons named after the verb; for a
    /// pronoun ("replaces him as chairman"), the candidate known in that role.
    fn predecessors(&self, from: usize, end: usize, successor: Option<usize>, role: Option<&str>, org: Option<&str>) -> Vec<usize> {
        let Some(k) = (from..end).find(|&k| self.person_from_mention(k).is_some_and(|(ps, _)| ps.iter().any(|&p| Some(p) != successor))) else { return Vec::new() };
        let Some(mi) = self.mention_index(k) else { return Vec::new() };
        if let MentionKind::PersonRef { candidates, .. } = &self.an.mentions[mi].kind {
            let others: Vec<usize> = candidates.iter().copied().filter(|&c| Some(c) != successor).collect();
            let profiles = self.profiles.borrow();
            // (At the organization, where it is known: "replaces him at the head of AWS".)
            let held = |c: &usize| role.is_some_and(|r| profiles.get(c).is_some_and(|ts| ts.iter().any(|t| t.code == r && (org.is_none() || t.org.as_deref() == org))));
            let worked_there = |c: &usize| org.is_some() && profiles.get(c).is_some_and(|ts| ts.iter().any(|t| t.org.as_deref() == org));
            return others.iter().copied().find(|c| held(c)).or_else(|| others.iter().copied().find(|c| worked_there(c))).or(others.first().copied()).into_iter().collect();
        }
        // "en sustitución de Antonio Hidalgo y Beatriz Nieto": each of them.
        (k..end).find_map(|j| self.person_from_mention(j)).map(|(ps, _)| ps.into_iter().filter(|&p| Some(p) != successor).collect()).unwrap_or_default()
    }

    fn first_person_after(&self, te: usize, end: usize, not: Option<usize>) -> (Option<usize>, Option<usize>) {
        for k in te..end {
            if let Some((ps, mi)) = self.person_from_mention(k) {
                if let Some(p) = ps.into_iter().find(|p| Some(*p) != not) {
                    return (Some(p), Some(mi));
                }
            }
        }
        (None, None)
    }

    /// The organization right after a verb: "quitte OpenAI", "rejoint son rival
    /// Anthropic", "joined the company", "fait ses adieux à l'entreprise".
    fn org_after(&self, te: usize, end: usize, founding: bool) -> Option<String> {
        let an = self.an;
        let mut skipped = 0;
        let mut k = te;
        // (A noun of organization with its complement leaves more words: "rejoindre
        // le groupe de luxe Kering".)
        let mut limit = 3;
        while k < end && skipped <= limit {
            // (Only with a complement or a name right after the noun: not "from a
            // university research post in Manchester".)
            if an.lang.org_anaphor_heads.longest_at(&an.toks[..end], k, &NoSlots).is_some_and(|m| an.toks.get(k + m.len).is_some_and(|t| an.lang.of.contains(&t.folded) || t.upper)) {
                limit = 5;
            }
            if let Some(o) = self.org_at(k) {
                return Some(o);
            }
            if self.kind_at(k).is_some() {
                return None;
            }
            let t = &an.toks[k];
            // "leitete die Datenanalysefirma Tableau": past the description to the name.
            let described = an.lang.org_description_len(&an.toks, k, end.min(k + 3));
            if described > 0 && matches!(self.kind_at(k + described), Some(MentionKind::Org(_))) {
                k += 1;
                continue;
            }
            if t.is_word() && t.upper {
                // "fondée à San Francisco": after a founding, a place.
                if k > te && founding && an.lang.place_prepositions.contains(&an.toks[k - 1].folded) {
                    return None;
                }
                return self.unknown_org(k, end);
            }
            if !t.is_word() || an.lang.move_to.matches_at(&an.toks[..end], k) || an.lang.move_from.matches_at(&an.toks[..end], k) {
                return None;
            }
            skipped += 1;
            k += 1;
        }
        None
    }

    /// A run of capitalised words no other stage claimed, taken as an
    /// organization's name where the grammar wants one ("rejoint Nordlys Robotics").
    fn unknown_org(&self, k: usize, end: usize) -> Option<String> {
        let an = self.an;
        let capital = |j: usize| {
            let t = &an.toks[j];
            self.kind_at(j).is_none() && (t.is_word() || t.kind == crate::tokenize::TokenKind::Number) && (t.upper || t.kind == crate::tokenize::TokenKind::Number) && !an.lang.stopwords.contains(&t.folded) && an.lang.month(&t.folded).is_none()
        };
        // A run that starts with a given name is a person nobody recognised, not an organization.
        let given_name = an.common.given_names.contains(&an.toks[k].folded) && k + 1 < end && capital(k + 1);
        // "Su sucesor será X": a possessive opening the sentence is no name.
        let possessive = an.lang.person_possessives.contains(&an.toks[k].folded);
        // "legt eine Auszeit ein": a common noun.
        let noun = k > 0 && an.lang.not_before_names.contains(&an.toks[k - 1].folded);
        if !capital(k) || !an.toks[k].upper || given_name || possessive || noun {
            return None;
        }
        // "die Datenanalysefirma Tableau": the name after its description.
        let mut j = k;
        while j < end && j < k + 6 && capital(j) {
            j += 1;
        }
        // "die Leitung der Technik": where every noun is capitalised, one word
        // after an article is a common noun.
        if an.lang.nouns_capitalised && j == k + 1 && k > 0 && an.lang.org_anaphor_articles.contains(&an.toks[k - 1].folded) {
            return None;
        }
        let k = k + an.lang.org_description_len(&an.toks, k, j);
        (k < j).then(|| an.raw(k, j.min(k + 4)).to_string())
    }

    /// "John Schulman y devient directeur scientifique": a word just before the
    /// verb standing for the organization named last.
    fn recent_org_before(&self, ts: usize, te: usize, start: usize) -> Option<String> {
        let an = self.an;
        // (Or inside the phrase: "il en est parti".)
        let k = (ts.saturating_sub(2).max(start)..te).find(|&k| self.kind_at(k).is_none() && an.lang.recent_org.matches_at(&an.toks[..te.max(k + 1)], k))?;
        // "Son passage chez le concurrent aura été bref : il en est parti": one
        // named earlier in the sentence.
        if let Some(m) = an.mentions.iter().rev().filter(|m| m.start >= start && m.end <= k).find(|m| matches!(m.kind, MentionKind::Org(_) | MentionKind::OrgAnaphor { .. })) {
            return self.org_at(m.start);
        }
        // Where the story last saw someone start, else the organization named last.
        if let Some(o) = self.last_start_org.borrow().clone() {
            return Some(o);
        }
        an.mentions.iter().take_while(|m| m.start < k).filter_map(|m| match m.kind {
            MentionKind::Org(id) => Some(an.orgs[id].clone()),
            _ => None,
        }).last()
    }

    /// "Inflection, which Suleyman set up two years ago": the organization a
    /// relative clause hangs on is the verb's object.
    fn relative_antecedent_org(&self, ts: usize, start: usize) -> Option<String> {
        let an = self.an;
        let pronoun = (ts.saturating_sub(6).max(start + 2)..ts).rev().find(|&k| self.kind_at(k).is_none() && an.lang.thing_relatives.contains(&an.toks[k].folded));
        // "Siemens, the company she founded": English may leave the pronoun out
        // (a description of the organization, then the clause's subject).
        let bare = || {
            let subject = (ts.saturating_sub(3).max(start)..ts).find(|&k| matches!(self.kind_at(k), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. })))?;
            let m = an.mention_at(subject)?;
            (m.start > start && matches!(self.kind_at(m.start - 1), Some(MentionKind::OrgAnaphor { .. }))).then_some(m.start)
        };
        let r = pronoun.or_else(bare)?;
        if (r + 1..ts).any(|k| matches!(self.kind_at(k), Some(MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }))) {
            return None;
        }
        // Back to the organization, across one apposition at most: "Thinking
        // Machines Lab, la start-up d'intelligence artificielle qu'elle a fondée".
        let mut commas = 0;
        let mut k = r;
        while k > start && r - k < 10 {
            k -= 1;
            match self.kind_at(k) {
                Some(MentionKind::Org(_)) => return self.org_at(k),
                Some(MentionKind::Person(_) | MentionKind::PersonRef { .. } | MentionKind::Date(_)) => return None,
                _ => {}
            }
            if an.toks[k].folded == "," {
                commas += 1;
                if commas > 1 {
                    return None;
                }
            } else if !an.toks[k].is_word() || an.lang.triggers.longest_at(&an.toks[..r], k, &NoSlots).is_some() {
                return None;
            }
        }
        None
    }

    /// With the verb at the end of its clause ("hat das Unternehmen 1998
    /// gegründet", "die Fabrikam AG verlassen"), its object stands before it.
    fn org_before_final_verb(&self, ts: usize, te: usize, range: std::ops::Range<usize>) -> Option<String> {
        let an = self.an;
        // "hatte Oracle 1977 mitgegründet und seither ... geführt": the clause ends at "und" too.
        if !self.clause_ends_at(te, range.clone()) {
            return None;
        }
        let mut k = ts;
        while k > range.start && ts - k < 8 {
            k -= 1;
            // "hatte Brontex gemeinsam mit Petra Lange gegründet": past the companion.
            if let Some(with) = self.companion_start(k, range.start) {
                k = with;
                continue;
            }
            match self.kind_at(k) {
                Some(MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) => return self.org_at(k),
                Some(MentionKind::Person(_) | MentionKind::PersonRef { .. }) => return None,
                _ if !an.toks[k].is_word() && an.toks[k].kind != crate::tokenize::TokenKind::Number => return None,
                _ => {}
            }
        }
        None
    }

    /// Whether the clause ends at token `k`: the sentence's end, punctuation,
    /// or a coordinator ("hatte X mitgegründet und seither ... geführt").
    fn clause_ends_at(&self, k: usize, range: std::ops::Range<usize>) -> bool {
        let an = self.an;
        k >= range.end || (!an.toks[k].is_word() && an.toks[k].kind != crate::tokenize::TokenKind::Number) || an.lang.coordinators.longest_at(&an.toks[..range.end], k, &NoSlots).is_some()
    }

    /// "die erst im Frühjahr von Bayer zu Falkenried gewechselt war": with the
    /// verb at the end of its clause, where the move came from and went to,
    /// read from "von"/"zu" before the organizations.
    fn final_verb_move(&self, ts: usize, te: usize, range: std::ops::Range<usize>) -> (Option<String>, Option<String>) {
        let an = self.an;
        let (mut from, mut to) = (None, None);
        // (An auxiliary may follow: "gewechselt war".)
        let after = (te..range.end.min(te + 2)).find(|&k| !an.lang.stopwords.contains(&an.toks[k].folded) || !an.toks[k].is_word()).unwrap_or(range.end.min(te + 2));
        if !self.clause_ends_at(after, range.clone()) {
            return (None, None);
        }
        let mut k = ts;
        while k > range.start && ts - k < 12 {
            k -= 1;
            let Some(m) = an.mention_at(k) else {
                if !an.toks[k].is_word() && an.toks[k].kind != crate::tokenize::TokenKind::Number {
                    break;
                }
                continue;
            };
            k = m.start;
            if !matches!(m.kind, MentionKind::Org(_)) {
                if matches!(m.kind, MentionKind::Person(_) | MentionKind::PersonRef { .. }) {
                    break;
                }
                continue;
            }
            // "vom Konkurrenten Dachser": past a description to the cue.
            let cue_end = if m.start > range.start && matches!(self.kind_at(m.start - 1), Some(MentionKind::OrgAnaphor { .. })) {
                an.mention_at(m.start - 1).unwrap().start
            } else if m.start > range.start && (an.lang.rival_nouns.contains(&an.toks[m.start - 1].folded) || an.lang.is_org_descriptor(&an.toks[m.start - 1].folded)) {
                m.start - 1
            } else {
                m.start
            };
            // ("An der Spitze von AWS": a place, not an origin.)
            if phrase_ending_at(&an.lang.org_prepositions, &an.toks, cue_end, range.start, 5).is_some() {
                continue;
            }
            if to.is_none() && phrase_ending_at(&an.lang.move_to, &an.toks, cue_end, range.start, 3).is_some() {
                to = self.org_at(m.start);
            } else if from.is_none() && phrase_ending_at(&an.lang.move_from, &an.toks, cue_end, range.start, 3).is_some() {
                from = self.org_at(m.start);
            }
        }
        (from, to)
    }

    /// The subject of an appointment verb, when it is an organization:
    /// "Contoso named X", "Microsoft on Tuesday named X".
    fn org_before(&self, ts: usize, start: usize) -> Option<String> {
        let an = self.an;
        let mut k = ts;
        let mut skipped = 0;
        while k > start && skipped <= 3 {
            k -= 1;
            match an.mention_at(k) {
                Some(m) if matches!(m.kind, MentionKind::Date(_)) => {
                    k = m.start;
                    continue;
                }
                // ("courted by Microsoft and finally reinstated": the agent of another verb.)
                Some(m) => return self.org_at(k).filter(|_| !(m.start > start && an.lang.agents.contains(&an.toks[m.start - 1].folded))),
                None => {}
            }
            let t = &an.toks[k];
            if t.is_word() && t.upper {
                let mut s = k;
                while s > start && an.toks[s - 1].is_word() && an.toks[s - 1].upper && an.mention_at(s - 1).is_none() && !an.lang.stopwords.contains(&an.toks[s - 1].folded) {
                    s -= 1;
                }
                return self.unknown_org(s, k + 1);
            }
            // "Fabrikam, fondée par X": one comma may stand between.
            if !t.is_word() && (t.folded != "," || skipped > 0) {
                return None;
            }
            skipped += 1;
        }
        None
    }

    /// The token after the organization that follows the verb (or the verb itself).
    fn after_org(&self, te: usize, end: usize) -> usize {
        let mut k = te;
        let limit = end.min(te + 5);
        let toks = &self.an.toks[..end];
        while k < limit {
            // "wechselt zu Siemens": the organization after a cue of moving is the other one.
            if self.an.lang.move_to.matches_at(toks, k) || self.an.lang.move_from.matches_at(toks, k) {
                return te;
            }
            if let Some(m) = self.an.mention_at(k) {
                if matches!(m.kind, MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) {
                    return m.end;
                }
                return te;
            }
            k += 1;
        }
        te
    }

    /// "pour rejoindre Anthropic", "for Anthropic", "from Google".
    fn org_following(&self, from: usize, end: usize, cue: impl Fn(&crate::resources::Language) -> &crate::phrase::PhraseSet<()>) -> Option<String> {
        let an = self.an;
        let set = cue(an.lang);
        let mut k = from;
        let mut words = 0;
        while k < end && words < 3 {
            if let Some(m) = set.longest_at(&an.toks[..end], k, &NoSlots) {
                // "wechselt zum 1. Februar zu Mercedes-Benz": a cue before a date is the date's.
                match an.mention_at(k + m.len).filter(|d| matches!(d.kind, MentionKind::Date(_))) {
                    Some(d) => {
                        k = d.end;
                        continue;
                    }
                    None => return self.org_after(k + m.len, end, false),
                }
            }
            // "est parti en août pour rejoindre X": a date may stand between.
            match an.mention_at(k) {
                Some(m) if matches!(m.kind, MentionKind::Date(_)) => k = m.end,
                Some(_) => return None,
                None => {
                    k += 1;
                    words += 1;
                }
            }
        }
        None
    }

    /// A title right after the verb: "named X as chief executive", "nommé directeur financier".
    /// The title written right before the person's first name in the
    /// sentence: "CFO Ned Segal", "le directeur financier Y".
    fn prefix_title(&self, person: usize, range: std::ops::Range<usize>) -> Option<Title> {
        let an = self.an;
        let m = &an.mentions[self.first_mention_in(person, range)?];
        let r = an.mention_at(m.start.checked_sub(1)?)?;
        matches!(r.kind, MentionKind::Role { .. }).then(|| self.title(r.start, r.end))
    }

    /// The index of `person`'s first named mention inside `range`.
    fn first_mention_in(&self, person: usize, range: std::ops::Range<usize>) -> Option<usize> {
        let an = self.an;
        let own = an.person_mentions.get(&person)?;
        let mi = *own.get(own.partition_point(|&i| an.mentions[i].start < range.start))?;
        (an.mentions[mi].start < range.end).then_some(mi)
    }

    /// The title in apposition to `person`'s first name in `range`.
    fn own_apposition(&self, person: usize, range: std::ops::Range<usize>) -> Option<Title> {
        best(self.appositions.get(&self.first_mention_in(person, range)?))
    }

    /// Persons after "with", "avec", "mit", "con" in the verb's clause:
    /// "founded Microsoft with Paul Allen in 1975".
    fn comitative_persons(&self, ts: usize, te: usize, range: std::ops::Range<usize>) -> (Vec<usize>, Option<usize>) {
        let an = self.an;
        let toks = &an.toks[..range.end];
        // Verb-final: "hatte X 2005 gemeinsam mit Petra Lange gegründet".
        let before = (range.start..ts).rev().take_while(|&k| !matches!(toks[k].folded.as_str(), "," | ";" | ":")).find_map(|k| {
            an.mention_at(k).filter(|m| m.start == k)?;
            self.companion_start(k, range.start)?;
            self.person_from_mention(k).map(|(ps, _)| ps)
        });
        if let Some(persons) = before {
            return (persons, None);
        }
        let mut k = te;
        while k < range.end.min(te + 8) {
            if matches!(toks[k].folded.as_str(), "," | ";" | ":") || matches!(self.kind_at(k), Some(MentionKind::Person(_))) {
                return (Vec::new(), None);
            }
            if let Some(m) = an.lang.comitative.longest_at(toks, k, &NoSlots) {
                let from = k + m.len;
                // A person within a few words: "with LinkedIn co-founder Reid Hoffman".
                return match self.person_after(from, range.end.min(from + 5), true) {
                    Some((persons, _)) => (persons, Some(k)),
                    None => (Vec::new(), None),
                };
            }
            k += 1;
        }
        (Vec::new(), None)
    }

    /// Where the comitative phrase before the person named at token `k`
    /// starts ("gemeinsam mit Petra Lange", "with Paul Allen"), not before `start`.
    fn companion_start(&self, k: usize, start: usize) -> Option<usize> {
        let m = self.an.mention_at(k).filter(|m| matches!(m.kind, MentionKind::Person(_)))?;
        // ("gemeinsam mit Firmenchef Jonas Weber": past the companion's title.)
        let before = self.an.mention_at(m.start.checked_sub(1)?).filter(|r| matches!(r.kind, MentionKind::Role { .. })).map_or(m.start, |r| r.start);
        phrase_ending_at(&self.an.lang.comitative, &self.an.toks, before, start, 3)
    }

    /// A unit whose members hold a role, as the object of the verb ending at
    /// `te`, with only articles and possessives between: "left the board".
    fn member_seat(&self, te: usize, end: usize) -> Option<Title> {
        let an = self.an;
        let mut k = te;
        // "Contoso's board": the organization before the unit.
        let mut owner = None;
        while k < end.min(te + 5) {
            if let Some(m) = an.mention_at(k) {
                if matches!(m.kind, MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) && an.toks.get(m.end).is_some_and(|t| an.lang.possessive.contains(&t.folded)) {
                    owner = self.org_at(m.start);
                    k = m.end + 1;
                    continue;
                }
                let MentionKind::Unit(u) = &m.kind else { return None };
                let code = an.lang.unit_member_roles.get(u)?;
                // "le conseil d'administration de Renault": the organization after it.
                let of_org = (m.end + 1 < end && an.lang.of.contains(&an.toks[m.end].folded)).then(|| self.org_at(m.end + 1)).flatten();
                return Some(Title { code: code.clone(), text: an.raw(m.start, m.end).to_string(), org: owner.or(of_org), former: false, recent: false });
            }
            let w = &an.toks[k].folded;
            if !(an.lang.stopwords.contains(w) || an.lang.possessive.contains(w)) {
                return None;
            }
            k += 1;
        }
        None
    }

    fn title_after(&self, te: usize, end: usize, may_pass_person: bool) -> Option<Title> {
        let an = self.an;
        let mut k = te;
        let mut passed_person = !may_pass_person;
        // Ten words past the verb, or past the person and their apposition.
        let mut limit = te + 10;
        let mut old: Option<Title> = None;
        while k < end && k < limit {
            match self.kind_at(k) {
                Some(MentionKind::Role { .. }) => {
                    let m = an.mention_at(k).unwrap();
                    let t = self.title(m.start, m.end);
                    // "die beiden bisherigen Co-Präsidenten X und Y ... als Co-Chefs":
                    // a former title before the person is theirs, not the one taken.
                    // ("named its CTO, Jane Roe, interim chief executive": so is the
                    // title the object's name stands in apposition to.)
                    let named_next = || {
                        let k = if an.toks.get(m.end).is_some_and(|t| t.folded == ",") { m.end + 1 } else { m.end };
                        matches!(self.kind_at(k), Some(MentionKind::Person(_)))
                    };
                    if (t.former || named_next()) && !passed_person && may_pass_person {
                        old.get_or_insert(t);
                        k = m.end;
                        continue;
                    }
                    return Some(t);
                }
                // A pronoun ("giving up his post as CEO") or a date ("zum 1. Januar
                // den Vorsitz") does not end the search.
                Some(MentionKind::PersonRef { .. } | MentionKind::Date(_)) => {
                    k = an.mention_at(k).unwrap().end;
                    continue;
                }
                Some(MentionKind::Person(_)) => {
                    // "X und Y": the next of the coordinated persons.
                    let coordinated = passed_person && k > te && an.lang.coordinators.matches_at(&an.toks[..k], k - 1);
                    if coordinated {
                        k = an.mention_at(k).unwrap().end;
                        limit = k + 10;
                        continue;
                    }
                    if passed_person {
                        return old;
                    }
                    passed_person = true;
                    k = an.mention_at(k).unwrap().end;
                    // "named X, the company's CTO, as its chief executive": the
                    // apposition is the old title; look past it.
                    if an.toks.get(k).is_some_and(|t| t.folded == ",") {
                        match (k + 1..end.min(k + 14)).find(|&j| an.toks[j].folded == ",") {
                            Some(close) => k = close + 1,
                            None => return None,
                        }
                    }
                    limit = k + 10;
                    continue;
                }
                _ => {}
            }
            let t = &an.toks[k];
            // A full stop inside the sentence ends an abbreviation: "joins Contoso Ltd. as president".
            let abbreviation = t.folded == "." && k > 0 && an.toks[k - 1].end == t.start && an.toks[k - 1].is_word();
            if t.kind == crate::tokenize::TokenKind::Punct && t.folded != "," && t.folded != "'" && !abbreviation || an.lang.clause_breaks.matches_at(&an.toks[..end], k) {
                return old;
            }
            if an.lang.triggers.longest_at(&an.toks[..end], k, &NoSlots).is_some() && k > te {
                return old;
            }
            // "Son départ ... après celui du directeur marketing": another's post.
            if k > te && an.lang.ellipsis.matches_at(&an.toks[..end], k) {
                return old;
            }
            // "joining Facebook from Google, where she was a vice president": a
            // title of the place named, not of the post taken.
            if t.folded == "," && k > te && an.lang.place_relatives.matches_at(&an.toks[..end], k + 1) {
                return old;
            }
            // ", and former Intel vice president Carla Mendes joined it": a new
            // clause, whose titles are its own (not ", and Ruth Abernathy").
            if t.folded == "," && k > te {
                if let Some(c) = an.lang.coordinators.longest_at(&an.toks[..end], k + 1, &NoSlots) {
                    if !matches!(self.kind_at(k + 1 + c.len), Some(MentionKind::Person(_))) {
                        return old;
                    }
                }
            }
            k += 1;
        }
        old
    }

    /// A title between the subject and a verb at the end of its clause: "Bezos
    /// hat den Chefposten an Jassy übergeben", "X a le poste de PDG quitté".
    /// Not a title in apposition ("X, directeur financier, part"): a comma
    /// stands between it and the verb.
    fn title_before_verb(&self, subject: usize, ts: usize) -> Option<Title> {
        let an = self.an;
        let m = &an.mentions[subject];
        if m.end >= ts {
            return None;
        }
        let mut k = ts;
        while k > m.end {
            k -= 1;
            match an.mention_at(k) {
                Some(r) if matches!(r.kind, MentionKind::Role { .. }) => {
                    let apposed = r.start > 0 && an.toks[r.start - 1].folded == ",";
                    return (!apposed).then(|| self.title(r.start, r.end));
                }
                Some(r) if matches!(r.kind, MentionKind::Person(_) | MentionKind::PersonRef { .. }) => return None,
                Some(r) => k = r.start,
                None if !an.toks[k].is_word() && an.toks[k].kind != crate::tokenize::TokenKind::Number => return None,
                None => {}
            }
        }
        None
    }

    /// The organization of a place phrase in the verb's clause ("Bei Roche
    /// hatte er seinen Abschied angekündigt", "chez Renault, il a..."),
    /// the nearest to the verb; not one inside a title ("directeur chez X").
    fn located_org(&self, range: std::ops::Range<usize>, ts: usize) -> Option<String> {
        let an = self.an;
        let seg = segments(an, range.clone());
        let at = |k: usize| seg[k - range.start];
        an.mentions
            .iter()
            .filter(|m| m.start > range.start && m.end <= range.end && matches!(m.kind, MentionKind::Org(_)) && at(m.start) == at(ts))
            .filter(|m| {
                (1..=4).any(|n| {
                    m.start >= range.start + n
                        && an.lang.org_prepositions.longest_at(&an.toks[..m.start], m.start - n, &NoSlots).is_some_and(|p| m.start - n + p.len == m.start)
                        && !(m.start - n > range.start && matches!(self.kind_at(m.start - n - 1), Some(MentionKind::Role { .. })))
                })
            })
            .min_by_key(|m| m.start.abs_diff(ts))
            .and_then(|m| self.org_at(m.start))
    }

    /// All titles after a verb with no person: "son premier directeur financier et directeur des produits".
    fn titles_after(&self, te: usize, end: usize) -> Vec<Title> {
        let an = self.an;
        let mut out = Vec::new();
        let mut k = te;
        while k < end && k < te + 12 {
            if let Some(m) = an.mention_at(k) {
                if !matches!(m.kind, MentionKind::Role { .. }) {
                    break;
                }
                out.push(self.title(m.start, m.end));
                k = m.end;
                continue;
            }
            let t = &an.toks[k];
            if !t.is_word() || t.upper {
                break;
            }
            k += 1;
        }
        out
    }

    /// The first organization of the sentence that is not someone's title
    /// ("l'ancien patron de Twitch" says where another person worked).
    /// With `clause_of`, only in the clause (comma-delimited segment) of that token.
    fn sentence_org_except(&self, s: usize, not: Option<&str>, clause_of: Option<usize>) -> Option<String> {
        let an = self.an;
        let range = self.sentence_range(s);
        let seg = segments(an, range.clone());
        let in_clause = |i: usize| clause_of.is_none_or(|t| seg[i - range.start] == seg[t - range.start]);
        range.clone().find_map(|i| match self.kind_at(i) {
            Some(MentionKind::Org(id)) if Some(an.orgs[*id].as_str()) != not && an.mention_at(i).unwrap().start == i && !self.in_title(i) && in_clause(i) => Some(an.orgs[*id].clone()),
            _ => None,
        })
    }

    /// Whether the organization at `i` belongs to a title: "patron de X", "X's CEO".
    fn in_title(&self, i: usize) -> bool {
        let an = self.an;
        let m = an.mention_at(i).unwrap();
        let of_title = m.start >= 2
            && an.lang.of.contains(&an.toks[m.start - 1].folded)
            && matches!(self.kind_at(m.start - 2), Some(MentionKind::Role { .. }));
        let possessive_title = an.toks.get(m.end).is_some_and(|t| an.lang.possessive.contains(&t.folded)) && matches!(self.kind_at(m.end + 1), Some(MentionKind::Role { .. }));
        // "former Duke Energy vice president Paul Reyes".
        let named_before_title = matches!(self.kind_at(m.end), Some(MentionKind::Role { .. }));
        of_title || possessive_title || named_before_title
    }

    fn profile_org(&self, person: usize) -> Option<String> {
        self.profiles.borrow().get(&person)?.iter().find(|t| !t.former && t.org.is_some()).and_then(|t| t.org.clone())
    }

    /// The most senior title the article gave the person at `org`.
    fn profile_title(&self, person: usize, org: Option<&str>) -> Option<Title> {
        let profiles = self.profiles.borrow();
        let titles = profiles.get(&person)?;
        let fits = |t: &&Title| t.org.is_none() || org.is_none() || t.org.as_deref() == org;
        titles
            .iter()
            .filter(fits)
            .filter(|t| !t.former)
            .max_by_key(|t| seniority(&t.code))
            .or_else(|| titles.iter().filter(fits).max_by_key(|t| seniority(&t.code)))
            .cloned()
    }

    /// "Altman and Brockman would join Microsoft - a plan that never
    /// materialized": the plans of a sentence that says they did not happen
    /// are no events.
    fn drop_abandoned_plans(&self, drafts: &mut Vec<Draft>) {
        let an = self.an;
        let abandoned: Vec<bool> = (0..an.sents.len()).map(|s| an.lang.abandoned.occurs_in(&an.toks, self.sentence_range(s))).collect();
        drafts.retain(|d| !(d.status == Status::Planned && abandoned.get(d.sentence).copied().unwrap_or(false)));
    }

    /// A change whose sentence names no title takes the one the article gives
    /// the person at that organization elsewhere ("La consejera delegada de la
    /// plataforma..."). A start only does when it is the person's only start
    /// there: an earlier hire was likely to another post.
    fn fill_roles(&self, drafts: &mut [Draft]) {
        let starts = |d: &Draft, all: &[Draft]| all.iter().filter(|e| e.kind == EventType::Start && e.person == d.person && e.org == d.org && e.status == Status::Actual).count();
        let fills: Vec<Option<Title>> = drafts
            .iter()
            .map(|d| {
                let p = d.person?;
                if d.role.is_some() || matches!(d.kind, EventType::Held | EventType::Dissolution) || d.manner == "founded" || d.org.is_none() {
                    return None;
                }
                if d.kind == EventType::Start && starts(d, drafts) > 1 {
                    return None;
                }
                self.profile_title(p, d.org.as_deref()).filter(|t| t.org.is_some() || self.an.orgs.len() <= 1 || d.org == self.main_org()).filter(|t| inherited_fits(t, d.kind, &d.manner))
            })
            .collect();
        for (d, t) in drafts.iter_mut().zip(fills) {
            if let Some(t) = t {
                d.role = Some(t.code);
                d.role_text = Some(t.text);
            }
        }
    }

    // ---- status and dates -------------------------------------------------

    fn status(&self, s: usize, ts: usize, te: usize, future_form: bool) -> Status {
        let an = self.an;
        let l = an.lang;
        let range = self.sentence_range(s);
        let toks = &an.toks[..range.end];
        // (Not past a colon: "wies ein Sprecher zurück: Sie werde zurückkehren"
        // denies the reports, and tells the plan.)
        let said_after = (range.start..ts).rev().find(|&k| an.toks[k].folded == ":").map_or(range.start, |k| k + 1);
        if (said_after..ts).any(|k| l.denial.matches_at(toks, k)) {
            return Status::Denied;
        }
        let neg_before = (ts.saturating_sub(4).max(range.start)..ts).any(|k| l.negation.contains(&an.toks[k].folded));
        // (Not a word of a title: "pasará a ser presidente no ejecutivo".)
        let neg_after = (te..(te + 2).min(range.end)).any(|k| l.negation.contains(&an.toks[k].folded) && !matches!(self.kind_at(k), Some(MentionKind::Role { .. })) && !(k > te && matches!(self.kind_at(k - 1), Some(MentionKind::Role { .. }))));
        if neg_before || neg_after {
            return Status::Denied;
        }
        if (said_after..ts).any(|k| l.speculative.matches_at(toks, k)) {
            return Status::Speculative;
        }
        if future_form || an.planned_before(range, ts) {
            return Status::Planned;
        }
        Status::Actual
    }

    /// The event's date and, for an absence, its announced end.
    fn date_for(&self, s: usize, ts: usize, te: usize, kind: EventType, last_date: &mut Option<PartialDate>) -> (Option<PartialDate>, Option<PartialDate>, bool) {
        let an = self.an;
        let range = self.sentence_range(s);
        // "since 2014, when he took over from X": the clause is dated by the date it follows.
        if let Some(comma) = (range.start + 1..ts).rev().find(|&k| an.toks[k].folded == ",") {
            let when = an.lang.when_clauses.longest_at(&an.toks[..ts], comma + 1, &NoSlots).is_some_and(|m| comma + 1 + m.len + 4 >= ts);
            if let Some(MentionKind::Date(t)) = an.mention_at(comma - 1).filter(|m| m.end == comma).map(|m| &m.kind) {
                if when && t.date.is_some() && t.later.is_none() && t.years_after.is_none() {
                    return (t.date, None, false);
                }
            }
        }
        let seg = segments(an, range.clone());
        let seg_of = |k: usize| seg[k - range.start];
        let trig_seg = seg_of(ts);
        let mut dates: Vec<(usize, crate::timex::Timex, bool)> = Vec::new();
        for m in &an.mentions {
            if m.start >= range.start && m.end <= range.end {
                if let MentionKind::Date(t) = m.kind {
                    let cue = |set: &crate::phrase::PhraseSet<()>| m.start > range.start && (m.start.saturating_sub(3).max(range.start)..m.start).any(|k| set.matches_at(&an.toks[..m.start], k));
                    // "a director since 2019" dates a held position, not this change.
                    // For a leave, "en congé depuis août" dates the leave itself.
                    if cue(&an.lang.since) && !(kind == EventType::Absence && m.start > ts) {
                        continue;
                    }
                    // "directeur financier de Renault de 2010 à 2015": the span of a post held.
                    if self.in_held_span(m.start, range.clone()) {
                        continue;
                    }
                    // "Okafor, who co-founded it in 2019, has left": a relative clause's date is its own.
                    let seg_of_date = seg_of(m.start);
                    let opener = (range.start..m.start).rev().find(|&k| seg_of(k) == seg_of_date && (k == range.start || seg_of(k - 1) != seg_of_date));
                    let relative = opener.is_some_and(|o| {
                        let first = if an.toks[o].folded == "," { o + 1 } else { o };
                        let toks = &an.toks[..range.end];
                        first < range.end
                            && (an.lang.relative_pronouns.contains(&an.toks[first].folded)
                                || an.lang.thing_relatives.contains(&an.toks[first].folded)
                                || an.lang.object_relatives.matches_at(toks, first)
                                || an.lang.dative_relatives.matches_at(toks, first))
                    });
                    if relative && seg_of_date != trig_seg {
                        continue;
                    }
                    // "Intel said on Monday that Gelsinger had retired": the day of the
                    // saying, when it is the day's news (a story told in the past keeps it).
                    let reporting_day = t.date.zip(an.published).is_some_and(|(d, p)| (0..=7).contains(&(p.ordinal_start() - d.ordinal_start())));
                    if reporting_day && m.end <= ts && (m.end..ts).any(|k| self.kind_at(k).is_none() && an.lang.complementizers.contains(&an.toks[k].folded)) {
                        continue;
                    }
                    dates.push((m.start, t, cue(&an.lang.until)));
                }
            }
        }
        // A leave's end: a date after "until", or one after the verb that lies in the future.
        let mut until = None;
        let mut until_at = None;
        if kind == EventType::Absence {
            let published = an.published;
            let future = |t: &crate::timex::Timex| t.date.zip(published).is_some_and(|(d, p)| d.ordinal_start() > p.ordinal_end());
            if let Some((k, t, _)) = dates.iter().find(|(k, t, u)| *u || (*k > te && future(t))) {
                until = t.date;
                until_at = Some(*k);
            }
        }
        // "restera PDG jusqu'à la fin de l'année": for an end, the end of the span is its date.
        let candidates: Vec<&(usize, crate::timex::Timex, bool)> =
            dates.iter().filter(|(k, t, u)| (!*u || kind == EventType::End) && Some(*k) != until_at && (t.date.is_some() || t.later.is_some() || t.years_after.is_some()))
                // ("replacing X, three years after handing him the job": "after" dates what follows it.)
                .filter(|(k, t, _)| !(t.years_after.is_some_and(|n| n < 0) && *k > ts))
                .collect();
        let dist = |k: usize| if k >= te { k - te } else { ts.saturating_sub(k) };
        // A date far after the verb belongs to what follows ("depuis la fondation il y a neuf ans").
        // (At equal distance, the date after the verb: "joined in 2017 and was promoted
        // to operating chief two years later".)
        let same_clause = candidates.iter().filter(|(k, _, _)| seg_of(*k) == trig_seg && (*k < ts || k.saturating_sub(te) <= 8)).min_by_key(|(k, _, _)| (dist(*k), *k < ts));
        let opening = candidates.iter().filter(|(k, _, _)| seg_of(*k) == 0 && trig_seg != 0 && !self.segment_has_verb(range.clone(), &seg, 0)).min_by_key(|(k, _, _)| *k);
        // Past an apposition: "ousted its chief executive, John Smith, on Friday",
        // as long as no other verb of change stands between.
        let triggers = self.trigger_starts(range.clone());
        // "returned on Wednesday, capping two weeks of turmoil in which he was
        // fired": a relative clause does not take the main clause's date.
        // (A relative pronoun after a comma or a preposition: German "Der" opening
        // a sentence is an article.)
        let relative_verb = (ts.saturating_sub(4).max(range.start + 1)..ts).any(|k| {
            let (w, before) = (&an.toks[k].folded, &an.toks[k - 1].folded);
            (an.lang.relative_pronouns.contains(w) && before == ",") || (an.lang.thing_relatives.contains(w) && an.lang.stopwords.contains(before) && before != ",")
        });
        let near = candidates
            .iter()
            .filter(|(k, _, _)| dist(*k) <= 12 && !triggers.iter().any(|&t| t != ts && (t > (*k).min(ts) && t < (*k).max(ts))) && !(relative_verb && seg_of(*k) != trig_seg))
            // "X, an engineer who helped start the team in 2011 ..., takes the title":
            // a date before the verb, nearer another verb before it, is that verb's.
            .filter(|(k, _, _)| *k > ts || !triggers.iter().any(|&t| t < *k && *k - t < ts - *k))
            .min_by_key(|(k, _, _)| dist(*k));
        // "stepped down from its board effective Sunday": the effective date first.
        let effective = candidates.iter().filter(|(k, _, _)| phrase_ending_at(&an.lang.effective, &an.toks, *k, range.start, 3).is_some()).min_by_key(|(k, _, _)| dist(*k));
        if let Some((k, t, _)) = effective.filter(|_| kind != EventType::Absence).or(same_clause).or(opening).or(near) {
            if let Some(n) = t.years_after {
                // "fondée la même année", "promoted two years later": years after the
                // last date the story named.
                let year = self.last_named_date(*k).or(*last_date).map(|d| PartialDate::year(d.year + i32::from(n)));
                return (year, until, year.is_none());
            }
            if let Some(days) = t.later {
                // "interpellé le 19 novembre ... Trois jours plus tard": after the
                // last day the story named, else after its last change.
                let anchor = self.last_named_day(*k).or(*last_date);
                let date = anchor.map(|a| if days > 0 && a.day.is_some() { a.add_days(days as i64) } else { a });
                return (date, until, date.is_none());
            }
            return (t.date, until, false);
        }
        // Background words near the verb ("avait auparavant", "previously"), or a relative clause.
        let near = ts.saturating_sub(6).max(range.start)..(te + 3).min(range.end);
        let background = an.lang.background.occurs_in(&an.toks, near) || self.in_relative_clause(ts, range.start);
        if background {
            return (None, until, true);
        }
        // News of the day: the spec dates it to the publication month and allows
        // the day, which refines the month and is right when the day is meant.
        (self.news_day, until, true)
    }

    /// Where the verbs of change of a sentence start.
    /// The organization named last in `range`, not one that only qualifies
    /// another ("Alphabet, Google's parent company": Alphabet).
    fn last_org_named(&self, start: usize, end: usize) -> Option<String> {
        let an = self.an;
        an.mentions
            .iter()
            .rfind(|m| m.start >= start && m.end <= end && matches!(m.kind, MentionKind::Org(_) | MentionKind::OrgAnaphor { .. }) && !an.toks.get(m.end).is_some_and(|t| an.lang.possessive.contains(&t.folded)))
            .and_then(|m| self.org_at(m.start))
    }

    /// The last past day the text names before token `k`, in its sentence or
    /// the two before: the story's thread ("le 19 novembre ... Trois jours plus tard").
    fn last_named_day(&self, k: usize) -> Option<PartialDate> {
        let past = |d: &PartialDate| self.an.published.is_none_or(|p| d.ordinal_start() <= p.ordinal_end());
        self.last_named(k, |d| d.day.is_some() && past(d))
    }

    /// The last date of any precision named in the two sentences before token `k`, or in its own.
    fn last_named_date(&self, k: usize) -> Option<PartialDate> {
        self.last_named(k, |_| true)
    }

    /// The last date `keep` accepts named in the two sentences before token `k`,
    /// or in its own; not a narrative one ("days later", "the same year").
    fn last_named(&self, k: usize, keep: impl Fn(&PartialDate) -> bool) -> Option<PartialDate> {
        let from = self.sentence_range(self.sentence_of(k).saturating_sub(2)).start;
        self.an.mentions.iter().take_while(|m| m.start < k).filter(|m| m.start >= from).filter_map(|m| match m.kind {
            MentionKind::Date(t) => t.date.filter(|d| t.later.is_none() && t.years_after.is_none() && keep(d)),
            _ => None,
        }).last()
    }

    fn trigger_starts(&self, range: std::ops::Range<usize>) -> Vec<usize> {
        let toks = &self.an.toks[..range.end];
        range.clone().filter(|&k| self.kind_at(k).is_none() && self.an.lang.triggers.longest_at(toks, k, &NoSlots).is_some()).collect()
    }

    /// Whether a segment holds a verb of change or a person (then it is a clause, not an adverbial).
    fn segment_has_verb(&self, range: std::ops::Range<usize>, seg: &[usize], which: usize) -> bool {
        range.clone().any(|k| {
            seg[k - range.start] == which
                && (matches!(self.kind_at(k), Some(MentionKind::Person(_) | MentionKind::PersonRef { .. }))
                    || (self.kind_at(k).is_none() && self.an.lang.triggers.longest_at(&self.an.toks[..range.end], k, &NoSlots).is_some()))
        })
    }
}

/// Where a phrase of `set` starts that ends right before token `k`, at most
/// `back` tokens back and not before `from`: "is once again | CTO".
fn phrase_ending_at(set: &crate::phrase::PhraseSet<()>, toks: &[crate::tokenize::Token], k: usize, from: usize, back: usize) -> Option<usize> {
    (k.saturating_sub(back).max(from)..k).find(|&j| set.longest_at(&toks[..k], j, &NoSlots).is_some_and(|m| j + m.len == k))
}

fn best(titles: Option<&Vec<Title>>) -> Option<Title> {
    titles?.iter().max_by_key(|t| (!t.former, seniority(&t.code))).cloned()
}

/// Segment number of each token of a sentence: commas, semicolons, colons,
/// brackets and dashes start a new segment. (Clause words such as "lorsque"
/// do not: a "when" clause shares the main clause's date.)
fn segments(an: &Analysis, range: std::ops::Range<usize>) -> Vec<usize> {
    let mut seg = 0;
    let first = range.start;
    range
        .map(|k| {
            let is_break = matches!(an.toks[k].folded.as_str(), "," | ";" | ":" | "(" | ")" | "—" | "–");
            if is_break && k > first {
                seg += 1;
            }
            seg
        })
        .collect()
}

/// Whether a title the article gave the person elsewhere may be the role of
/// this change: one founds a company, one never joins it as its founder
/// ("X, a co-founder of OpenAI, joins Anthropic" is no co-founder there).
fn inherited_fits(t: &Title, kind: EventType, manner: &str) -> bool {
    // Nor does one take leave from founding it, or come back to it.
    let post_taken = (kind == EventType::Start && manner != "founded") || matches!(kind, EventType::Absence | EventType::Return);
    !(post_taken && matches!(t.code.as_str(), "founder" | "cofounder"))
}

/// The indices of the drafts `keep` accepts, one group per person, in text
/// order: only one person's drafts can pair, and grouping keeps a list of
/// thousands of names linear.
fn by_person(drafts: &[Draft], keep: impl Fn(&Draft) -> bool) -> Vec<Vec<usize>> {
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, d) in drafts.iter().enumerate().filter(|(_, d)| keep(d)) {
        if let Some(p) = d.person {
            groups.entry(p).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort_unstable();
    groups
}

/// In one sentence, "X fait ses adieux à A et rejoint B": the end at A and the
/// start at B are one move, each the other's counterpart.
fn pair_moves(drafts: &mut [Draft]) {
    for group in by_person(drafts, |_| true) {
        for &i in &group {
            for &j in &group {
                let (a, b) = (&drafts[i], &drafts[j]);
                // "is leaving A to become chief executive of B": a purpose read as a plan is still the move.
                let statuses_agree = a.status == b.status || a.sentence == b.sentence && [a.status, b.status].iter().all(|s| matches!(s, Status::Actual | Status::Planned));
                if a.kind == EventType::End && b.kind == EventType::Start && a.org != b.org && statuses_agree {
                    let (a_org, b_org) = (a.org.clone(), b.org.clone());
                    if drafts[i].counterpart.is_none() {
                        drafts[i].counterpart = b_org;
                    }
                    if drafts[j].counterpart.is_none() {
                        drafts[j].counterpart = a_org;
                    }
                }
            }
        }
    }
}

/// "X quitte A." … "Il rejoint B mardi.": an end and a start of one person,
/// told in different sentences, at dates that agree, are one move when
/// neither has a counterpart yet and each is the only candidate.
fn pair_moves_across_sentences(drafts: &mut [Draft]) {
    let open = |d: &Draft, kind: EventType| d.kind == kind && d.status == Status::Actual && d.person.is_some() && d.counterpart.is_none() && d.org.is_some();
    // The same time, or the start within two months after the end ("il en est
    // parti fin janvier" ... "y devient directeur scientifique" in February).
    let agree = |a: &Draft, b: &Draft| match (a.date, b.date) {
        (Some(x), Some(y)) => {
            let (start, end) = if a.kind == EventType::Start { (x, y) } else { (y, x) };
            x.compatible(&y) || (0..=62).contains(&(start.ordinal_start() - end.ordinal_end()))
        }
        _ => false,
    };
    let mut pairs = Vec::new();
    for group in by_person(drafts, |d| open(d, EventType::End) || open(d, EventType::Start)) {
        for &i in group.iter().filter(|&&i| drafts[i].kind == EventType::End) {
            let end = &drafts[i];
            let starts: Vec<usize> = group.iter().copied().filter(|&j| drafts[j].kind == EventType::Start && drafts[j].org != end.org && drafts[j].manner != "founded" && agree(&drafts[j], end)).collect();
            if let [j] = starts[..] {
                let rivals = group.iter().filter(|&&k| drafts[k].kind == EventType::End && agree(&drafts[k], &drafts[j])).count();
                if rivals == 1 {
                    pairs.push((i, j));
                }
            }
        }
    }
    for (i, j) in pairs {
        drafts[i].counterpart = drafts[j].org.clone();
        drafts[j].counterpart = drafts[i].org.clone();
    }
}

/// "la démission de son PDG", "trennt sich von Vorstandschef und
/// Finanzvorstand": a post left by someone unnamed was left by the one
/// person the article gives that post at that organization, known from a
/// post held or left there, not from one taken ("Interims-Chefin X" took the
/// post the unnamed one left; "is looking for a new CEO" is no one leaving).
fn name_the_holders(drafts: &mut [Draft]) {
    let holders = |role: &str, org: &str, when: Option<PartialDate>| -> Vec<usize> {
        // (One who took the post then or since is its new holder; one who took it long before may be the one leaving.)
        let took_it = |p: usize| drafts.iter().any(|d| d.kind == EventType::Start && d.person == Some(p) && d.role.as_deref() == Some(role) && d.org.as_deref() == Some(org) && d.date.zip(when).is_none_or(|(s, w)| s.ordinal_end() >= w.ordinal_start()));
        let mut found: Vec<usize> = drafts
            .iter()
            .filter(|d| matches!(d.kind, EventType::End | EventType::Held) && d.role.as_deref() == Some(role) && d.org.as_deref() == Some(org))
            .filter_map(|d| d.person)
            .filter(|&p| !took_it(p))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    };
    let named: Vec<(usize, usize)> = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.kind == EventType::End && d.person.is_none())
        .filter_map(|(i, d)| match holders(d.role.as_deref()?, d.org.as_deref()?, d.date).as_slice() {
            [one] => Some((i, *one)),
            _ => None,
        })
        .collect();
    for (i, p) in named {
        drafts[i].person = Some(p);
    }
}

/// A move is one date: "Before joining Facebook from Google" is undated,
/// but the start it pairs with ("took the job in 2008") dates the end too.
fn date_moves_by_their_pair(drafts: &mut [Draft]) {
    let mut dated = Vec::new();
    for (i, d) in drafts.iter().enumerate().filter(|(_, d)| d.date.is_none() && d.counterpart.is_some() && matches!(d.kind, EventType::Start | EventType::End)) {
        let other = if d.kind == EventType::End { EventType::Start } else { EventType::End };
        let pair = drafts.iter().find(|p| p.kind == other && p.person == d.person && p.person.is_some() && p.org == d.counterpart && p.counterpart == d.org && p.date.is_some() && !p.date_weak);
        if let Some(p) = pair {
            dated.push((i, p.date));
        }
    }
    for (i, date) in dated {
        drafts[i].date = date;
    }
}

/// "Contoso names X chief executive" (the day's news) and "X has been
/// appointed chief executive, effective 1 September": the headline tells the
/// plan dated after publication (one post: the same title in both).
fn undated_news_of_a_plan(a: &Draft, b: &Draft, published: Option<PartialDate>) -> bool {
    // (A plan dated "this fall" or "this year" still lies partly ahead.)
    let future = |d: &Draft| d.status == Status::Planned && !d.date_weak && d.date.zip(published).is_some_and(|(x, p)| x.ordinal_end() > p.ordinal_end());
    // (The day's news may be dated by its announcement: "a annoncé mardi la promotion de X".)
    let news = |d: &Draft| d.status == Status::Actual && (d.date_weak || d.date.zip(published).is_some_and(|(x, p)| x.precision() == 3 && (0..=7).contains(&(p.ordinal_start() - x.ordinal_start()))));
    a.role == b.role && ((future(a) && news(b)) || (future(b) && news(a)))
}

/// Whether an undated report of a change (dated the day's news, `weak`) can
/// be the change dated `firm`: a year apart ("l'an dernier, le conseil a
/// évincé X" and a later "l'éviction de X"; "appointed, effective 1
/// September"), but two months for a start dated before the news, since a
/// post is often taken twice (interim in November, for good in January).
fn near(weak: PartialDate, firm: PartialDate, kind: EventType) -> bool {
    if kind == EventType::Start && firm.ordinal_end() < weak.ordinal_start() {
        weak.ordinal_start() - firm.ordinal_end() <= 62
    } else {
        (weak.year - firm.year).abs() <= 1
    }
}

/// One event per change: reports of the same change in one article merge,
/// keeping the most precise date and the first evidence.
fn merge(drafts: Vec<Draft>, published: Option<PartialDate>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    // Only drafts of one type, person and organization can merge; candidates
    // are looked up by that key, in the order they were kept.
    let mut kept: HashMap<(EventType, Option<usize>, Option<String>), Vec<usize>> = HashMap::new();
    for d in drafts {
        if d.org.is_none() || (d.person.is_none() && d.role.is_none() && d.kind != EventType::Dissolution) {
            continue;
        }
        let key = (d.kind, d.person, d.org.clone());
        let candidates = kept.entry(key).or_default();
        let same = candidates.iter().copied().find(|&k| {
            let o = &out[k];
            o.kind == d.kind
                && o.person == d.person
                && o.org == d.org
                // "Ellison wird Executive Chairman und übernimmt...": one verb read as
                // a plan, the other as done, in one sentence: one change.
                // (Or the day's news of a change told again: "is stepping down",
                // then "will succeed her", both of this year.)
                && (o.status == d.status
                    || [o.status, d.status].iter().all(|s| matches!(s, Status::Actual | Status::Planned))
                        && (o.sentence == d.sentence || undated_news_of_a_plan(o, &d, published) || (o.date_weak || d.date_weak) && o.date.zip(d.date).is_some_and(|(a, b)| a.compatible(&b))))
                && (d.kind != EventType::Dissolution || o.unit == d.unit)
                && (o.person.is_some() || o.role == d.role)
                // A default date (the day's news) agrees with a date the text gives
                // close to it, not with one years before ("ingresó en IBM en 1990").
                && match (o.date, d.date) {
                    // (In one sentence a default date yields to the other: "parti en 2023 et remplacé par X".)
                    // (Days apart: "will retire at the end of the year" and "will succeed
                    // him on Jan. 1" tell one departure.)
                    // (One sentence, weeks apart: "quittera X fin février pour rejoindre Y,
                    // où elle prendra ses fonctions le 1er mars".)
                    (Some(a), Some(b)) => a.compatible(&b) || a.precision() == 3 && b.precision() == 3 && (a.ordinal_start() - b.ordinal_start()).abs() <= 3
                        || o.sentence == d.sentence && d.kind == EventType::Start && (a.ordinal_start() - b.ordinal_start()).abs() <= 62
                        || undated_news_of_a_plan(o, &d, published) || ((o.date_weak || d.date_weak) && (if o.date_weak { near(a, b, d.kind) } else { near(b, a, d.kind) } || o.sentence == d.sentence)),
                    _ => true,
                }
                && match (&o.role, &d.role) {
                    // (An undated departure, "der Wechsel gilt als Absetzung", is the dated one.)
                    (Some(a), Some(b)) => a == b || d.kind != EventType::Held && (o.date.is_some() && o.date == d.date || d.kind == EventType::End && (o.sentence == d.sentence && (o.date_weak || d.date_weak) || o.date.is_none() != d.date.is_none())),
                    _ => true,
                }
        });
        match same {
            Some(k) => {
                // The news of a plan and the plan: the plan's date ("promue directrice
                // générale", then "prendra ses fonctions le 1er mai").
                let plan_told = d.status == Status::Planned && out[k].status == Status::Actual && out[k].sentence != d.sentence && undated_news_of_a_plan(&out[k], &d, published);
                let o = &mut out[k];
                let better = plan_told
                    || match (o.date, d.date) {
                        (_, None) => false,
                        (None, Some(_)) => true,
                        // (Two days a few days apart: the earlier, the change itself
                        // rather than the day it was announced.)
                        (Some(a), Some(b)) => (o.date_weak && !d.date_weak) || (o.date_weak == d.date_weak && (b.precision() > a.precision() || b.precision() == 3 && a.precision() == 3 && b.ordinal_start() < a.ordinal_start() && a.ordinal_start() - b.ordinal_start() <= 3)),
                    };
                if better {
                    o.date = d.date;
                    o.date_weak = d.date_weak;
                }
                if o.role.as_ref().is_none_or(|r| d.role.as_ref().is_some_and(|n| seniority(n) > seniority(r))) && d.role.is_some() {
                    o.role = d.role;
                    o.role_text = d.role_text;
                }
                // Done wins over planned, unless the change is dated after publication
                // ("will step down at the end of the year and be replaced by Y").
                let future = o.date.zip(published).is_some_and(|(d, p)| d.ordinal_start() > p.ordinal_end());
                if d.status == Status::Actual && !future {
                    o.status = Status::Actual;
                }
                if future && !o.date_weak && o.status == Status::Actual && d.status == Status::Planned {
                    o.status = Status::Planned;
                }
                o.until = o.until.or(d.until);
                o.counterpart = o.counterpart.take().or(d.counterpart);
                // Reports of one change: the most telling manner ("returned" and
                // "reinstated": reinstated; "appointed" and "founded": founded).
                if (d.kind == EventType::Dissolution && d.manner == "replaced") || manner_rank(&d.manner) > manner_rank(&o.manner) {
                    o.manner = d.manner;
                }
                o.confidence = (o.confidence + 0.1).min(0.95);
            }
            None => {
                candidates.push(out.len());
                out.push(d);
            }
        }
    }
    out
}
