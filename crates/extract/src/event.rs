//! The events tenure extracts, as the interchange contract prints them.
//!
//! Field names and values follow `shared/spec/events.md`; the order of the
//! fields is the order of the spec's table, so JSON Lines read well.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    Start,
    End,
    Absence,
    Return,
    Dissolution,
    Held,
}

impl EventType {
    pub const ALL: [EventType; 6] = [
        EventType::Start,
        EventType::End,
        EventType::Absence,
        EventType::Return,
        EventType::Dissolution,
        EventType::Held,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Start => "start",
            EventType::End => "end",
            EventType::Absence => "absence",
            EventType::Return => "return",
            EventType::Dissolution => "dissolution",
            EventType::Held => "held",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The manners the spec allows for this type.
    pub fn manners(self) -> &'static [&'static str] {
        match self {
            EventType::Start => &["joined", "appointed", "promoted", "founded", "elected"],
            EventType::End => &["resigned", "removed", "retired", "died", "unspecified"],
            EventType::Absence => &["sabbatical", "medical", "parental", "unspecified"],
            EventType::Return => &["reinstated", "returned"],
            EventType::Dissolution => &["dissolved", "replaced"],
            EventType::Held => &["current", "past"],
        }
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Actual,
    Planned,
    Speculative,
    Denied,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Planned => "planned",
            Status::Speculative => "speculative",
            Status::Denied => "denied",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Status::Actual, Status::Planned, Status::Speculative, Status::Denied]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// The span of the article that states the event, in characters (Unicode scalar values).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The role codes of the spec.
pub const ROLE_CODES: &[&str] = &[
    "ceo", "president", "chair", "cfo", "coo", "cto", "cpo", "cmo", "cio", "ciso", "chief_scientist",
    "general_counsel", "founder", "cofounder", "board_member", "executive_director", "managing_director", "vp",
    "head", "researcher", "engineer", "employee", "advisor", "other",
];

/// Seniority of a role code, higher is more senior: a person with several
/// roles gets the most senior one on a change event.
pub fn seniority(role: &str) -> u8 {
    match role {
        "ceo" => 20,
        "chair" => 19,
        "president" => 18,
        "cfo" | "coo" | "cto" | "cpo" | "cmo" | "cio" | "ciso" | "chief_scientist" | "general_counsel" => 14,
        // Founding is history more than a post: a founder who is also CTO leaves as CTO.
        "founder" => 13,
        "cofounder" => 12,
        "executive_director" | "managing_director" => 12,
        "board_member" => 11,
        "vp" => 10,
        "head" => 8,
        "other" => 6,
        "advisor" => 5,
        "researcher" | "engineer" => 4,
        _ => 1,
    }
}

/// One extracted event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub doc: String,
    #[serde(rename = "type")]
    pub kind: EventType,
    pub person: Option<String>,
    pub org: String,
    pub unit: Option<String>,
    pub role: Option<String>,
    pub role_text: Option<String>,
    pub date: Option<String>,
    pub until: Option<String>,
    pub counterpart: Option<String>,
    pub manner: Option<String>,
    pub status: Status,
    pub evidence: Evidence,
    pub confidence: f32,
    /// Set when the article gave no publication date and the one dates were
    /// resolved against was read from its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_inferred: Option<String>,
}
