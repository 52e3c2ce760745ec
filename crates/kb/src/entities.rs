//! Resolution over the store: which stored names make one entity, and the
//! user's corrections to that.
//!
//! Resolution is recomputed from the stored names, the alias groups and the
//! corrections whenever a name is new (its `canonical_id` is null), so a
//! merge or split made today still holds after tomorrow's ingest, and the
//! entities do not depend on the order in which articles arrived.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use crate::resolution::{self, key, Aliases, Correction, EntityKind, Name};
use crate::store::Store;
use crate::{KbError, Result};

/// An entity as listed by `tenure entities`.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EntityRow {
    pub kind: &'static str,
    pub name: String,
    /// The other names stored for it, as written.
    pub aliases: Vec<String>,
    /// Events that name it (as person, organization or counterpart).
    pub events: i64,
}

const KINDS: [EntityKind; 2] = [EntityKind::Person, EntityKind::Org];

impl Store {
    /// Resolves when some stored name has not been resolved yet.
    pub fn ensure_resolved(&self) -> Result<()> {
        let pending = self.conn.query_row("SELECT 1 FROM entities WHERE canonical_id IS NULL LIMIT 1", [], |_| Ok(())).optional()?.is_some();
        if pending {
            self.resolve()?;
        }
        Ok(())
    }

    /// Recomputes every name's entity (see [`resolution`]) in one transaction.
    pub fn resolve(&self) -> Result<()> {
        // IMMEDIATE: take the write lock before reading, so that a query resolving
        // new names while another process ingests waits its turn (busy_timeout)
        // instead of failing to upgrade a read transaction ("database is locked").
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
        for kind in KINDS {
            let aliases = self.aliases(kind)?;
            if kind == EntityKind::Org {
                add_canonical_names(&tx, &aliases)?;
            }
            let names: Vec<Name> = tx
                .prepare("SELECT id, name, key FROM entities WHERE kind = ?1")?
                .query_map([kind.as_str()], |r| Ok(Name { id: r.get(0)?, name: r.get(1)?, key: r.get(2)? }))?
                .collect::<Result<_, _>>()?;
            let corrections = self.corrections(kind)?;
            let map = resolution::resolve(kind, &names, &aliases, &corrections);
            // One UPDATE of the names whose entity changed, from a temporary
            // table: an UPDATE per name rewrote every name on each run (and
            // after an ingest of 180,000 names, that was a fifth of the
            // time spent after the documents were stored).
            tx.execute_batch("CREATE TEMP TABLE IF NOT EXISTS resolved (id INTEGER PRIMARY KEY, rep INTEGER NOT NULL); DELETE FROM temp.resolved;")?;
            let mut insert = tx.prepare_cached("INSERT INTO temp.resolved (id, rep) VALUES (?1, ?2)")?;
            for (id, rep) in &map {
                insert.execute(params![id, rep])?;
            }
            tx.execute(
                "UPDATE entities SET canonical_id = r.rep FROM temp.resolved r WHERE r.id = entities.id AND entities.canonical_id IS NOT r.rep",
                [],
            )?;
            tx.execute("DELETE FROM temp.resolved", [])?;
            // Alias keys of present entities that no article used, for lookups ("Twitter" finds X).
            tx.execute("DELETE FROM aliases WHERE kind = ?1", [kind.as_str()])?;
            let by_key: BTreeMap<&str, i64> = names.iter().map(|n| (n.key.as_str(), n.id)).collect();
            let mut groups: BTreeMap<usize, i64> = BTreeMap::new();
            for n in &names {
                if let Some(g) = aliases.group(&n.key) {
                    groups.entry(g).or_insert(map[&n.id]);
                }
            }
            let mut insert = tx.prepare_cached("INSERT OR IGNORE INTO aliases (kind, key, entity_id) VALUES (?1, ?2, ?3)")?;
            for (g, rep) in groups {
                for k in aliases.keys(g).filter(|k| !by_key.contains_key(k)) {
                    insert.execute(params![kind.as_str(), k, rep])?;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The alias groups of a kind: shipped (organizations) and the user's.
    fn aliases(&self, kind: EntityKind) -> Result<Aliases> {
        let mut a = if kind == EntityKind::Org { Aliases::shipped_orgs() } else { Aliases::default() };
        let mut stmt = self.conn.prepare("SELECT canonical, alias FROM user_aliases WHERE kind = ?1 ORDER BY canonical, alias")?;
        let rows: Vec<(String, String)> = stmt.query_map([kind.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<Result<_, _>>()?;
        for (canonical, alias) in rows {
            a.add_group(kind, &canonical, &[&alias]);
        }
        Ok(a)
    }

    fn corrections(&self, kind: EntityKind) -> Result<Vec<Correction>> {
        let mut stmt = self.conn.prepare("SELECT action, key, other_key FROM corrections WHERE kind = ?1 ORDER BY id")?;
        let rows = stmt.query_map([kind.as_str()], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (action, k, other) = row?;
            out.push(match (action.as_str(), other) {
                ("merge", Some(absorbed)) => Correction::Merge { kept: k, absorbed },
                _ => Correction::Split { key: k },
            });
        }
        Ok(out)
    }

    /// Adds the lines of a user alias file (`canonical<TAB>alias[|alias…]`),
    /// for persons and organizations alike, and resolves again. Returns the
    /// number of new alias pairs.
    pub fn add_aliases(&mut self, tsv: &str) -> Result<usize> {
        let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut added = 0;
        for line in tsv.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#')) {
            let mut cols = line.split('\t');
            let canonical = cols.next().unwrap_or("").trim();
            for alias in cols.flat_map(|c| c.split('|')).map(str::trim).filter(|a| !a.is_empty()) {
                for kind in KINDS {
                    added += tx.execute("INSERT OR IGNORE INTO user_aliases (kind, canonical, alias) VALUES (?1, ?2, ?3)", params![kind.as_str(), canonical, alias])?;
                }
            }
        }
        tx.commit()?;
        self.resolve()?;
        Ok(added / KINDS.len())
    }

    /// The stored name `name` designates: its own key, else the
    /// representative of the entity it resolves to.
    fn stored_key(&self, kind: EntityKind, name: &str) -> Result<String> {
        let k = key(kind, name);
        if self.conn.query_row("SELECT 1 FROM entities WHERE kind = ?1 AND key = ?2", params![kind.as_str(), k], |_| Ok(())).optional()?.is_some() {
            return Ok(k);
        }
        let (id, _) = self.find_entity(kind, name)?.ok_or_else(|| KbError::NotFound { kind: kind.as_str(), name: name.to_string() })?;
        Ok(self.conn.query_row("SELECT key FROM entities WHERE id = ?1", [id], |r| r.get(0))?)
    }

    /// The kind both names are stored under, when `kind` is not given.
    pub fn kind_of(&self, names: &[&str]) -> Result<EntityKind> {
        let mut found = Vec::new();
        for kind in KINDS {
            let mut all = true;
            for n in names {
                all &= self.find_entity(kind, n)?.is_some();
            }
            if all {
                found.push(kind);
            }
        }
        match found[..] {
            [one] => Ok(one),
            [] => Err(KbError::NotFound { kind: "entity", name: names.join(" / ") }),
            _ => Err(KbError::Ambiguous(names.join(" / "))),
        }
    }

    /// Makes `absorbed` part of `kept`'s entity, which keeps its name. The
    /// correction is stored and replayed after every ingest.
    pub fn merge(&self, kind: EntityKind, kept: &str, absorbed: &str) -> Result<String> {
        let (k, a) = (self.stored_key(kind, kept)?, self.stored_key(kind, absorbed)?);
        if self.find_entity(kind, kept)? == self.find_entity(kind, absorbed)? {
            return Err(KbError::Correction(format!("{kept:?} and {absorbed:?} are already one {}", kind.as_str())));
        }
        self.conn.execute("INSERT INTO corrections (kind, action, key, other_key) VALUES (?1, 'merge', ?2, ?3)", params![kind.as_str(), k, a])?;
        self.resolve()?;
        Ok(self.find_entity(kind, kept)?.map(|(_, n)| n).unwrap_or_default())
    }

    /// Takes the name `name` out of the entity it was resolved into.
    pub fn split(&self, kind: EntityKind, name: &str) -> Result<()> {
        self.ensure_resolved()?;
        let k = key(kind, name);
        let row: Option<(i64, i64)> = self
            .conn
            .query_row("SELECT id, canonical_id FROM entities WHERE kind = ?1 AND key = ?2", params![kind.as_str(), k], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((id, canonical)) = row else { return Err(KbError::NotFound { kind: kind.as_str(), name: name.to_string() }) };
        let others: i64 = self.conn.query_row("SELECT count(*) FROM entities WHERE canonical_id = ?1 AND id != ?2", params![canonical, id], |r| r.get(0))?;
        if id == canonical && others == 0 {
            return Err(KbError::Correction(format!("{name:?} is not merged with any other name")));
        }
        self.conn.execute("INSERT INTO corrections (kind, action, key) VALUES (?1, 'split', ?2)", params![kind.as_str(), k])?;
        self.resolve()
    }

    /// Entities, with their other names and how many events name them,
    /// optionally of one kind and matching `query` (folded, in any of their names).
    pub fn entities(&self, kind: Option<EntityKind>, query: Option<&str>) -> Result<Vec<EntityRow>> {
        self.ensure_resolved()?;
        let mut out = Vec::new();
        for k in KINDS.into_iter().filter(|k| kind.is_none_or(|x| x == *k)) {
            let mut stmt = self.conn.prepare(
                "SELECT c.id, c.name, e.name, e.key,
                        (SELECT count(*) FROM events ev WHERE ev.person_id = e.id OR ev.org_id = e.id OR ev.counterpart_id = e.id)
                 FROM entities e JOIN entities c ON c.id = coalesce(e.canonical_id, e.id) WHERE e.kind = ?1",
            )?;
            let rows = stmt.query_map([k.as_str()], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, i64>(4)?)))?;
            // (name, id) → (other names, keys of all names, events)
            type Members = (BTreeSet<String>, Vec<String>, i64);
            let mut by_entity: BTreeMap<(String, i64), Members> = BTreeMap::new();
            for row in rows {
                let (id, name, member, member_key, n) = row?;
                let e = by_entity.entry((name.clone(), id)).or_default();
                if member != name {
                    e.0.insert(member);
                }
                e.1.push(member_key);
                e.2 += n;
            }
            let q = query.map(|q| key(k, q));
            for ((name, _), (aliases, keys, events)) in by_entity {
                if q.as_deref().is_some_and(|q| !keys.iter().any(|mk| mk.contains(q))) {
                    continue;
                }
                if events == 0 && aliases.is_empty() {
                    continue; // an alias group's canonical name that no article uses
                }
                out.push(EntityRow { kind: k.as_str(), name, aliases: aliases.into_iter().collect(), events });
            }
        }
        Ok(out)
    }
}

/// For each alias group of which an article names a member, the group's
/// canonical name as a stored name, so the entity is shown under it.
fn add_canonical_names(tx: &rusqlite::Transaction, aliases: &Aliases) -> Result<()> {
    let keys: Vec<String> = tx.prepare("SELECT key FROM entities WHERE kind = 'org'")?.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    let groups: BTreeSet<usize> = keys.iter().filter_map(|k| aliases.group(k)).collect();
    for g in groups {
        let name = aliases.canonical(g);
        tx.execute("INSERT OR IGNORE INTO entities (kind, name, key) VALUES ('org', ?1, ?2)", params![name, key(EntityKind::Org, name)])?;
    }
    Ok(())
}
