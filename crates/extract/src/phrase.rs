//! Phrase sets: the one matcher behind every lexicon.
//!
//! A phrase is a sequence of folded tokens; a token may be a prefix (`demission*`),
//! any one word (`*`), a gap of a few words (`...`), or a slot (`#` a number, `MONTH`, `WEEKDAY`, `YEAR`). Phrases are indexed by
//! their first literal token, so matching at a position looks at a handful of
//! candidates, and the longest match wins.

use crate::fold::Folded;
use crate::fxhash::FxHashMap;
use crate::wordset::WordFilter;

use crate::tokenize::{tokenize, Token, TokenKind, TokenRules};

#[derive(Clone, Debug, PartialEq)]
enum Pat {
    Word(Folded),
    Prefix(Folded),
    /// `*` alone: any one word ("tritt * zurück").
    Any,
    /// `...`: up to [`GAP_WORDS`] words or dates, no clause punctuation ("tritt ... zurück").
    Gap,
    Number,
    Month,
    Weekday,
    Year,
}

/// What slots mean in one language: the values of number words, month and weekday names.
pub trait Slots {
    fn number(&self, folded: &str) -> Option<u32>;
    fn month(&self, folded: &str) -> Option<u8>;
    fn weekday(&self, folded: &str) -> Option<u8>;
}

/// No slots: for lexicons that have none.
pub struct NoSlots;
impl Slots for NoSlots {
    fn number(&self, _: &str) -> Option<u32> {
        None
    }
    fn month(&self, _: &str) -> Option<u8> {
        None
    }
    fn weekday(&self, _: &str) -> Option<u8> {
        None
    }
}

/// Values read from the slots of a match.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SlotValues {
    pub number: Option<u32>,
    pub month: Option<u8>,
    pub weekday: Option<u8>,
    pub year: Option<i32>,
}

/// A match: how many tokens, which value, what the slots held.
#[derive(Debug)]
pub struct Match<'a, V> {
    pub len: usize,
    pub value: &'a V,
    pub slots: SlotValues,
}

pub struct PhraseSet<V> {
    phrases: Vec<(Vec<Pat>, V)>,
    by_first: FxHashMap<Folded, Bucket>,
    /// The keys of `by_first`, for a quick no before the hash lookup.
    first_filter: WordFilter,
    /// Phrases whose first token is a prefix or a slot.
    others: Vec<usize>,
}

/// The phrases that start with one word, indexed again by their second word,
/// so that a probe at a frequent word ("de", "a", "the") tries only the
/// phrases whose second word is the next token's. Every list is in insertion
/// order, which decides between matches of the same length.
#[derive(Default)]
struct Bucket {
    /// Phrases whose second token is not a literal word (or that have none).
    rest: Vec<usize>,
    /// For each literal second word, its phrases and those of `rest`, merged.
    by_second: FxHashMap<Folded, Vec<usize>>,
}

impl Bucket {
    fn add(&mut self, id: usize, second: Option<&Pat>) {
        match second {
            Some(Pat::Word(w)) => self.by_second.entry(w.clone()).or_insert_with(|| self.rest.clone()).push(id),
            _ => {
                self.rest.push(id);
                for ids in self.by_second.values_mut() {
                    ids.push(id);
                }
            }
        }
    }

    /// The phrases that may match where the token after the first is `next`.
    fn candidates(&self, next: Option<&Token>) -> &[usize] {
        next.and_then(|n| self.by_second.get(n.folded.as_str())).unwrap_or(&self.rest)
    }
}

impl<V> Default for PhraseSet<V> {
    fn default() -> Self {
        PhraseSet { phrases: Vec::new(), by_first: FxHashMap::default(), first_filter: WordFilter::default(), others: Vec::new() }
    }
}

impl<V> PhraseSet<V> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase, tokenized like the text it will be matched against.
    pub fn insert(&mut self, phrase: &str, value: V, rules: &TokenRules) {
        let mut pats = Vec::new();
        for word in phrase.split_whitespace() {
            match word {
                "#" => pats.push(Pat::Number),
                "MONTH" => pats.push(Pat::Month),
                "WEEKDAY" => pats.push(Pat::Weekday),
                "YEAR" => pats.push(Pat::Year),
                "*" => pats.push(Pat::Any),
                "..." => pats.push(Pat::Gap),
                _ => {
                    let (body, prefix) = match word.strip_suffix('*') {
                        Some(b) if !b.is_empty() => (b, true),
                        _ => (word, false),
                    };
                    let toks = tokenize(body, rules);
                    let n = toks.len();
                    for (k, t) in toks.into_iter().enumerate() {
                        if prefix && k + 1 == n {
                            pats.push(Pat::Prefix(t.folded));
                        } else {
                            pats.push(Pat::Word(t.folded));
                        }
                    }
                }
            }
        }
        if pats.is_empty() {
            return;
        }
        let id = self.phrases.len();
        match &pats[0] {
            Pat::Word(w) => {
                let new = !self.by_first.contains_key(w);
                self.by_first.entry(w.clone()).or_default().add(id, pats.get(1));
                if new {
                    self.first_filter.insert(w, || self.by_first.keys().map(Folded::as_str));
                }
            }
            _ => self.others.push(id),
        }
        self.phrases.push((pats, value));
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// The literal words phrases may start with, or `None` where some phrase
    /// starts with a prefix, `*` or `...` (any word may then start one).
    /// Phrases starting with a slot are left to the caller, who knows its slots.
    pub fn first_words(&self) -> Option<impl Iterator<Item = &str>> {
        let open = self.others.iter().any(|&id| matches!(self.phrases[id].0[0], Pat::Prefix(_) | Pat::Any | Pat::Gap));
        (!open).then(|| self.by_first.keys().map(Folded::as_str))
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Whether no phrase can start at a token whose folded form is `word`:
    /// the quick answer for most tokens, inlined where sets are scanned so
    /// that they pay no call for it.
    #[inline]
    fn starts_none(&self, word: &str) -> bool {
        self.others.is_empty() && !self.first_filter.may_contain(word)
    }

    /// The longest phrase that starts at token `i`.
    #[inline]
    pub fn longest_at<'a>(&'a self, toks: &[Token], i: usize, slots: &dyn Slots) -> Option<Match<'a, V>> {
        let first = toks.get(i)?;
        if self.starts_none(&first.folded) {
            return None;
        }
        self.longest_from(toks, i, first, slots)
    }

    fn longest_from<'a>(&'a self, toks: &[Token], i: usize, first: &Token, slots: &dyn Slots) -> Option<Match<'a, V>> {
        let candidates = self.candidates(toks, i, first, slots);
        let mut best: Option<Match<'a, V>> = None;
        for &id in candidates {
            let (pats, value) = &self.phrases[id];
            let mut values = SlotValues::default();
            if let Some(len) = match_pats(pats, toks, i, slots, &mut values) {
                if best.as_ref().is_none_or(|b| len > b.len) {
                    best = Some(Match { len, value, slots: values });
                }
            }
        }
        best
    }

    /// Every value whose phrase is the longest one starting at `i` (a phrase
    /// may stand in several entries, such as a verb of two event types).
    pub fn all_longest_at<'a>(&'a self, toks: &[Token], i: usize) -> Option<(usize, Vec<&'a V>)> {
        let first = toks.get(i)?;
        if self.starts_none(&first.folded) {
            return None;
        }
        let candidates = self.candidates(toks, i, first, &NoSlots);
        // Longest first; among equals, the phrases that spell out more words
        // ("zieht sich vorübergehend zurück" over "zieht sich * zurück").
        let mut best: Option<(usize, usize, Vec<&'a V>)> = None;
        for &id in candidates {
            let (pats, value) = &self.phrases[id];
            let Some(n) = match_pats(pats, toks, i, &NoSlots, &mut SlotValues::default()) else { continue };
            let words = pats.iter().filter(|p| matches!(p, Pat::Word(_))).count();
            match &mut best {
                Some((len, w, values)) if *len == n && *w == words => values.push(value),
                Some((len, w, _)) if *len > n || (*len == n && *w > words) => {}
                _ => best = Some((n, words, vec![value])),
            }
        }
        best.map(|(n, _, values)| (n, values))
    }

    /// The phrases that may start at `i` (whose token is `first`), in insertion
    /// order within the word-first ones, then the others in insertion order:
    /// the order in which a plain scan of all of them would find matches.
    fn candidates<'s>(&'s self, toks: &'s [Token], i: usize, first: &'s Token, slots: &'s dyn Slots) -> impl Iterator<Item = &'s usize> + 's {
        let words = match self.first_filter.may_contain(&first.folded) {
            true => self.by_first.get(first.folded.as_str()).map_or(&[][..], |b| b.candidates(toks.get(i + 1))),
            false => &[][..],
        };
        // Slots and prefixes need the token to fit: checked once per kind of slot.
        let mut fits = [None::<bool>; 6];
        let others = self.others.iter().filter(move |&&id| {
            let pat = &self.phrases[id].0[0];
            let k = match pat {
                Pat::Number => 0,
                Pat::Month => 1,
                Pat::Weekday => 2,
                Pat::Year => 3,
                Pat::Any | Pat::Prefix(_) => 4,
                Pat::Gap | Pat::Word(_) => return true,
            };
            if let Pat::Prefix(p) = pat {
                return first.kind != TokenKind::Punct && first.folded.starts_with(p.as_str());
            }
            *fits[k].get_or_insert_with(|| match k {
                0 => {
                    if first.kind == TokenKind::Number && first.folded.len() <= 3 {
                        first.folded.parse::<u32>().is_ok()
                    } else {
                        slots.number(&first.folded).is_some()
                    }
                }
                1 => slots.month(&first.folded).is_some(),
                2 => slots.weekday(&first.folded).is_some(),
                3 => year_of(first).is_some(),
                _ => first.kind != TokenKind::Punct,
            })
        });
        words.iter().chain(others)
    }

    /// Whether a phrase starts at `i`.
    pub fn matches_at(&self, toks: &[Token], i: usize) -> bool {
        self.longest_at(toks, i, &NoSlots).is_some()
    }

    /// Every non-overlapping longest match in `toks[range]`, left to right.
    pub fn find_all<'a>(&'a self, toks: &[Token], range: std::ops::Range<usize>, slots: &dyn Slots) -> Vec<(usize, Match<'a, V>)> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            match self.longest_at(&toks[..range.end], i, slots) {
                Some(m) => {
                    let len = m.len;
                    out.push((i, m));
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether any phrase occurs in `toks[range]`.
    pub fn occurs_in(&self, toks: &[Token], range: std::ops::Range<usize>) -> bool {
        let end = range.end.min(toks.len());
        (range.start..end).any(|i| self.longest_at(&toks[..end], i, &NoSlots).is_some())
    }
}

/// The most words a `...` gap covers: a German middle field holds a name, a
/// date and a title ("löst Anna Weber zum 1. Juli als Finanzvorstand von
/// Siemens ab"); clause punctuation still ends it.
const GAP_WORDS: usize = 10;

/// Matches `pats` at token `i`; returns the number of tokens covered.
fn match_pats(pats: &[Pat], toks: &[Token], i: usize, slots: &dyn Slots, values: &mut SlotValues) -> Option<usize> {
    let Some((pat, rest)) = pats.split_first() else { return Some(0) };
    if *pat == Pat::Gap {
        // Shortest gap first, so the closing word is the nearest one.
        for skip in 0..=GAP_WORDS {
            if skip > 0 {
                let t = toks.get(i + skip - 1)?;
                if t.kind == TokenKind::Punct && !matches!(t.folded.as_str(), "." | "-") {
                    return None;
                }
            }
            if let Some(n) = match_pats(rest, toks, i + skip, slots, values) {
                return Some(skip + n);
            }
        }
        return None;
    }
    let t = toks.get(i)?;
    let ok = match pat {
        Pat::Word(w) => t.folded == *w,
        Pat::Prefix(p) => t.folded.starts_with(p.as_str()) && t.kind != TokenKind::Punct,
        Pat::Any => t.kind != TokenKind::Punct,
        Pat::Gap => unreachable!(),
        Pat::Number => {
            let n = if t.kind == TokenKind::Number && t.folded.len() <= 3 { t.folded.parse().ok() } else { slots.number(&t.folded) };
            values.number = n;
            n.is_some()
        }
        Pat::Month => {
            values.month = slots.month(&t.folded);
            values.month.is_some()
        }
        Pat::Weekday => {
            values.weekday = slots.weekday(&t.folded);
            values.weekday.is_some()
        }
        Pat::Year => {
            values.year = year_of(t);
            values.year.is_some()
        }
    };
    if !ok {
        return None;
    }
    match_pats(rest, toks, i + 1, slots, values).map(|n| n + 1)
}

/// A four-digit year between 1800 and 2199.
pub fn year_of(t: &Token) -> Option<i32> {
    if t.kind != TokenKind::Number || t.folded.len() != 4 {
        return None;
    }
    t.folded.parse().ok().filter(|y| (1800..2200).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_and_prefixes() {
        let rules = TokenRules::default();
        let mut set = PhraseSet::new();
        set.insert("directeur general", "ceo", &rules);
        set.insert("directeur general delegue", "other", &rules);
        set.insert("demission*", "resign", &rules);
        let toks = tokenize("Le directeur général délégué démissionne", &rules);
        let all = set.find_all(&toks, 0..toks.len(), &NoSlots);
        let got: Vec<(usize, &str)> = all.iter().map(|(i, m)| (*i, *m.value)).collect();
        assert_eq!(got, [(1, "other"), (4, "resign")]);
    }

    #[test]
    fn gaps_span_a_few_words_but_not_a_clause() {
        let rules = TokenRules::default();
        let mut set = PhraseSet::new();
        set.insert("tritt ... zuruck", (), &rules);
        let toks = tokenize("Becker tritt am 1. Oktober zurück", &rules);
        assert_eq!(set.longest_at(&toks, 1, &NoSlots).map(|m| m.len), Some(6));
        let toks = tokenize("Becker tritt an, und Müller zurück", &rules);
        assert!(set.longest_at(&toks, 1, &NoSlots).is_none());
    }

    #[test]
    fn slots_read_numbers_and_years() {
        struct Words;
        impl Slots for Words {
            fn number(&self, f: &str) -> Option<u32> {
                (f == "neuf").then_some(9)
            }
            fn month(&self, _: &str) -> Option<u8> {
                None
            }
            fn weekday(&self, _: &str) -> Option<u8> {
                None
            }
        }
        let rules = TokenRules::default();
        let mut set = PhraseSet::new();
        set.insert("il y a # ans", 1, &rules);
        set.insert("fin YEAR", 2, &rules);
        let toks = tokenize("il y a neuf ans, fin 2024", &rules);
        let m = set.longest_at(&toks, 0, &Words).unwrap();
        assert_eq!((m.len, m.slots.number), (5, Some(9)));
        let m = set.longest_at(&toks, 6, &Words).unwrap();
        assert_eq!(m.slots.year, Some(2024));
    }
}
