//! Mentions in one article: persons, organizations, roles, units, dates, and
//! the words that refer back to them.
//!
//! Recognition runs in a fixed order, each stage claiming tokens the later ones
//! may not take: dates, gazetteer organizations, titles, units, names, then
//! organizations known from context (`chez X`, `X Inc.`, `président de X`),
//! surnames and handles of names already seen, and last the pronouns and
//! descriptions, which are resolved to the persons they most likely mean.

use std::collections::HashMap;

use crate::date::PartialDate;
use crate::fold::{fold_name, Folded};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::phrase::{Match, NoSlots, PhraseSet, Slots};
use crate::resources::{Common, Language, TriggerHit};
use crate::timex::{timex_at, Timex};
use crate::tokenize::{sentences, tokenize, Sentence, Token, TokenKind};

/// How many persons named last a pronoun may point to.
const RECENT_PERSONS: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum MentionKind {
    /// A named person (index into `Analysis::persons`).
    Person(usize),
    /// A word that refers to persons named elsewhere: candidates, most likely first.
    PersonRef { candidates: Vec<usize>, plural: bool },
    Org(usize),
    /// "l'entreprise", "the company": the article's main organization;
    /// with `other`, "le concurrent", "its rival": the last other one named.
    OrgAnaphor { other: bool },
    Role { code: String, former: bool },
    Unit(String),
    Date(Timex),
}

#[derive(Clone, Debug)]
pub struct Mention {
    /// Token range, end exclusive.
    pub start: usize,
    pub end: usize,
    pub kind: MentionKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

#[derive(Clone, Debug, Default)]
pub struct Person {
    pub name: String,
    pub handles: Vec<String>,
    /// From the given name, where the lexicon tells.
    pub sex: Option<Sex>,
}

/// An article, tokenized, with its mentions.
pub struct Analysis<'a> {
    pub text: &'a str,
    pub lang: &'a Language,
    pub common: &'a Common,
    pub toks: Vec<Token>,
    pub sents: Vec<Sentence>,
    pub published: Option<PartialDate>,
    /// Sorted by start token; they never overlap.
    pub mentions: Vec<Mention>,
    /// For each token, the mention covering it.
    pub at: Vec<Option<usize>>,
    pub persons: Vec<Person>,
    /// Each person's named mentions (indices into `mentions`, in text order),
    /// to find one without scanning every mention.
    pub person_mentions: FxHashMap<usize, Vec<usize>>,
    pub orgs: Vec<String>,
    /// The organization the article is mostly about.
    pub main_org: Option<usize>,
    /// Sentences announcing plans, whose bare dates look forward.
    pub future_sentence: Vec<bool>,
    /// For each token, the longest verb of change starting there within its
    /// sentence (`triggers.longest_at(&toks[..sentence end], i)`): its length and value.
    pub(crate) trigger_at: Vec<Option<(usize, &'a TriggerHit)>>,
    /// Home countries the text gives organizations ("le constructeur japonais
    /// Nissan"), by index in `orgs`; the gazetteer knows the others.
    pub org_countries: FxHashMap<usize, String>,
    /// `fold_name` of each organization, to its index in `orgs`.
    org_keys: FxHashMap<String, usize>,
    /// Where the gazetteer found each organization: (org, first token, end).
    org_surfaces: Vec<(usize, usize, usize)>,
    /// `fold_name` of each person's name, to its index in `persons`.
    person_keys: FxHashMap<String, usize>,
}

impl<'a> Analysis<'a> {
    pub fn new(text: &'a str, lang: &'a Language, common: &'a Common, published: Option<PartialDate>) -> Self {
        Self::from_tokens(text, tokenize(text, &lang.rules), lang, common, published)
    }

    /// As [`Analysis::new`], with the tokens of `text` already made (`tokenize(text, &lang.rules)`).
    pub fn from_tokens(text: &'a str, toks: Vec<Token>, lang: &'a Language, common: &'a Common, published: Option<PartialDate>) -> Self {
        let sents = sentences(&toks, &lang.rules);
        let mut an = Analysis {
            text,
            lang,
            common,
            at: vec![None; toks.len()],
            toks,
            sents,
            published,
            mentions: Vec::new(),
            persons: Vec::new(),
            person_mentions: FxHashMap::default(),
            orgs: Vec::new(),
            main_org: None,
            future_sentence: Vec::new(),
            trigger_at: Vec::new(),
            org_countries: FxHashMap::default(),
            org_keys: FxHashMap::default(),
            org_surfaces: Vec::new(),
            person_keys: FxHashMap::default(),
        };
        let mut trigger_at = vec![None; an.toks.len()];
        for sent in &an.sents {
            let toks = &an.toks[..sent.tokens.end];
            for i in sent.tokens.clone() {
                trigger_at[i] = lang.triggers.longest_at(toks, i, &NoSlots).map(|m| (m.len, m.value));
            }
        }
        an.trigger_at = trigger_at;
        an.future_sentence = an.sents.iter().map(|s| an.announces_plan(s.tokens.clone())).collect();
        let mut claims = Claims::new(an.toks.len());
        an.find_dates(&mut claims);
        an.find_gazetteer_orgs(&mut claims, common);
        // Units are matched once; long ones are claimed before titles, the rest after.
        let units: Vec<_> = an.sents.iter().map(|sent| lang.units.find_all(&an.toks, sent.tokens.clone(), &NoSlots)).collect();
        an.find_long_units(&mut claims, &units);
        an.find_roles(&mut claims);
        an.find_units(&mut claims, &units);
        an.find_org_anaphors(&mut claims, common);
        an.find_names(&mut claims, common);
        an.find_context_orgs(&mut claims, common);
        an.find_repeats(&mut claims);
        an.find_references(&mut claims);
        an.mentions = claims.into_sorted();
        an.merge_short_org_names(common);
        an.join_former_names();
        for (i, m) in an.mentions.iter().enumerate() {
            for t in m.start..m.end {
                an.at[t] = Some(i);
            }
            if let MentionKind::Person(p) = m.kind {
                an.person_mentions.entry(p).or_default().push(i);
            }
        }
        an.resolve_references();
        an.main_org = an.choose_main_org();
        an.name_orgs_as_written();
        an
    }

    /// "Meta Platforms, the company formerly known as Facebook": in this
    /// article the former name is the same organization, under its new name.
    fn join_former_names(&mut self) {
        let mut renamed: FxHashMap<usize, usize> = FxHashMap::default();
        for (i, m) in self.mentions.iter().enumerate() {
            let MentionKind::Org(old) = m.kind else { continue };
            let sent = &self.sents[self.sents.partition_point(|s| s.tokens.end <= m.start)];
            let toks = &self.toks[..m.start];
            let Some(cue) = (m.start.saturating_sub(5).max(sent.tokens.start)..m.start).find(|&k| self.lang.former_names.longest_at(toks, k, &NoSlots).is_some_and(|c| k + c.len == m.start)) else { continue };
            // The current name: the last organization named before the cue in the sentence.
            let current = self.mentions[..i].iter().rev().take_while(|o| o.start >= sent.tokens.start).find_map(|o| match o.kind {
                MentionKind::Org(id) if o.end <= cue && id != old => Some(id),
                _ => None,
            });
            if let Some(new) = current {
                renamed.insert(old, new);
            }
        }
        for m in &mut self.mentions {
            if let MentionKind::Org(id) = m.kind {
                if let Some(&new) = renamed.get(&id) {
                    m.kind = MentionKind::Org(new);
                }
            }
        }
    }

    /// A known organization goes by the fullest name the article writes
    /// when it is longer than the gazetteer's ("Micron Technology", not
    /// "Micron"), and by the name the article writes when it never writes
    /// the gazetteer's ("DeepMind" in a story of 2014, not "Google DeepMind");
    /// the knowledge base's alias groups join the names.
    fn name_orgs_as_written(&mut self) {
        let mut best: FxHashMap<usize, &str> = FxHashMap::default();
        let mut canonical_written: FxHashSet<usize> = FxHashSet::default();
        for &(id, s, e) in &self.org_surfaces {
            let written = self.raw(s, e);
            if fold_name(written) == fold_name(&self.orgs[id]) {
                canonical_written.insert(id);
                continue;
            }
            if best.get(&id).is_none_or(|b| written.chars().count() > b.chars().count()) {
                best.insert(id, written);
            }
        }
        for (id, name) in best {
            if name.chars().count() > self.orgs[id].chars().count() || !canonical_written.contains(&id) {
                self.orgs[id] = name.to_string();
            }
        }
    }

    pub fn raw(&self, start: usize, end: usize) -> &'a str {
        &self.text[self.toks[start].start..self.toks[end - 1].end]
    }

    /// A verb of change in the future ("quittera"), or announced as a plan
    /// right before it ("will step down", "va quitter").
    fn announces_plan(&self, range: std::ops::Range<usize>) -> bool {
        range.clone().any(|i| self.plans_at(range.clone(), i))
    }

    /// Whether the verb of change at `i` announces a plan ("will leave", "to become").
    fn plans_at(&self, range: std::ops::Range<usize>, i: usize) -> bool {
        self.trigger_in_sentence(i).is_some_and(|(_, value)| value.future || self.planned_before(range, i))
    }

    /// Whether a cue of plan governs the verb at `i`: right before it ("will
    /// step down", "is set to join"), or, where the verb ends its clause,
    /// anywhere in that clause ("Sie werde im Februar ... zurückkehren").
    pub fn planned_before(&self, range: std::ops::Range<usize>, i: usize) -> bool {
        let l = self.lang;
        let toks = &self.toks[..range.end];
        let cue_at = |k: usize, near: bool| l.planned.longest_at(toks, k, &NoSlots).is_some_and(|p| !near || k + p.len + 2 >= i);
        if (i.saturating_sub(4).max(range.start)..i).any(|k| cue_at(k, true)) {
            return true;
        }
        if !l.verb_final {
            return false;
        }
        let clause = (range.start..i).rev().find(|&k| matches!(self.toks[k].folded.as_str(), "," | ":" | ";")).map_or(range.start, |k| k + 1);
        (clause..i).any(|k| cue_at(k, false))
    }

    /// Whether a date at token `i` looks forward: as the verb of change
    /// nearest to it does ("who left Airbus in March to become CTO": March
    /// is past, though the sentence also plans), else as the sentence does.
    fn date_looks_ahead(&self, s: usize, i: usize) -> bool {
        let range = self.sents[s].tokens.clone();
        // (A date after a verb most often dates it: "left Airbus in March to become".)
        let before = (i.saturating_sub(8).max(range.start)..i).rev().find(|&j| self.trigger_in_sentence(j).is_some());
        let nearest = before.or_else(|| range.clone().filter(|&j| self.trigger_in_sentence(j).is_some()).min_by_key(|&j| j.abs_diff(i)));
        nearest.map_or(self.future_sentence[s], |j| self.plans_at(range, j))
    }

    fn find_dates(&self, claims: &mut Claims) {
        for (s, sent) in self.sents.iter().enumerate() {
            let toks = &self.toks[..sent.tokens.end];
            let mut i = sent.tokens.start;
            while i < sent.tokens.end {
                // The direction is looked up only where a date stands (a scan of the sentence).
                let found = timex_at(self.lang, toks, i, self.published, self.future_sentence[s]);
                let ahead = found.is_some() && self.date_looks_ahead(s, i);
                let found = if found.is_some() && ahead != self.future_sentence[s] { timex_at(self.lang, toks, i, self.published, ahead) } else { found };
                match found {
                    Some(t) if t.len > 0 => {
                        claims.claim(i, i + t.len, MentionKind::Date(t));
                        i += t.len;
                    }
                    _ => i += 1,
                }
            }
        }
    }

    fn find_gazetteer_orgs(&mut self, claims: &mut Claims, common: &Common) {
        for sent in &self.sents {
            let mut i = sent.tokens.start;
            while i < sent.tokens.end {
                let t = &self.toks[i];
                let cased = t.upper || t.kind == TokenKind::Number || common.lowercase_orgs.contains(&self.text[t.start..t.end]);
                if cased && !claims.taken(i) {
                    if let Some(m) = self.lang.orgs.longest_at(&self.toks[..sent.tokens.end], i, &NoSlots) {
                        // "Indra Nooyi" is a person, not the company Indra.
                        let given_name_first = m.len == 1 && common.given_names.contains(&t.folded) && i + 1 < sent.tokens.end && self.capitalised(i + 1);
                        if claims.free(i, i + m.len) && self.not_inside_name(i) && !given_name_first {
                            let id = intern(&mut self.orgs, &mut self.org_keys, &common.org_names[*m.value]);
                            claims.claim(i, i + m.len, MentionKind::Org(id));
                            self.org_surfaces.push((id, i, i + m.len));
                            i += m.len;
                            continue;
                        }
                    }
                }
                i += 1;
            }
        }
    }

    /// A gazetteer name glued to other capitalised words ("Morgan Stanley"
    /// is one; "Ford" in "Harrison Ford" is not an organization).
    fn not_inside_name(&self, start: usize) -> bool {
        let capital_word = |i: usize| {
            self.toks.get(i).is_some_and(|t| t.is_word() && t.upper && !self.lang.stopwords.contains(&t.folded))
        };
        // A capital at the start of a sentence says nothing, unless it is a
        // given name ("Jean Dupont quitte Renault" is not about DuPont).
        let before = start > 0
            && capital_word(start - 1)
            && self.toks[start - 1].end + 1 >= self.toks[start].start
            && (!self.is_sentence_start(start - 1) || self.common.given_names.contains(&self.toks[start - 1].folded));
        !before || self.lang.roles.longest_at(&self.toks, start - 1, &NoSlots).is_some()
    }

    fn is_sentence_start(&self, i: usize) -> bool {
        self.sents.binary_search_by_key(&i, |s| s.tokens.start).is_ok()
    }

    /// `triggers.longest_at(&toks[..end of the sentence of i], i)`, as (length, value): precomputed.
    fn trigger_in_sentence(&self, i: usize) -> Option<(usize, &'a TriggerHit)> {
        self.trigger_at.get(i).copied().flatten()
    }

    fn find_roles(&self, claims: &mut Claims) {
        for sent in &self.sents {
            for (i, m) in self.lang.roles.find_all(&self.toks, sent.tokens.clone(), &NoSlots) {
                if claims.free(i, i + m.len) {
                    let former = self.former_before(i);
                    claims.claim(i, i + m.len, MentionKind::Role { code: m.value.clone(), former });
                }
            }
            // Compounds no list can hold: "Forschungsvorständin", "Falkenried-Chef".
            if self.lang.role_endings.is_empty() {
                continue;
            }
            for i in sent.tokens.clone() {
                let t = &self.toks[i];
                if claims.taken(i) || !t.is_word() || !t.upper {
                    continue;
                }
                let ending = self.lang.role_endings.iter().find(|(x, _)| t.folded.len() > x.len() + 1 && t.folded.ends_with(x.as_str()));
                if let Some((_, code)) = ending {
                    claims.claim(i, i + 1, MentionKind::Role { code: code.clone(), former: self.former_before(i) });
                }
            }
        }
    }

    /// "ancien PDG", "former Fabrikam Inc. finance chief": "former" a few
    /// words before, with no comma between.
    fn former_before(&self, i: usize) -> bool {
        let from = (i.saturating_sub(5)..i).rev().find(|&j| self.toks[j].folded == ",").map_or(i.saturating_sub(5), |c| c + 1);
        (from..i).any(|j| self.lang.former.matches_at(&self.toks[..i], j))
            || self.toks.get(i).is_some_and(|t| t.folded.starts_with("ex-"))
    }

    /// Bodies named in several words ("board of directors", "conseil de
    /// surveillance") before titles, which would take a word of them.
    /// A title that holds the whole body keeps it ("presidente del consejo de
    /// administración" is a chair, not a "presidente" beside a board).
    fn find_long_units(&self, claims: &mut Claims, units: &[Vec<(usize, Match<'a, String>)>]) {
        for (sent, sent_units) in self.sents.iter().zip(units) {
            let titles: Vec<(usize, usize)> = self.lang.roles.find_all(&self.toks, sent.tokens.clone(), &NoSlots).into_iter().map(|(i, m)| (i, i + m.len)).collect();
            for &(i, ref m) in sent_units {
                let in_title = titles.iter().any(|&(s, e)| s < i && i + m.len <= e);
                if m.len > 1 && !in_title && claims.free(i, i + m.len) {
                    claims.claim(i, i + m.len, MentionKind::Unit(m.value.clone()));
                }
            }
        }
    }

    fn find_units(&self, claims: &mut Claims, units: &[Vec<(usize, Match<'a, String>)>]) {
        for (sent, sent_units) in self.sents.iter().zip(units) {
            let range = sent.tokens.clone();
            for &(i, ref m) in sent_units {
                if claims.free(i, i + m.len) {
                    claims.claim(i, i + m.len, MentionKind::Unit(m.value.clone()));
                }
            }
            // "l'équipe « Superalignment »", "the Superalignment team".
            for (i, m) in self.lang.unit_heads.find_all(&self.toks, range.clone(), &NoSlots) {
                let head_end = i + m.len;
                if !claims.free(i, head_end) {
                    continue;
                }
                let mut j = head_end;
                while j < range.end && is_quote(&self.toks[j]) {
                    j += 1;
                }
                let name_start = j;
                while j < range.end && self.capitalised(j) && !claims.taken(j) {
                    j += 1;
                }
                if j > name_start {
                    let mut end = j;
                    while end < range.end && is_quote(&self.toks[end]) {
                        end += 1;
                    }
                    let name = format!("{} {}", self.raw(i, head_end), self.raw(name_start, j));
                    claims.claim(i, end, MentionKind::Unit(name));
                    continue;
                }
                let mut k = i;
                while k > range.start && self.capitalised(k - 1) && !claims.taken(k - 1) && !self.is_sentence_start(k - 1) {
                    k -= 1;
                }
                // "Kestrel Labs", "Thinking Machines Lab": a capitalised head closes
                // the name of an organization, not of a unit ("the Superalignment team").
                let english_name_case = self.toks[i].upper && i > range.start && !self.lang.possessive.contains(&self.toks[k.saturating_sub(1)].folded);
                if k < i && !english_name_case {
                    claims.claim(k, head_end, MentionKind::Unit(self.raw(k, head_end).to_string()));
                    continue;
                }
                if k < i {
                    continue;
                }
                // "its robotics team", "son équipe de sécurité": a determiner, then a common noun.
                let word = |j: usize| self.toks.get(j).is_some_and(|t| t.is_word() && !t.upper && !self.lang.stopwords.contains(&t.folded) && !claims.taken(j));
                // Determiners are function words; short lower-case words count too ("su", "its").
                let det = |j: usize| self.toks.get(j).is_some_and(|t| self.lang.stopwords.contains(&t.folded) || self.lang.possessive.contains(&t.folded) || (t.is_word() && !t.upper && t.folded.chars().count() <= 3));
                if i > range.start + 1 && word(i - 1) && det(i - 2) {
                    claims.claim(i - 1, head_end, MentionKind::Unit(self.raw(i - 1, head_end).to_string()));
                } else if head_end + 1 < range.end && self.lang.of.contains(&self.toks[head_end].folded) && word(head_end + 1) && i > range.start && det(i - 1) {
                    claims.claim(i, head_end + 2, MentionKind::Unit(self.raw(i, head_end + 2).to_string()));
                }
            }
            // Compounds ending in a unit word: "Forschungsabteilung", "Sicherheitsteam".
            for i in range.clone() {
                let t = &self.toks[i];
                if claims.taken(i) || !t.is_word() || t.folded.len() < 9 {
                    continue;
                }
                // The token with each ending in turn as its folded form (inline: no allocation).
                let mut ending = t.clone();
                let compound = (t.folded.len().saturating_sub(12)..t.folded.len() - 3).filter(|&b| t.folded.is_char_boundary(b)).any(|b| {
                    ending.folded = Folded::from(&t.folded[b..]);
                    self.lang.unit_heads.matches_at(std::slice::from_ref(&ending), 0)
                });
                if compound {
                    claims.claim(i, i + 1, MentionKind::Unit(self.raw(i, i + 1).to_string()));
                }
            }
        }
    }

    /// A capitalised word that is not a function word.
    fn capitalised(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word() && t.upper && !self.lang.stopwords.contains(&t.folded)
    }

    /// Names the article writes with a legal form somewhere ("Kestrel Games
    /// Inc said..."), folded without it: such a name is a company's wherever
    /// it stands ("Kestrel Games CEO to take leave"), never a person's.
    fn legal_names(&self, common: &Common) -> std::collections::HashSet<String> {
        let mut out = std::collections::HashSet::new();
        for k in 1..self.toks.len() {
            let t = &self.toks[k];
            // ("plc" is written small; "sa" would be a French possessive.)
            if !((t.upper || t.folded.len() >= 3) && common.org_suffixes.contains(t.folded.trim_end_matches('.'))) {
                continue;
            }
            let mut s = k;
            while s > 0 && k - s < 4 && self.capitalised(s - 1) {
                s -= 1;
            }
            if s < k {
                out.insert(fold_name(self.raw(s, k)));
            }
        }
        out
    }

    fn find_names(&mut self, claims: &mut Claims, common: &Common) {
        let legal_names = self.legal_names(common);
        for s in 0..self.sents.len() {
            let range = self.sents[s].tokens.clone();
            let mut i = range.start;
            while i < range.end {
                let t = &self.toks[i];
                let honorific = i > range.start && self.lang.honorifics.contains(self.toks[i - 1].folded.trim_end_matches('.'));
                let starts = t.is_word()
                    && t.upper
                    && !claims.taken(i)
                    && (common.given_names.contains(&t.folded) || honorific || self.titled(i, claims))
                    && !self.lang.stopwords.contains(&t.folded);
                if starts {
                    let end = self.name_end(i, range.end, claims);
                    // "head of Contoso Ltd": a legal form ends an organization's name, never a person's.
                    let legal_form = end > i + 1 && common.org_suffixes.contains(self.toks[end - 1].folded.trim_end_matches('.'));
                    let company = legal_names.contains(&fold_name(self.raw(i, end)));
                    // "Mme Løvås" after "Ingrid Løvås": the person named before, found as a surname later.
                    let known_surname = honorific && end == i + 1 && self.persons.iter().any(|p| fold_name(&p.name).rsplit(' ').next() == Some(fold_name(self.raw(i, end)).as_str()));
                    if (end - i >= 2 || (honorific && end > i)) && !legal_form && !company && !known_surname {
                        let name = self.raw(i, end).to_string();
                        let id = self.person_id(&name);
                        claims.claim(i, end, MentionKind::Person(id));
                        self.attach_handle(end, range.end, id);
                        i = end;
                        continue;
                    }
                }
                i += 1;
            }
        }
    }

    /// A capitalised pair right after a title ("son PDG, Sam Altman"), right
    /// before one ("Sam Altman, le PDG") or joined to a name ("X and Tasha
    /// McCauley"), even with an unknown given name.
    fn titled(&self, i: usize, claims: &Claims) -> bool {
        let is_role = |j: usize| claims.kind(j).is_some_and(|k| matches!(k, MentionKind::Role { .. }));
        let mut j = i;
        while j > 0 && self.toks[j - 1].folded == "," {
            j -= 1;
        }
        // "son PDG, X" or "the head of the safety team, X": a title just before, maybe with its unit or organization.
        // "Finanzvorstand Arno Antlitz", "chief executive Satya Nadella": right after it.
        let after_title = j > 0
            && (j < i || is_role(i - 1))
            && (is_role(j - 1)
                || ((j.saturating_sub(6)..j).any(is_role)
                    && claims.kind(j - 1).is_some_and(|k| matches!(k, MentionKind::Unit(_) | MentionKind::Org(_)))));
        let next_capital = i + 1 < self.toks.len() && self.capitalised(i + 1) && !claims.taken(i + 1);
        // "Sam Altman, le PDG", "et Barret Zoph directeur technique".
        // (Not "Duke Energy vice president Paul Reyes": a title between two
        // names belongs to the second, and the first is its organization.)
        let person_after_role = |r: usize| claims.mention_end(r).is_some_and(|e| e + 1 < self.toks.len() && self.capitalised(e) && self.capitalised(e + 1));
        let after_next = i + 2 < self.toks.len() && (self.toks[i + 2].folded == "," && (i + 3..(i + 6).min(self.toks.len())).any(is_role) || (is_role(i + 2) && !person_after_role(i + 2)));
        // "Helen Toner and Tasha McCauley": a pair joined to a person's name, and
        // no third capitalised word after it.
        let is_person = |j: usize| claims.kind(j).is_some_and(|k| matches!(k, MentionKind::Person(_)));
        let joined = i >= 2
            && is_person(i - 2)
            && self.lang.coordinators.matches_at(&self.toks, i - 1)
            && !(i + 2 < self.toks.len() && self.capitalised(i + 2));
        next_capital && (after_title || after_next || joined)
    }

    fn name_end(&self, start: usize, limit: usize, claims: &Claims) -> usize {
        let mut j = start + 1;
        while j < limit && j - start < 5 {
            let t = &self.toks[j];
            if claims.taken(j) {
                break;
            }
            // Two names side by side ("löst Anna Schmidt Thomas Becker ab"): a
            // given name after a full name starts the next one.
            let next_name = j - start >= 2 && self.common.given_names.contains(&t.folded) && self.toks.get(j + 1).is_some_and(|n| n.upper && n.is_word());
            // A capitalised noun of change after a full name ends it ("wird Martin Haas Nachfolger von").
            if next_name || (j - start >= 2 && self.trigger_at[j].is_some()) {
                break;
            }
            if t.is_word() && t.upper && !self.lang.stopwords.contains(&t.folded) && self.lang.month(&t.folded).is_none() {
                // An initial: "John W. Thompson".
                if t.folded.chars().count() == 1 && self.toks.get(j + 1).is_some_and(|d| d.folded == ".") && self.toks.get(j + 2).is_some_and(|n| n.upper) {
                    j += 2;
                    continue;
                }
                j += 1;
            } else if self.lang.name_particles.contains(&t.folded) && j + 1 < limit && self.toks[j + 1].upper && !claims.taken(j + 1) && j > start {
                j += 1;
            } else {
                break;
            }
        }
        // A name never ends on a particle.
        while j > start + 1 && self.lang.name_particles.contains(&self.toks[j - 1].folded) {
            j -= 1;
        }
        j
    }

    /// "Greg Brockman (@gdb)": the handle is the person's.
    fn attach_handle(&mut self, end: usize, limit: usize, id: usize) {
        let mut j = end;
        while j < limit && j < end + 2 && self.toks[j].kind == TokenKind::Punct {
            j += 1;
        }
        if j < limit && self.toks[j].kind == TokenKind::Handle {
            let h = self.toks[j].folded.as_str();
            if !self.persons[id].handles.iter().any(|k| k == h) {
                self.persons[id].handles.push(h.to_string());
            }
        }
    }

    /// One entry per distinct full name; a longer form ("John W. Thompson")
    /// absorbs a shorter one that it contains.
    fn person_id(&mut self, name: &str) -> usize {
        let key = fold_name(name);
        if let Some(&i) = self.person_keys.get(&key) {
            return i;
        }
        let first = key.split(' ').next().unwrap_or_default();
        let sex = if self.common.female_names.contains(first) {
            Some(Sex::Female)
        } else if self.common.given_names.contains(first) && !self.common.female_names.is_empty() {
            Some(Sex::Male)
        } else {
            None
        };
        self.persons.push(Person { name: name.to_string(), handles: Vec::new(), sex });
        self.person_keys.insert(key, self.persons.len() - 1);
        self.persons.len() - 1
    }

    fn find_context_orgs(&mut self, claims: &mut Claims, common: &Common) {
        let mut found: Vec<(usize, usize)> = Vec::new();
        let surnames: std::collections::HashSet<String> = self.persons.iter().filter_map(|p| fold_name(&p.name).rsplit(' ').next().map(str::to_string)).collect();
        for sent in &self.sents {
            let range = sent.tokens.clone();
            for i in range.clone() {
                // "Su sucesor será X": a possessive opening the sentence is no name.
                if claims.taken(i) || !self.capitalised(i) || self.lang.person_possessives.contains(&self.toks[i].folded) {
                    continue;
                }
                let end = self.capital_run(i, range.end, claims, common);
                let prev = |k: usize| (i >= k + range.start).then(|| &self.toks[i - k]);
                if prev(1).is_some_and(|p| self.lang.not_before_names.contains(&p.folded)) {
                    continue;
                }
                // "chez X", "bei der X", "à la tête de X": a phrase ending right before, or a determiner after it.
                let after_prep = (1..=6).any(|k| {
                    i >= k + range.start
                        && self.lang.org_prepositions.longest_at(&self.toks[..i], i - k, &NoSlots).is_some_and(|m| {
                            let end = i - k + m.len;
                            end <= i && end + 1 >= i && (end..i).all(|j| !self.toks[j].upper && self.lang.stopwords.contains(&self.toks[j].folded))
                        })
                });
                let after_of = prev(1).is_some_and(|p| self.lang.of.contains(&p.folded));
                let after_role_of = after_of && i >= 2 && claims.kind(i - 2).is_some_and(|k| matches!(k, MentionKind::Role { .. } | MentionKind::Unit(_)));
                // "cède sa place à la tête de X", "al frente de X": a verb of change just before.
                let trigger_ends_near = (i.saturating_sub(8).max(range.start)..i.saturating_sub(1)).any(|j| {
                    self.trigger_in_sentence(j).is_some_and(|(len, _)| j + len + 4 >= i)
                });
                let after_role_of = after_role_of || (after_of && trigger_ends_near && (i - 4.min(i)..i - 1).all(|j| !claims.taken(j)));
                // ("die Leitung der Technik": where nouns are capitalised, one word
                // after the article is a common noun.)
                let after_role_of = after_role_of && !(self.lang.nouns_capitalised && end == i + 1 && prev(1).is_some_and(|p| self.lang.org_anaphor_articles.contains(&p.folded)));
                // "Acme's chief executive", "Acme's board", "Acme's longtime CFO".
                let title_or_body = |k: usize| claims.kind(k).is_some_and(|k| matches!(k, MentionKind::Role { .. } | MentionKind::Unit(_)));
                let before_possessive_role = self.toks.get(end).is_some_and(|t| self.lang.possessive.contains(&t.folded))
                    && (title_or_body(end + 1) || (self.toks.get(end + 1).is_some_and(|t| t.is_word() && !t.upper) && title_or_body(end + 2)));
                let is_suffix = |t: &Token| t.upper && common.org_suffixes.contains(t.folded.trim_end_matches('.'));
                let suffix_inside = end > i + 1 && is_suffix(&self.toks[end - 1]);
                let with_suffix = suffix_inside || self.toks.get(end).is_some_and(is_suffix);
                let end = if suffix_inside { end - 1 } else { end };
                let trigger_near = |at: usize| (at.saturating_sub(6).max(range.start)..at).any(|j| self.trigger_in_sentence(j).is_some());
                let after_cue = (1..=3).any(|k| {
                    i >= k + range.start
                        && trigger_near(i - k)
                        && (i - k + 1..i).all(|j| !self.toks[j].upper)
                        && (self.lang.move_from.longest_at(&self.toks[..i], i - k, &NoSlots).is_some_and(|m| i - k + m.len == i)
                            || self.lang.move_to.longest_at(&self.toks[..i], i - k, &NoSlots).is_some_and(|m| i - k + m.len == i))
                });
                let after_prep = after_prep || after_cue;
                // "Yahoo chief executive Marissa Mayer": a name, a title, then a person.
                let before_title = claims.kind(end).is_some_and(|k| matches!(k, MentionKind::Role { .. }))
                    && self.lang.former.longest_at(&self.toks[..range.end], i, &NoSlots).is_none()
                    && (end + 1..range.end.min(end + 5)).find(|&j| !matches!(claims.kind(j), Some(MentionKind::Role { .. }))).is_some_and(|j| matches!(claims.kind(j), Some(MentionKind::Person(_))));
                let verb_context = self.org_verb_context(i, end, range.clone(), claims) || self.org_statement_context(i, end, range.clone(), claims);
                let known_surname = end == i + 1 && surnames.contains(self.toks[i].folded.as_str());
                // "der Leverkusener Agrarkonzern X": a description names an organization
                // (the noun is a stop word, "der Agrarkonzern" an anaphor, so it stands before the run).
                let described = prev(1).is_some_and(|p| p.upper && self.lang.is_org_descriptor(&p.folded));
                if (after_prep || after_role_of || before_possessive_role || before_title || with_suffix || verb_context || described) && !known_surname {
                    let end = if with_suffix { end + 1 } else { end };
                    // "der Sportwagentochter Porsche": the name without its description.
                    // ("vom Kieler Windparkbetreiber": a description alone names nothing.)
                    let start = i + self.lang.org_description_len(&self.toks, i, end);
                    if start < end {
                        found.push((start, end));
                    }
                }
            }
        }
        for (s, e) in found {
            if claims.free(s, e) {
                let name = self.org_name(s, e, common);
                let id = intern(&mut self.orgs, &mut self.org_keys, &name);
                claims.claim(s, e, MentionKind::Org(id));
            }
        }
    }

    /// A capitalised run in the place of an organization next to a verb of
    /// change: after "quitte", "rejoint", "joined", "left" (skipping a
    /// determiner or two: "rejoint son rival X"), or before a verb whose
    /// object is the person ("Contoso named X", "Fabrikam a nommé X").
    fn org_verb_context(&self, i: usize, end: usize, range: std::ops::Range<usize>, claims: &Claims) -> bool {
        let l = self.lang;
        let entry_at = |k: usize| self.trigger_in_sentence(k).map(|(len, value)| (len, &l.trigger_entries[value.entry]));
        // After a subject verb; after a founding, not past a place preposition ("fondée à San Francisco").
        let after_place = i > range.start && l.place_prepositions.contains(&self.toks[i - 1].folded);
        let mut k = i;
        let mut skipped = 0;
        while k > range.start && skipped <= 2 {
            k -= 1;
            if let Some((_, e)) = (range.start..=k).rev().take(8).find_map(|s| entry_at(s).filter(|(len, _)| s + len == k + 1)) {
                let place = after_place && e.manner == "founded";
                return matches!(e.kind.as_str(), "start" | "end" | "return") && e.person == crate::resources::PersonSlot::Subject && !claims.taken(k) && !place;
            }
            // After a verb of holding a post: "qui dirigeait Fabrikam", "who runs Contoso"
            // (the holding reads "leitete die Datenanalysefirma Tableau" itself).
            let described = end > i + 1 && l.is_org_descriptor(&self.toks[i].folded);
            // Right after the verb: a determiner before the name is a place's ("qui dirige l'Amérique du Nord").
            if !described && skipped == 0 && (range.start..=k).rev().take(6).any(|s| l.holdings.longest_at(&self.toks[..=k], s, &NoSlots).is_some_and(|m| s + m.len == k + 1)) {
                return !claims.taken(k) && !after_place;
            }
            let t = &self.toks[k];
            if !(t.is_word() && !t.upper && l.stopwords.contains(&t.folded)) {
                break;
            }
            skipped += 1;
        }
        // Before an object verb, possibly past an auxiliary: "Fabrikam a nommé".
        let mut k = end;
        let mut skipped = 0;
        while k < range.end && skipped <= 2 {
            if let Some((_, e)) = entry_at(k) {
                return e.kind == "dissolution" || (e.person == crate::resources::PersonSlot::Object && matches!(e.kind.as_str(), "start" | "end" | "return"));
            }
            let t = &self.toks[k];
            if (!t.is_word() || t.upper) && !(t.folded == "," && k == end) {
                break;
            }
            skipped += 1;
            k += 1;
        }
        false
    }

    /// "Contoso said on Monday that its finance chief...", "Fabrikam a annoncé
    /// le départ de son directeur financier": a name before a statement verb
    /// whose statement names a title or says "its". Not a sentence's first word
    /// that the text also writes in lower case ("Analysts said").
    fn org_statement_context(&self, i: usize, end: usize, range: std::ops::Range<usize>, claims: &Claims) -> bool {
        let toks = &self.toks[..range.end];
        let Some(verb) = self.lang.org_statements.longest_at(toks, end, &NoSlots) else { return false };
        let after = end + verb.len;
        let announces = (after..range.end.min(after + 12)).any(|j| self.lang.org_possessives.contains(&toks[j].folded) || matches!(claims.kind(j), Some(MentionKind::Role { .. })));
        let common_word = end == i + 1 && i == range.start && self.toks.iter().any(|t| !t.upper && t.folded == toks[i].folded);
        announces && !common_word
    }

    /// An organization's printed name: without a trailing legal form.
    fn org_name(&self, s: usize, e: usize, common: &Common) -> String {
        let mut e = e;
        while e > s + 1 && (common.org_suffixes.contains(self.toks[e - 1].folded.trim_end_matches('.')) || self.toks[e - 1].folded == ",") {
            e -= 1;
        }
        self.raw(s, e).to_string()
    }

    fn capital_run(&self, i: usize, limit: usize, claims: &Claims, common: &Common) -> usize {
        let mut j = i + 1;
        while j < limit && j - i < 5 && !claims.taken(j) {
            let t = &self.toks[j];
            // A legal form ends the name ("Contoso GmbH Elternzeit" is not one name).
            if j > i && common.org_suffixes.contains(self.toks[j - 1].folded.trim_end_matches('.')) && self.toks[j - 1].upper {
                break;
            }
            if ((t.is_word() && t.upper) || t.kind == TokenKind::Number) && !self.lang.stopwords.contains(&t.folded) {
                j += 1;
            } else if t.folded == "&" && j + 1 < limit && self.toks[j + 1].upper {
                j += 2;
            } else {
                break;
            }
        }
        j
    }

    /// Later mentions of known names: a surname ("Brockman"), a full name in
    /// a sentence where it was not recognised, a handle, an organization again.
    fn find_repeats(&mut self, claims: &mut Claims) {
        // The last word, and a compound surname whole ("Álvarez-Pallete").
        let mut surnames: PhraseSet<usize> = PhraseSet::new();
        for (id, p) in self.persons.iter().enumerate() {
            let toks = tokenize(&p.name, &self.lang.rules);
            if let Some(last) = toks.iter().rev().find(|t| t.is_word() && t.folded.chars().count() > 1) {
                if surnames.longest_at(&toks, toks.len() - 1, &NoSlots).is_none() {
                    surnames.insert(&last.folded, id, &self.lang.rules);
                }
            }
            if let Some((_, compound)) = p.name.rsplit_once(' ').filter(|(_, c)| c.contains('-')) {
                surnames.insert(&crate::fold::fold(compound), id, &self.lang.rules);
            }
        }
        let org_names: HashMap<String, usize> = self.orgs.iter().enumerate().map(|(i, o)| (fold_name(o), i)).collect();
        let mut org_phrases = PhraseSet::new();
        for (name, id) in &org_names {
            org_phrases.insert(name, *id, &self.lang.rules);
        }
        // "Falkenried" for "Falkenried Pharma SE": the first word of one name
        // alone, where it names nothing else (no other organization, no
        // person, no known organization, no given name) and opens no sentence.
        let mut short: HashMap<String, Option<usize>> = HashMap::new();
        for (name, &id) in &org_names {
            if let Some((first, _)) = name.split_once(' ') {
                let taken = org_names.contains_key(first) || self.common.org_name_keys.contains(first) || self.common.given_names.contains(first) || self.lang.stopwords.contains(first) || surnames.longest_at(&tokenize(first, &self.lang.rules), 0, &NoSlots).is_some();
                if first.chars().count() >= 3 && !taken {
                    short.entry(first.to_string()).and_modify(|v| *v = None).or_insert(Some(id));
                }
            }
        }
        let sentence_openers: std::collections::HashSet<usize> = self.sents.iter().map(|s| s.tokens.start).collect();
        let short: HashMap<String, usize> = short.into_iter().filter_map(|(k, v)| Some((k, v?))).collect();
        for i in 0..self.toks.len() {
            if claims.taken(i) {
                continue;
            }
            let t = &self.toks[i];
            if t.kind == TokenKind::Handle {
                if let Some(id) = self.persons.iter().position(|p| p.handles.iter().any(|h| *h == t.folded)) {
                    claims.claim(i, i + 1, MentionKind::Person(id));
                }
                continue;
            }
            if !t.upper || !t.is_word() {
                continue;
            }
            if let Some(m) = org_phrases.longest_at(&self.toks, i, &NoSlots) {
                if claims.free(i, i + m.len) {
                    claims.claim(i, i + m.len, MentionKind::Org(*m.value));
                    continue;
                }
            }
            if let Some(&id) = short.get(t.folded.as_str()).filter(|_| !sentence_openers.contains(&i) && !self.toks.get(i + 1).is_some_and(|n| n.upper && n.is_word())) {
                claims.claim(i, i + 1, MentionKind::Org(id));
                continue;
            }
            if let Some(m) = surnames.longest_at(&self.toks, i, &NoSlots) {
                if claims.free(i, i + m.len) {
                    claims.claim(i, i + m.len, MentionKind::Person(*m.value));
                }
            }
        }
    }

    /// "l'entreprise", "the company", "das Unternehmen": before names and
    /// context organizations, since German writes these nouns capitalised.
    fn find_org_anaphors(&mut self, claims: &mut Claims, common: &Common) {
        for si in 0..self.sents.len() {
            let sent = self.sents[si].clone();
            for (i, m) in self.lang.org_anaphors.find_all(&self.toks, sent.tokens.clone(), &NoSlots) {
                // "le concurrent Anthropic", "the chipmaker Intel": the name follows; it is the organization.
                // (Past one adjective: "la eléctrica portuguesa EDP", "le groupe japonais Nissan".)
                let at = i + m.len;
                let adjective = at + 1 < sent.tokens.end && self.toks[at].is_word() && !self.toks[at].upper && !self.lang.stopwords.contains(&self.toks[at].folded) && !self.lang.possessive.contains(&self.toks[at].folded) && !claims.taken(at) && self.capitalised(at + 1);
                let mut name_at = if adjective { at + 1 } else { at };
                // (Past a complement: "le groupe de luxe Kering", "le géant de l'internet Google".)
                if at < sent.tokens.end && !self.capitalised(name_at) && self.lang.of.contains(&self.toks[at].folded) {
                    let lower = |k: usize| k < sent.tokens.end && self.toks[k].is_word() && !self.toks[k].upper && !claims.taken(k);
                    if let Some(k) = (at + 2..(at + 5).min(sent.tokens.end)).find(|&k| self.capitalised(k)).filter(|&k| (at + 1..k).all(lower)) {
                        name_at = k;
                    }
                }
                let named = name_at < sent.tokens.end && self.capitalised(name_at);
                if named {
                    let end = self.capital_run(name_at, sent.tokens.end, claims, common);
                    if claims.free(name_at, end) && !common.given_names.contains(&self.toks[name_at].folded) {
                        let name = self.org_name(name_at, end, common);
                        let id = intern(&mut self.orgs, &mut self.org_keys, &name);
                        claims.claim(name_at, end, MentionKind::Org(id));
                        if let Some(country) = (i..name_at).find_map(|k| self.lang.nationalities.get(self.toks[k].folded.as_str())) {
                            self.org_countries.insert(id, country.clone());
                        }
                    }
                } else if claims.free(i, i + m.len) {
                    let other = self.lang.rival_anaphors.longest_at(&self.toks[..sent.tokens.end], i, &NoSlots).is_some_and(|r| r.len == m.len);
                    claims.claim(i, i + m.len, MentionKind::OrgAnaphor { other });
                }
            }
            self.find_modified_org_anaphors(sent.tokens.clone(), claims);
        }
    }

    /// "the warehouse-automation startup", "the Berlin-based company", "das
    /// Kieler Unternehmen": an article, one or two modifiers, then the noun
    /// of an organization anaphor, with no name after it.
    fn find_modified_org_anaphors(&self, range: std::ops::Range<usize>, claims: &mut Claims) {
        let l = self.lang;
        let modifier = |j: usize, claims: &Claims| {
            let t = &self.toks[j];
            t.is_word() && !claims.taken(j) && !l.stopwords.contains(&t.folded) && !l.possessive.contains(&t.folded) && (!t.upper || t.folded.contains('-') || l.nationalities.contains_key(t.folded.as_str()) || (l.nouns_capitalised && t.folded.ends_with("er")))
        };
        for i in range.clone() {
            if !l.org_anaphor_articles.contains(&self.toks[i].folded) || claims.taken(i) {
                continue;
            }
            for gap in 1..=2 {
                let at = i + 1 + gap;
                if at >= range.end || !(i + 1..at).all(|j| modifier(j, claims)) {
                    break;
                }
                let Some(m) = l.org_anaphor_heads.longest_at(&self.toks[..range.end], at, &NoSlots) else { continue };
                let end = at + m.len;
                if claims.free(i, end) && !(end < range.end && self.capitalised(end)) {
                    claims.claim(i, end, MentionKind::OrgAnaphor { other: false });
                }
                break;
            }
        }
    }

    fn find_references(&self, claims: &mut Claims) {
        let l = self.lang;
        for sent in &self.sents {
            let range = sent.tokens.clone();
            let toks = &self.toks[..range.end];
            let mut i = range.start;
            while i < range.end {
                if claims.taken(i) {
                    i += 1;
                    continue;
                }
                let f = &self.toks[i].folded;
                let phrase = |set: &PhraseSet<()>| set.longest_at(toks, i, &NoSlots).map(|m| m.len);
                let reference = |plural| MentionKind::PersonRef { candidates: Vec::new(), plural };
                // "Ils ont tous deux", "both": the last two persons. (German "sie"
                // is also "she": without "beide", one person.)
                let both = l.plural_pronouns.contains(f) && ((i + 1..(i + 5).min(range.end)).any(|j| l.both.matches_at(toks, j)) || (i > range.start && l.both.matches_at(toks, i - 1)));
                if l.plural_pronouns.contains(f) && (both || !l.pronouns.contains(f)) {
                    if both {
                        claims.claim(i, i + 1, reference(true));
                    }
                } else if let Some(n) = phrase(&l.both).filter(|n| i + n < range.end && !self.toks[i + n].upper && !(i + n..(i + n + 4).min(range.end)).any(|j| matches!(claims.kind(j), Some(MentionKind::Person(_))))) {
                    // (Not before the names it introduces: "die beiden bisherigen Co-Präsidenten X und Y".)
                    claims.claim(i, i + n, reference(true));
                    i += n;
                    continue;
                } else if let Some(n) = phrase(&l.person_descriptions) {
                    // Not "l'Américain Greg Kelly": there the words qualify the name.
                    let before_name = matches!(claims.kind(i + n), Some(MentionKind::Person(_)));
                    if claims.free(i, i + n) && !before_name {
                        claims.claim(i, i + n, reference(false));
                        i += n;
                        continue;
                    }
                } else if l.object_clitics.contains(f) && i + 1 < range.end && (l.clitic_hosts.contains(&self.toks[i + 1].folded) || (i > range.start && l.gerund_markers.contains(&self.toks[i - 1].folded) && self.trigger_at[i + 1].is_some())) {
                    // "le conseil l'avait démis", "en le révoquant": a person as object.
                    claims.claim(i, i + 1, reference(false));
                } else if l.pronouns.contains(f) || l.first_person.contains(f) || (l.relative_pronouns.contains(f) && i > range.start && (self.toks[i - 1].folded == "," || self.last_person_before(i, range.start, claims)) && !self.after_org(i, claims)) {
                    claims.claim(i, i + 1, reference(false));
                }
                i += 1;
            }
        }
    }

    /// "die Vestra Capital GmbH, die im vergangenen Jahr eingestiegen war": a
    /// relative pronoun after an organization's name is about it, not a person.
    /// (Not one that ends a person's apposition: "Jane Doe, chief executive
    /// of Contoso, who ...".)
    fn after_org(&self, i: usize, claims: &Claims) -> bool {
        if i < 2 || self.toks[i - 1].folded != "," || !claims.kind(i - 2).is_some_and(|k| matches!(k, MentionKind::Org(_) | MentionKind::OrgAnaphor { .. })) {
            return false;
        }
        let mut start = i - 2;
        while start > 0 && claims.kind(start - 1).is_some_and(|k| matches!(k, MentionKind::Org(_) | MentionKind::OrgAnaphor { .. })) {
            start -= 1;
        }
        // (A company after "de", "of" completes another noun: "directeur financier de
        // Renault, qui", "procedente de Acciona, que".)
        let complement = start >= 1 && self.lang.of.contains(&self.toks[start - 1].folded);
        !complement
    }

    fn last_person_before(&self, i: usize, limit: usize, claims: &Claims) -> bool {
        (limit..i).rev().take(1).any(|j| claims.kind(j).is_some_and(|k| matches!(k, MentionKind::Person(_))))
    }

    /// Fills the candidates of each reference: first person → the signature
    /// that follows the quote or the last speaker; others → recent persons.
    fn resolve_references(&mut self) {
        // Persons by salience for "il", "she": a name governed by a noun comes
        // after the sentence's subject; `latest` is in plain order of mention,
        // for "both", "les deux" ("Il est accompagné de X et Y. Les deux...").
        let mut recent: Vec<usize> = Vec::new();
        let mut latest: Vec<usize> = Vec::new();
        // The sentence where the first of `recent` was last named or referred to.
        let mut top_sentence = usize::MAX;
        let mut named: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
        let signatures = self.signatures();
        for m in 0..self.mentions.len() {
            let start = self.mentions[m].start;
            let sentence = self.sents.partition_point(|s| s.tokens.end <= start);
            match &self.mentions[m].kind {
                MentionKind::Person(id) => {
                    let id = *id;
                    // Salience: how often named, then how early (the story's topic first).
                    let first_seen = usize::MAX - m;
                    named.entry(id).or_insert((0, first_seen)).0 += 1;
                    latest.retain(|&p| p != id);
                    latest.insert(0, id);
                    latest.truncate(RECENT_PERSONS);
                    recent.retain(|&p| p != id);
                    // "Il a été impliqué dans le licenciement d'Altman ... il regrettait":
                    // a name governed by a noun does not displace the sentence's subject.
                    let governed = start >= 2 && self.lang.of.contains(&self.toks[start - 1].folded) && self.toks[start - 2].is_word() && !self.toks[start - 2].upper;
                    if governed && top_sentence == sentence && !recent.is_empty() {
                        recent.insert(1, id);
                    } else {
                        recent.insert(0, id);
                        top_sentence = sentence;
                    }
                    // A pronoun points to someone named lately, never to the
                    // hundredth person back: the cap keeps lists of names linear.
                    recent.truncate(RECENT_PERSONS);
                }
                MentionKind::PersonRef { plural, .. } => {
                    let plural = *plural;
                    let f = self.toks[start].folded.clone();
                    let candidates = if self.lang.first_person.contains(&f) {
                        signatures.iter().find(|(tok, _)| *tok > start).map(|(_, id)| vec![*id]).unwrap_or_else(|| recent.iter().take(1).copied().collect())
                    } else if self.lang.relative_pronouns.contains(&f) {
                        // (The name right before, even one governed by a noun: "the
                        // departure of Jane Doe, who joined in 2019".)
                        latest.iter().take(1).copied().collect()
                    } else {
                        // "elle" skips the men just named, "he" the women.
                        let text = self.toks[start..self.mentions[m].end].iter().map(|t| t.folded.as_str()).collect::<Vec<_>>().join(" ");
                        let wanted = if self.lang.feminine_pronouns.contains(text.as_str()) {
                            Some(Sex::Female)
                        } else if self.lang.masculine_pronouns.contains(text.as_str()) {
                            Some(Sex::Male)
                        } else {
                            None
                        };
                        let fits = |p: &usize| plural || wanted.is_none() || self.persons[*p].sex.is_none() || self.persons[*p].sex == wanted;
                        let order = if plural { &latest } else { &recent };
                        let mut candidates: Vec<usize> = order.iter().copied().filter(fits).take(if plural { 2 } else { 4 }).collect();
                        // A description ("le dirigeant franco-libano-brésilien", "the
                        // executive") is of the person the story is about: the one
                        // named most so far, the latest among equals.
                        if !plural && self.mentions[m].end - start > 1 {
                            candidates.sort_by_key(|p| std::cmp::Reverse(named.get(p).copied().unwrap_or((0, 0))));
                        }
                        candidates
                    };
                    // "Le dirigeant ... Trois jours plus tard, le conseil l'avait démis":
                    // the person a reference stands for is the one named last.
                    if let (false, Some(&first)) = (plural, candidates.first()) {
                        recent.retain(|&p| p != first);
                        recent.insert(0, first);
                        latest.retain(|&p| p != first);
                        latest.insert(0, first);
                        top_sentence = sentence;
                    }
                    self.mentions[m].kind = MentionKind::PersonRef { candidates, plural };
                }
                _ => {}
            }
        }
    }

    /// Lines such as "— Greg Brockman (@gdb) 6 août 2024" that sign a quote.
    fn signatures(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for s in &self.sents {
            let first = &self.toks[s.tokens.start];
            if matches!(first.folded.as_str(), "—" | "–" | "-" | "―") {
                if let Some(MentionKind::Person(id)) = self.at.get(s.tokens.start + 1).copied().flatten().map(|m| &self.mentions[m].kind) {
                    out.push((s.tokens.start, *id));
                }
            }
        }
        out
    }

    /// "Nordlys" after "Nordlys Robotics" is the same company: a name that is
    /// the first words of exactly one longer name in the article takes it.
    /// Gazetteer names stay apart ("Google" is not "Google DeepMind").
    fn merge_short_org_names(&mut self, common: &Common) {
        let keys: Vec<String> = self.orgs.iter().map(|o| fold_name(o)).collect();
        let known = &common.org_name_keys;
        let target: Vec<usize> = (0..keys.len())
            .map(|i| {
                if known.contains(keys[i].as_str()) {
                    return i;
                }
                let longer: Vec<usize> = (0..keys.len()).filter(|&j| j != i && keys[j].starts_with(&format!("{} ", keys[i]))).collect();
                if longer.len() == 1 { longer[0] } else { i }
            })
            .collect();
        for m in &mut self.mentions {
            if let MentionKind::Org(id) = &mut m.kind {
                *id = target[*id];
            }
        }
    }

    fn choose_main_org(&self) -> Option<usize> {
        // The lead says what the article is about: its first sentence counts
        // twice, as does the first organization the article names
        // ("Le numéro un mondial du luxe a déjoué les pronostics. LVMH a publié...").
        let lead_end = self.sents.first().map_or(0, |s| s.tokens.end);
        let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
        let mut opened = false;
        // ("des Schweizer Konkurrenten Roche", "its rival Anthropic": another one.)
        let rival = |m: &Mention| (m.start.saturating_sub(3)..m.start).any(|k| self.lang.rival_nouns.contains(&self.toks[k].folded));
        for (k, m) in self.mentions.iter().enumerate().filter(|(_, m)| !rival(m)) {
            if let MentionKind::Org(id) = m.kind {
                let e = counts.entry(id).or_insert((0, usize::MAX - k));
                e.0 += if !opened || m.start < lead_end { 2 } else { 1 };
                opened = true;
            }
        }
        counts.into_iter().max_by_key(|&(_, (n, first))| (n, first)).map(|(id, _)| id)
    }

    /// The mention at token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<&Mention> {
        self.at.get(i).copied().flatten().map(|m| &self.mentions[m])
    }
}

fn is_quote(t: &Token) -> bool {
    matches!(t.folded.as_str(), "«" | "»" | "\"" | "“" | "”" | "„" | "'")
}

/// The index of `name` in `list`, added if no name there folds the same;
/// `keys` maps the `fold_name` of every name in `list` to its index.
fn intern(list: &mut Vec<String>, keys: &mut FxHashMap<String, usize>, name: &str) -> usize {
    let key = fold_name(name);
    if let Some(&i) = keys.get(&key) {
        return i;
    }
    list.push(name.to_string());
    keys.insert(key, list.len() - 1);
    list.len() - 1
}

/// Token claims during recognition.
struct Claims {
    owner: Vec<Option<usize>>,
    mentions: Vec<Mention>,
}

impl Claims {
    fn new(n: usize) -> Self {
        Claims { owner: vec![None; n], mentions: Vec::new() }
    }
    fn taken(&self, i: usize) -> bool {
        self.owner.get(i).is_some_and(|o| o.is_some())
    }
    fn free(&self, s: usize, e: usize) -> bool {
        e <= self.owner.len() && (s..e).all(|i| self.owner[i].is_none())
    }
    /// The end of the claim that covers token `i`.
    fn mention_end(&self, i: usize) -> Option<usize> {
        let owner = self.owner.get(i).copied().flatten()?;
        Some((i..self.owner.len()).find(|&j| self.owner[j] != Some(owner)).unwrap_or(self.owner.len()))
    }
    fn kind(&self, i: usize) -> Option<&MentionKind> {
        self.owner.get(i).copied().flatten().map(|m| &self.mentions[m].kind)
    }
    fn claim(&mut self, s: usize, e: usize, kind: MentionKind) {
        let id = self.mentions.len();
        self.mentions.push(Mention { start: s, end: e, kind });
        for o in &mut self.owner[s..e] {
            *o = Some(id);
        }
    }
    fn into_sorted(mut self) -> Vec<Mention> {
        self.mentions.sort_by_key(|m| m.start);
        self.mentions
    }
}
