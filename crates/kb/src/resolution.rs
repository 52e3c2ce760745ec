//! Entity keys: where "OpenAI", "OpenAI Inc." and "openai" meet, and "Greg
//! Brockman" and "GREG BROCKMAN" are one person.
//!
//! Extraction already gives each person the fullest name an article uses and
//! each well-known organization its gazetteer name; the store then merges
//! names by these keys.

use tenure_extract::fold::fold_name;

/// Legal forms dropped from organization keys ("OpenAI Inc" is OpenAI).
const LEGAL_SUFFIXES: &[&str] = &[
    "inc", "corp", "corporation", "co", "ltd", "limited", "llc", "plc", "sa", "ag", "gmbh", "se", "nv", "bv", "spa", "sas", "the",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_accents_and_legal_forms() {
        assert_eq!(org_key("OpenAI, Inc."), org_key("openai"));
        assert_eq!(org_key("Télécom SA"), "telecom");
        assert_eq!(person_key("Greg  BROCKMAN"), person_key("greg brockman"));
        assert_ne!(person_key("Greg Brockman"), person_key("Brockman"));
    }
}
