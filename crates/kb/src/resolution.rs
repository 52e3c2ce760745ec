//! Entity resolution: where "OpenAI", "OpenAI Inc." and "openai" meet, where
//! "Facebook" is Meta, and where "Paul R. Girard" and "Paul Girard" are one
//! person.
//!
//! Every name the articles use is stored once under its key (folded, legal
//! forms dropped). Resolution then groups those names into entities, from
//! scratch each time, so that the result depends only on the set of names,
//! never on the order the articles came in:
//!
//! 1. organizations whose keys share an alias group (the extractor's
//!    gazetteer, `resources/org_aliases.tsv`, and the user's alias file);
//! 2. a person's name that the full name of exactly one other person extends
//!    ("John Thompson" in "John W. Thompson", "Girard" in "Paul Girard");
//! 3. the user's corrections (merge, split), in the order they were made, so
//!    that they survive every re-ingestion.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tenure_extract::fold::fold_name;

/// Legal forms dropped from organization keys ("OpenAI Inc" is OpenAI).
const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "sa", "ag", "gmbh", "se", "nv", "bv", "spa", "sas", "the",
];

/// The extractor's gazetteer, read-only: each line is an alias group.
const GAZETTEER: &str = include_str!("../../extract/resources/common/orgs.tsv");
/// Groups the knowledge base adds (renamed companies).
const KB_ALIASES: &str = include_str!("../resources/org_aliases.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Org,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
        }
    }

    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "person" => Some(EntityKind::Person),
            "org" | "organization" => Some(EntityKind::Org),
            _ => None,
        }
    }
}

/// The key a person's name is stored and looked up under.
pub fn person_key(name: &str) -> String {
    fold_name(name)
}

/// The key of an organization's name: folded, without legal forms.
pub fn org_key(name: &str) -> String {
    fold_name(name).split(' ').filter(|w| !LEGAL_SUFFIXES.contains(w)).collect::<Vec<_>>().join(" ")
}

pub fn key(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Person => person_key(name),
        EntityKind::Org => org_key(name),
    }
}

/// Alias groups: each key belongs to at most one group, with a canonical name.
#[derive(Clone, Debug, Default)]
pub struct Aliases {
    /// key → group index.
    group_of: HashMap<String, usize>,
    /// group index → canonical name (the first line's canonical wins).
    canonical: Vec<String>,
}

impl Aliases {
    /// The shipped organization groups: the gazetteer and the kb's own file.
    pub fn shipped_orgs() -> Aliases {
        let mut a = Aliases::default();
        a.add_tsv(EntityKind::Org, GAZETTEER);
        a.add_tsv(EntityKind::Org, KB_ALIASES);
        a
    }

    /// Adds lines `canonical<TAB>alias[|alias…]`; `#` starts a comment.
    /// Groups that share a name become one group.
    pub fn add_tsv(&mut self, kind: EntityKind, text: &str) {
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let canonical = cols.next().unwrap_or("").trim();
            let aliases: Vec<&str> = cols.flat_map(|c| c.split('|')).map(str::trim).filter(|a| !a.is_empty()).collect();
            self.add_group(kind, canonical, &aliases);
        }
    }

    pub fn add_group(&mut self, kind: EntityKind, canonical: &str, aliases: &[&str]) {
        let keys: Vec<String> = std::iter::once(canonical).chain(aliases.iter().copied()).map(|n| key(kind, n)).filter(|k| !k.is_empty()).collect();
        if keys.is_empty() {
            return;
        }
        // Join the first existing group any of these keys is in, and fold other groups into it.
        let existing: BTreeSet<usize> = keys.iter().filter_map(|k| self.group_of.get(k).copied()).collect();
        let g = match existing.first() {
            Some(&g) => g,
            None => {
                self.canonical.push(canonical.to_string());
                self.canonical.len() - 1
            }
        };
        for other in existing.iter().skip(1) {
            for v in self.group_of.values_mut() {
                if *v == *other {
                    *v = g;
                }
            }
        }
        for k in keys {
            self.group_of.insert(k, g);
        }
    }

    pub fn group(&self, key: &str) -> Option<usize> {
        self.group_of.get(key).copied()
    }

    pub fn canonical(&self, group: usize) -> &str {
        &self.canonical[group]
    }

    /// The keys of a group.
    pub fn keys(&self, group: usize) -> impl Iterator<Item = &str> {
        self.group_of.iter().filter(move |(_, g)| **g == group).map(|(k, _)| k.as_str())
    }
}

/// A user's correction, replayed after the automatic rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Correction {
    /// The entity of `absorbed` becomes part of the entity of `kept`, which keeps its name.
    Merge { kept: String, absorbed: String },
    /// The name `key` leaves its entity and stands alone.
    Split { key: String },
}

/// A stored name: its row id, as written, and its key.
#[derive(Clone, Debug)]
pub struct Name {
    pub id: i64,
    pub name: String,
    pub key: String,
}

/// Groups names of one kind into entities. Returns, for each name's id, the
/// id of the name that represents its entity.
pub fn resolve(kind: EntityKind, names: &[Name], aliases: &Aliases, corrections: &[Correction]) -> BTreeMap<i64, i64> {
    // Work in a canonical order so that the result ignores insertion order.
    let mut names: Vec<&Name> = names.iter().collect();
    names.sort_by(|a, b| a.key.cmp(&b.key).then(a.id.cmp(&b.id)));
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, n)| (n.key.as_str(), i)).collect();
    // cluster[i]: the cluster label of name i (the index of one member).
    let mut cluster: Vec<usize> = (0..names.len()).collect();
    let mut forced_rep: HashMap<usize, usize> = HashMap::new();
    let join = |cluster: &mut Vec<usize>, keep: usize, absorb: usize| {
        let (ck, ca) = (cluster[keep], cluster[absorb]);
        if ck != ca {
            for c in cluster.iter_mut() {
                if *c == ca {
                    *c = ck;
                }
            }
        }
    };
    // The automatic rules join through a union-find (`join` relabels every
    // name: quadratic over a million names). The root of a set is the label
    // `join` would give it: the kept side's root stays the root.
    let mut parent: Vec<usize> = (0..names.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut union = |keep: usize, absorb: usize| {
        let (rk, ra) = (root(&mut parent, keep), root(&mut parent, absorb));
        if rk != ra {
            parent[ra] = rk;
        }
    };
    // Names of one alias group are one entity (for persons, groups the user
    // wrote: "Greg Brockman", "@gdb").
    let mut first_of_group: HashMap<usize, usize> = HashMap::new();
    for (i, n) in names.iter().enumerate() {
        if let Some(g) = aliases.group(&n.key) {
            match first_of_group.get(&g) {
                Some(&f) => union(f, i),
                None => {
                    first_of_group.insert(g, i);
                }
            }
        }
    }
    // A shorter person name joins the one full name that extends it.
    if kind == EntityKind::Person {
        let tokens: Vec<Vec<&str>> = names.iter().map(|n| n.key.split(' ').collect()).collect();
        // Candidates by surname, and by first word and surname: a name of
        // several words is only extended by names that share both (see
        // `extends`), and a common surname is shared by thousands.
        let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_first_last: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
        for (i, t) in tokens.iter().enumerate() {
            if let (Some(first), Some(last)) = (t.first(), t.last()) {
                by_surname.entry(last).or_default().push(i);
                by_first_last.entry((first, last)).or_default().push(i);
            }
        }
        for (i, short) in tokens.iter().enumerate() {
            let (Some(first), Some(last)) = (short.first(), short.last()) else { continue };
            let candidates = if short.len() > 1 { &by_first_last[&(*first, *last)] } else { &by_surname[last] };
            let longer: Vec<usize> = candidates.iter().copied().filter(|&j| j != i && extends(&tokens[j], short)).collect();
            // The longest names extending this one; merge only when there is one.
            let maximal: Vec<usize> = longer.iter().copied().filter(|&j| !longer.iter().any(|&k| k != j && extends(&tokens[k], &tokens[j]))).collect();
            if let [only] = maximal[..] {
                union(only, i);
            }
        }
    }
    for (i, c) in cluster.iter_mut().enumerate() {
        *c = root(&mut parent, i);
    }
    for c in corrections {
        match c {
            Correction::Merge { kept, absorbed } => {
                if let (Some(&k), Some(&a)) = (index.get(kept.as_str()), index.get(absorbed.as_str())) {
                    let rep = forced_rep.get(&cluster[k]).copied().unwrap_or(k);
                    let ca = cluster[a];
                    join(&mut cluster, k, a);
                    forced_rep.remove(&ca);
                    forced_rep.insert(cluster[k], rep);
                }
            }
            Correction::Split { key } => {
                if let Some(&i) = index.get(key.as_str()) {
                    let old = cluster[i];
                    if old == i {
                        // It labels its cluster: move the label to another member.
                        if let Some(next) = (0..names.len()).find(|&j| j != i && cluster[j] == i) {
                            for c in cluster.iter_mut().filter(|c| **c == i) {
                                *c = next;
                            }
                            if let Some(r) = forced_rep.remove(&i) {
                                forced_rep.insert(next, r);
                            }
                        }
                    }
                    if forced_rep.get(&cluster[i]) == Some(&i) {
                        forced_rep.remove(&cluster[i]);
                    }
                    cluster[i] = i;
                    forced_rep.remove(&i);
                }
            }
        }
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, c) in cluster.iter().enumerate() {
        members.entry(*c).or_default().push(i);
    }
    let mut out = BTreeMap::new();
    for (label, group) in members {
        let rep = match forced_rep.get(&label) {
            Some(&r) if cluster[r] == label => r,
            _ => representative(kind, &names, &group, aliases),
        };
        for i in group {
            out.insert(names[i].id, names[rep].id);
        }
    }
    out
}

/// Whether the name `long` extends `short`: it has more words, the same
/// surname, and `short`'s words in order ("john thompson" in "john w thompson").
fn extends(long: &[&str], short: &[&str]) -> bool {
    if long.len() <= short.len() || long.last() != short.last() {
        return false;
    }
    if short.len() > 1 && long.first() != short.first() {
        return false;
    }
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// The name an entity is shown under: for an organization, the canonical
/// name of its alias group when present, else the shortest; for a person, the
/// fullest name.
fn representative(kind: EntityKind, names: &[&Name], group: &[usize], aliases: &Aliases) -> usize {
    let canonical = |i: usize| aliases.group(&names[i].key).is_some_and(|g| key(kind, aliases.canonical(g)) == names[i].key);
    *group
        .iter()
        .min_by(|&&a, &&b| {
            let (na, nb) = (names[a], names[b]);
            match kind {
                EntityKind::Org => canonical(b).cmp(&canonical(a)).then(na.key.len().cmp(&nb.key.len())),
                EntityKind::Person => nb.key.split(' ').count().cmp(&na.key.split(' ').count()).then(nb.key.len().cmp(&na.key.len())),
            }
            .then(na.key.cmp(&nb.key))
        })
        .expect("a cluster has members")
}

/// Which of two spellings of one key to show: not all capitals, then the
/// shorter ("Fabrikam" over "Fabrikam SA"), then the first in code-point order.
pub fn better_spelling(a: &str, b: &str) -> bool {
    let shouting = |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
    (shouting(a), a.chars().count(), a) < (shouting(b), b.chars().count(), b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str], kind: EntityKind) -> Vec<Name> {
        list.iter().enumerate().map(|(i, n)| Name { id: i as i64 + 1, name: n.to_string(), key: key(kind, n) }).collect()
    }

    /// The entity name each input name resolves to.
    fn resolved(kind: EntityKind, list: &[&str], aliases: &Aliases, corrections: &[Correction]) -> Vec<String> {
        let ns = names(list, kind);
        let map = resolve(kind, &ns, aliases, corrections);
        ns.iter().map(|n| ns.iter().find(|m| m.id == map[&n.id]).unwrap().name.clone()).collect()
    }

    #[test]
    fn keys_fold_case_accents_and_legal_forms() {
        assert_eq!(org_key("OpenAI, Inc."), org_key("openai"));
        assert_eq!(org_key("Télécom SA"), "telecom");
        assert_eq!(person_key("Greg  BROCKMAN"), person_key("greg brockman"));
        assert_ne!(person_key("Greg Brockman"), person_key("Brockman"));
    }

    #[test]
    fn renamed_companies_meet_and_parents_stay_apart() {
        let a = Aliases::shipped_orgs();
        let got = resolved(EntityKind::Org, &["Facebook", "Meta Platforms", "Twitter", "X Corp", "Alphabet", "Google"], &a, &[]);
        // Without the canonical name among them, the shortest name (the store adds the canonical one).
        assert_eq!(got, ["Facebook", "Facebook", "X Corp", "X Corp", "Alphabet", "Google"]);
        let got = resolved(EntityKind::Org, &["Facebook", "Meta", "Twitter", "X"], &a, &[]);
        assert_eq!(got, ["Meta", "Meta", "X", "X"], "the canonical name of the group is shown when an article uses it");
    }

    #[test]
    fn a_name_extended_by_one_full_name_is_that_person() {
        let none = Aliases::default();
        let got = resolved(EntityKind::Person, &["John Thompson", "John W. Thompson", "Girard", "Paul Girard", "Paul R. Girard"], &none, &[]);
        assert_eq!(got, ["John W. Thompson", "John W. Thompson", "Paul R. Girard", "Paul R. Girard", "Paul R. Girard"]);
        // Two full names extend "Thompson": it could be either, so it stays alone.
        let got = resolved(EntityKind::Person, &["Thompson", "John Thompson", "Mary Thompson"], &none, &[]);
        assert_eq!(got, ["Thompson", "John Thompson", "Mary Thompson"]);
        // Different first names never merge.
        let got = resolved(EntityKind::Person, &["Jean Martin", "Claire Martin"], &none, &[]);
        assert_eq!(got, ["Jean Martin", "Claire Martin"]);
    }

    #[test]
    fn user_aliases_and_corrections_apply_in_order() {
        let mut a = Aliases::default();
        a.add_tsv(EntityKind::Person, "Greg Brockman\t@gdb\n# comment\n");
        let list = ["Greg Brockman", "gdb", "Sam Altman", "Altman"];
        assert_eq!(resolved(EntityKind::Person, &list, &a, &[]), ["Greg Brockman", "Greg Brockman", "Sam Altman", "Sam Altman"]);
        let split = Correction::Split { key: "altman".into() };
        assert_eq!(resolved(EntityKind::Person, &list, &a, std::slice::from_ref(&split))[3], "Altman");
        let merge = Correction::Merge { kept: "gdb".into(), absorbed: "sam altman".into() };
        let got = resolved(EntityKind::Person, &list, &a, &[split.clone(), merge.clone()]);
        assert_eq!(got, ["gdb", "gdb", "gdb", "Altman"], "the kept side names the merged entity");
        let undo = Correction::Split { key: "sam altman".into() };
        assert_eq!(resolved(EntityKind::Person, &list, &a, &[split, merge, undo])[2], "Sam Altman");
    }

    #[test]
    fn resolution_ignores_insertion_order() {
        let a = Aliases::shipped_orgs();
        let list = ["Meta Platforms", "Facebook", "Contoso", "Meta"];
        let mut rev = list;
        rev.reverse();
        let mut x = resolved(EntityKind::Org, &list, &a, &[]);
        let mut y = resolved(EntityKind::Org, &rev, &a, &[]);
        x.sort();
        y.sort();
        assert_eq!(x, y);
    }

    #[test]
    fn spelling_prefers_mixed_case_and_short() {
        assert!(better_spelling("Fabrikam", "Fabrikam SA"));
        assert!(better_spelling("Greg Brockman", "GREG BROCKMAN"));
        assert!(!better_spelling("GREG BROCKMAN", "Greg Brockman"));
    }
}
