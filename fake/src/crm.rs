//! The CRM objects the fake stores, per account: contacts and companies,
//! their properties (with history), archiving, associations between them,
//! and the search filters HubSpot's CRM search applies.
//!
//! The HTTP side is `routes::crm`; this module knows nothing of requests.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde_json::{Map, Value, json};

use crate::state::Ids;

/// A CRM object type the fake stores.
///
/// ```
/// use hubspot_fake::CrmObjectType;
/// assert_eq!(CrmObjectType::Contacts.name(), "contacts");
/// assert_eq!(CrmObjectType::Companies.type_id(), "0-2");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CrmObjectType {
    /// Contacts (`contacts`, type id `0-1`): `email` is unique per account.
    Contacts,
    /// Companies (`companies`, type id `0-2`).
    Companies,
}

impl CrmObjectType {
    /// The plural name HubSpot uses in paths: `contacts`, `companies`.
    pub const fn name(self) -> &'static str {
        match self {
            CrmObjectType::Contacts => "contacts",
            CrmObjectType::Companies => "companies",
        }
    }

    /// HubSpot's numeric object type id: `0-1`, `0-2`.
    pub const fn type_id(self) -> &'static str {
        match self {
            CrmObjectType::Contacts => "0-1",
            CrmObjectType::Companies => "0-2",
        }
    }

    /// The singular name, as in association type names (`contact_to_company`).
    pub(crate) const fn singular(self) -> &'static str {
        match self {
            CrmObjectType::Contacts => "contact",
            CrmObjectType::Companies => "company",
        }
    }

    /// The capitalised singular, for messages (`Contact already exists`).
    pub(crate) const fn label(self) -> &'static str {
        match self {
            CrmObjectType::Contacts => "Contact",
            CrmObjectType::Companies => "Company",
        }
    }

    /// The type an `{objectType}` path segment or `associations` entry
    /// names: plural, singular or numeric id, as HubSpot accepts them.
    pub(crate) fn parse(name: &str) -> Option<CrmObjectType> {
        match name.to_ascii_lowercase().as_str() {
            "contacts" | "contact" | "0-1" => Some(CrmObjectType::Contacts),
            "companies" | "company" | "0-2" => Some(CrmObjectType::Companies),
            _ => None,
        }
    }

    /// The properties a read answers when it does not name any, as HubSpot
    /// does.
    pub(crate) const fn default_properties(self) -> &'static [&'static str] {
        match self {
            CrmObjectType::Contacts => &[
                "createdate",
                "email",
                "firstname",
                "hs_object_id",
                "lastmodifieddate",
                "lastname",
            ],
            CrmObjectType::Companies => &[
                "createdate",
                "domain",
                "hs_lastmodifieddate",
                "hs_object_id",
                "name",
            ],
        }
    }

    /// The property holding the last modification time (companies have
    /// `hs_lastmodifieddate`, contacts `lastmodifieddate`).
    pub(crate) const fn modified_property(self) -> &'static str {
        match self {
            CrmObjectType::Contacts => "lastmodifieddate",
            CrmObjectType::Companies => "hs_lastmodifieddate",
        }
    }

    /// The properties a search's free-text `query` looks in.
    const fn searchable(self) -> &'static [&'static str] {
        match self {
            CrmObjectType::Contacts => &[
                "email",
                "firstname",
                "lastname",
                "phone",
                "mobilephone",
                "company",
            ],
            CrmObjectType::Companies => &["name", "domain", "website", "phone"],
        }
    }

    /// The properties the fake sets itself on every write.
    pub(crate) fn system_properties(self) -> [&'static str; 3] {
        ["createdate", self.modified_property(), "hs_object_id"]
    }
}

/// A CRM object to create when the fake starts ([`FakeConfig::crm_seed`]).
/// Seeding is an upsert: a contact whose `email` (compared
/// case-insensitively) is already stored gets these properties merged in
/// rather than a twin.
///
/// ```
/// use hubspot_fake::{CrmObjectType, CrmSeed};
/// let seed = CrmSeed::contact([("email", "grace@example.com"), ("firstname", "Grace")]).in_account(101);
/// assert_eq!(seed.object_type, CrmObjectType::Contacts);
/// assert_eq!(seed.hub_id, Some(101));
/// assert_eq!(seed.properties["firstname"], "Grace");
/// ```
///
/// [`FakeConfig::crm_seed`]: crate::FakeConfig::crm_seed
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrmSeed {
    /// Contact or company.
    pub object_type: CrmObjectType,
    /// The account to create it in; `None` for every account (each gets
    /// its own copy, with its own id).
    pub hub_id: Option<i64>,
    /// Its properties (`createdate`, the last-modified date and
    /// `hs_object_id` are set by the fake).
    pub properties: BTreeMap<String, String>,
}

impl CrmSeed {
    /// A contact with these properties, in every account.
    pub fn contact<K: Into<String>, V: Into<String>>(
        properties: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        CrmSeed::new(CrmObjectType::Contacts, properties)
    }

    /// A company with these properties, in every account.
    pub fn company<K: Into<String>, V: Into<String>>(
        properties: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        CrmSeed::new(CrmObjectType::Companies, properties)
    }

    /// An object of `object_type` with these properties, in every account.
    pub fn new<K: Into<String>, V: Into<String>>(
        object_type: CrmObjectType,
        properties: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        CrmSeed {
            object_type,
            hub_id: None,
            properties: properties
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// The same object, in account `hub_id` only.
    pub fn in_account(mut self, hub_id: i64) -> Self {
        self.hub_id = Some(hub_id);
        self
    }

    /// What [`FakeConfig::default`](crate::FakeConfig) seeds in every
    /// account: the contact of the seeded visitor `V-2001`, Ada Lovelace
    /// (`ada@example.com`).
    pub fn samples() -> Vec<CrmSeed> {
        vec![CrmSeed::contact([
            ("email", "ada@example.com"),
            ("firstname", "Ada"),
            ("lastname", "Lovelace"),
        ])]
    }
}

/// Where a property value came from, as `propertiesWithHistory` reports it.
pub(crate) const SOURCE_API: &str = "API";
/// A value set when a conversation's visitor became a contact.
pub(crate) const SOURCE_CONVERSATIONS: &str = "CONVERSATIONS";

/// One value a property had.
#[derive(Debug, Clone)]
pub(crate) struct Revision {
    pub(crate) value: String,
    pub(crate) timestamp: String,
    pub(crate) source: &'static str,
}

/// An association to another object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Association {
    pub(crate) to: u64,
    pub(crate) to_type: CrmObjectType,
}

/// One stored contact or company.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub(crate) id: u64,
    pub(crate) object_type: CrmObjectType,
    /// Current values (a property set to `""` is removed, as HubSpot
    /// clears it).
    pub(crate) properties: BTreeMap<String, String>,
    /// Every value each property had, oldest first.
    pub(crate) history: BTreeMap<String, Vec<Revision>>,
    pub(crate) created_at: String,
    pub(crate) updated_at: String,
    pub(crate) archived_at: Option<String>,
    pub(crate) associations: Vec<Association>,
}

impl Record {
    /// Whether it was archived.
    pub(crate) fn archived(&self) -> bool {
        self.archived_at.is_some()
    }

    /// A property's value.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.properties.get(name).map(String::as_str)
    }

    /// Sets properties (`""` clears one), keeping their history.
    fn set(&mut self, properties: &BTreeMap<String, String>, now: &str, source: &'static str) {
        for (name, value) in properties {
            if value.is_empty() {
                self.properties.remove(name);
            } else {
                self.properties.insert(name.clone(), value.clone());
            }
            self.history
                .entry(name.clone())
                .or_default()
                .push(Revision {
                    value: value.clone(),
                    timestamp: now.to_owned(),
                    source,
                });
        }
    }

    /// Sets the system properties for a write at `now`.
    fn stamp(&mut self, now: &str) {
        let mut system = BTreeMap::new();
        if !self.properties.contains_key("createdate") {
            system.insert("createdate".to_owned(), self.created_at.clone());
            system.insert("hs_object_id".to_owned(), self.id.to_string());
        }
        system.insert(
            self.object_type.modified_property().to_owned(),
            now.to_owned(),
        );
        self.set(&system, now, SOURCE_API);
        self.updated_at = now.to_owned();
    }
}

/// Which parts of an object a response shows.
#[derive(Debug, Clone, Default)]
pub(crate) struct View {
    /// The properties to show; `None` for the type's defaults.
    pub(crate) properties: Option<Vec<String>>,
    /// The properties to show with their history.
    pub(crate) with_history: Vec<String>,
    /// The associated types to list (`associations`), for the responses
    /// whose schema has them.
    pub(crate) associations: Vec<CrmObjectType>,
}

impl Record {
    /// The object as a `SimplePublicObject` (with `associations` when the
    /// view asks for some: `SimplePublicObjectWithAssociations`).
    pub(crate) fn to_json(&self, view: &View) -> Value {
        let defaults = self.object_type.default_properties();
        let names: Vec<&str> = match &view.properties {
            Some(names) => names.iter().map(String::as_str).collect(),
            None => defaults.to_vec(),
        };
        // Unset properties that were asked for are left out: HubSpot sends
        // them as `null`, which the specs' `string` values do not allow.
        let properties: Map<String, Value> = names
            .iter()
            .filter_map(|name| {
                self.get(name)
                    .map(|v| ((*name).to_owned(), Value::String(v.to_owned())))
            })
            .collect();
        let mut object = json!({
            "id": self.id.to_string(),
            "properties": properties,
            "createdAt": self.created_at,
            "updatedAt": self.updated_at,
            "archived": self.archived(),
        });
        let map = object.as_object_mut().expect("an object");
        if let Some(at) = &self.archived_at {
            map.insert("archivedAt".into(), Value::String(at.clone()));
        }
        if !view.with_history.is_empty() {
            let history: Map<String, Value> = view
                .with_history
                .iter()
                .filter_map(|name| {
                    let revisions = self.history.get(name)?;
                    let values: Vec<Value> = revisions
                        .iter()
                        .rev()
                        .map(|r| {
                            json!({ "value": r.value, "timestamp": r.timestamp, "sourceType": r.source })
                        })
                        .collect();
                    Some((name.clone(), Value::Array(values)))
                })
                .collect();
            map.insert("propertiesWithHistory".into(), Value::Object(history));
        }
        let mut associations = Map::new();
        for to_type in &view.associations {
            let results: Vec<Value> = self
                .associations
                .iter()
                .filter(|a| a.to_type == *to_type)
                .map(|a| {
                    json!({
                        "id": a.to.to_string(),
                        "type": format!("{}_to_{}", self.object_type.singular(), to_type.singular()),
                    })
                })
                .collect();
            if !results.is_empty() {
                associations.insert(to_type.name().to_owned(), json!({ "results": results }));
            }
        }
        if !associations.is_empty() {
            map.insert("associations".into(), Value::Object(associations));
        }
        object
    }
}

impl Record {
    /// The object with every property it has.
    pub(crate) fn to_full_json(&self) -> Value {
        self.to_json(&View {
            properties: Some(self.properties.keys().cloned().collect()),
            ..View::default()
        })
    }
}

/// Whether two emails are the same address to HubSpot (case-insensitive).
pub(crate) fn same_email(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// The digits of a phone number, for matching `+1 555-0100` with
/// `15550100`.
fn phone_digits(phone: &str) -> String {
    phone.chars().filter(char::is_ascii_digit).collect()
}

/// One account's contacts and companies.
#[derive(Debug)]
pub(crate) struct CrmStore {
    objects: BTreeMap<u64, Record>,
    /// The contact made for each conversation visitor that has neither an
    /// email address nor a phone number: `(identifier type, value)`.
    visitors: HashMap<(String, String), u64>,
    ids: Arc<Ids>,
}

impl CrmStore {
    /// An empty store drawing ids from `ids` (shared by every account, so
    /// that an id names one object across the fake).
    pub(crate) fn new(ids: Arc<Ids>) -> Self {
        CrmStore {
            objects: BTreeMap::new(),
            visitors: HashMap::new(),
            ids,
        }
    }

    /// A live or archived object of this type.
    pub(crate) fn get(&self, object_type: CrmObjectType, id: u64) -> Option<&Record> {
        self.objects
            .get(&id)
            .filter(|r| r.object_type == object_type)
    }

    /// Every object of this type that is live (or, with `archived`, only
    /// the archived ones), by id.
    pub(crate) fn all(&self, object_type: CrmObjectType, archived: bool) -> Vec<&Record> {
        self.objects
            .values()
            .filter(|r| r.object_type == object_type && r.archived() == archived)
            .collect()
    }

    /// The live contact with this email, compared case-insensitively.
    pub(crate) fn contact_by_email(&self, email: &str) -> Option<u64> {
        self.objects
            .values()
            .find(|r| {
                r.object_type == CrmObjectType::Contacts
                    && !r.archived()
                    && r.get("email").is_some_and(|e| same_email(e, email))
            })
            .map(|r| r.id)
    }

    /// The live contact (other than `except`) that already has the email
    /// these properties would give one: HubSpot's unique-value conflict.
    pub(crate) fn conflict(
        &self,
        object_type: CrmObjectType,
        properties: &BTreeMap<String, String>,
        except: Option<u64>,
    ) -> Option<u64> {
        if object_type != CrmObjectType::Contacts {
            return None;
        }
        let email = properties.get("email").filter(|e| !e.is_empty())?;
        self.contact_by_email(email)
            .filter(|id| Some(*id) != except)
    }

    /// Creates an object with these properties at `now`; answers its id.
    /// The caller has ruled out conflicts.
    pub(crate) fn create(
        &mut self,
        object_type: CrmObjectType,
        properties: &BTreeMap<String, String>,
        now: &str,
        source: &'static str,
    ) -> u64 {
        let id = self.ids.next_crm_id();
        let mut record = Record {
            id,
            object_type,
            properties: BTreeMap::new(),
            history: BTreeMap::new(),
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            archived_at: None,
            associations: Vec::new(),
        };
        let system = object_type.system_properties();
        let given: BTreeMap<String, String> = properties
            .iter()
            .filter(|(name, _)| !system.contains(&name.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        record.set(&given, now, source);
        record.stamp(now);
        self.objects.insert(id, record);
        id
    }

    /// Merges properties into a live object at `now` (the system
    /// properties cannot be written). `None` if there is no such object.
    pub(crate) fn update(
        &mut self,
        object_type: CrmObjectType,
        id: u64,
        properties: &BTreeMap<String, String>,
        now: &str,
    ) -> Option<&Record> {
        let record = self
            .objects
            .get_mut(&id)
            .filter(|r| r.object_type == object_type && !r.archived())?;
        let system = object_type.system_properties();
        let given: BTreeMap<String, String> = properties
            .iter()
            .filter(|(name, _)| !system.contains(&name.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        record.set(&given, now, SOURCE_API);
        record.stamp(now);
        Some(record)
    }

    /// Archives a live object; `false` if there is none with this id (an
    /// already archived one counts as archived).
    pub(crate) fn archive(&mut self, object_type: CrmObjectType, id: u64, now: &str) -> bool {
        match self
            .objects
            .get_mut(&id)
            .filter(|r| r.object_type == object_type)
        {
            Some(record) => {
                if record.archived_at.is_none() {
                    record.archived_at = Some(now.to_owned());
                    record.updated_at = now.to_owned();
                }
                true
            }
            None => false,
        }
    }

    /// The type of the live object `id`, for associating with it.
    pub(crate) fn live_type(&self, id: u64) -> Option<CrmObjectType> {
        self.objects
            .get(&id)
            .filter(|r| !r.archived())
            .map(|r| r.object_type)
    }

    /// Associates two live objects, both ways (once).
    pub(crate) fn associate(&mut self, a: u64, b: u64) {
        let (Some(a_type), Some(b_type)) = (self.live_type(a), self.live_type(b)) else {
            return;
        };
        for (from, to, to_type) in [(a, b, b_type), (b, a, a_type)] {
            if let Some(record) = self.objects.get_mut(&from) {
                let link = Association { to, to_type };
                if !record.associations.contains(&link) {
                    record.associations.push(link);
                }
            }
        }
    }

    /// Upserts a seeded object: a contact whose email is taken gets the
    /// properties merged in. Answers its id.
    pub(crate) fn seed(&mut self, seed: &CrmSeed, now: &str) -> u64 {
        match self.conflict(seed.object_type, &seed.properties, None) {
            Some(id) => {
                self.update(seed.object_type, id, &seed.properties, now);
                id
            }
            None => self.create(seed.object_type, &seed.properties, now, SOURCE_API),
        }
    }

    /// The contact behind a conversation's visitor, created if new: the
    /// contact with this email (`HS_EMAIL_ADDRESS`) or phone number
    /// (`HS_PHONE_NUMBER`, digits compared with `phone` and
    /// `mobilephone`); for any other identifier, the contact made for it
    /// the first time it was seen. A new contact gets the identifier as
    /// `email` or `phone` and the visitor's name as `firstname` /
    /// `lastname`. `None` for an empty identifier.
    pub(crate) fn contact_for_visitor(
        &mut self,
        identifier_type: &str,
        value: &str,
        name: Option<&str>,
        now: &str,
    ) -> Option<u64> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        let key = (identifier_type.to_owned(), value.to_owned());
        let existing = match identifier_type {
            "HS_EMAIL_ADDRESS" => self.contact_by_email(value),
            "HS_PHONE_NUMBER" => {
                let digits = phone_digits(value);
                self.objects
                    .values()
                    .find(|r| {
                        r.object_type == CrmObjectType::Contacts
                            && !r.archived()
                            && !digits.is_empty()
                            && ["phone", "mobilephone"].iter().any(|p| {
                                r.get(p).is_some_and(|phone| phone_digits(phone) == digits)
                            })
                    })
                    .map(|r| r.id)
            }
            _ => self
                .visitors
                .get(&key)
                .copied()
                .filter(|id| self.get(CrmObjectType::Contacts, *id).is_some()),
        };
        if existing.is_some() {
            return existing;
        }
        let mut properties = BTreeMap::new();
        match identifier_type {
            "HS_EMAIL_ADDRESS" => {
                properties.insert("email".to_owned(), value.to_owned());
            }
            "HS_PHONE_NUMBER" => {
                properties.insert("phone".to_owned(), value.to_owned());
            }
            _ => {}
        }
        if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
            let (first, last) = name.split_once(' ').unwrap_or((name, ""));
            properties.insert("firstname".to_owned(), first.to_owned());
            if !last.trim().is_empty() {
                properties.insert("lastname".to_owned(), last.trim().to_owned());
            }
        }
        let id = self.create(
            CrmObjectType::Contacts,
            &properties,
            now,
            SOURCE_CONVERSATIONS,
        );
        if !matches!(identifier_type, "HS_EMAIL_ADDRESS" | "HS_PHONE_NUMBER") {
            self.visitors.insert(key, id);
        }
        Some(id)
    }
}

// ---- search -----------------------------------------------------------------

/// One search filter, checked.
#[derive(Debug, Clone)]
pub(crate) struct Filter {
    pub(crate) property: String,
    pub(crate) operator: String,
    pub(crate) value: Option<String>,
    pub(crate) high_value: Option<String>,
    pub(crate) values: Vec<String>,
}

/// Two property values compared as HubSpot does: as numbers when both are
/// numbers, else as strings, case-insensitively.
fn compare(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.trim().parse::<f64>(), b.trim().parse::<f64>()) {
        (Ok(x), Ok(y)) => x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal),
        _ => a.to_lowercase().cmp(&b.to_lowercase()),
    }
}

/// Whether `text` matches `pattern`, where `*` stands for any run of
/// characters; case-insensitive.
fn glob(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    let text: Vec<char> = text.to_lowercase().chars().collect();
    // Classic two-pointer wildcard match with backtracking to the last `*`.
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if p < pattern.len() && pattern[p] != '*' && pattern[p] == text[t] {
            p += 1;
            t += 1;
        } else if p < pattern.len() && pattern[p] == '*' {
            star = Some((p, t));
            p += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

/// `CONTAINS_TOKEN`: the value (with `*` wildcards) matches the whole
/// property value or one of its whitespace-separated words.
fn contains_token(property: &str, token: &str) -> bool {
    glob(token, property) || property.split_whitespace().any(|word| glob(token, word))
}

impl Filter {
    /// Whether the record passes this filter.
    pub(crate) fn matches(&self, record: &Record) -> bool {
        let actual = record.get(&self.property);
        let value = self.value.as_deref().unwrap_or_default();
        let equal = |v: &str| actual.is_some_and(|a| compare(a, v).is_eq());
        match self.operator.as_str() {
            "EQ" => equal(value),
            "NEQ" => !equal(value),
            "HAS_PROPERTY" => actual.is_some(),
            "NOT_HAS_PROPERTY" => actual.is_none(),
            "CONTAINS_TOKEN" => actual.is_some_and(|a| contains_token(a, value)),
            "NOT_CONTAINS_TOKEN" => !actual.is_some_and(|a| contains_token(a, value)),
            "IN" => self.values.iter().any(|v| equal(v)),
            "NOT_IN" => !self.values.iter().any(|v| equal(v)),
            "GT" => actual.is_some_and(|a| compare(a, value).is_gt()),
            "GTE" => actual.is_some_and(|a| compare(a, value).is_ge()),
            "LT" => actual.is_some_and(|a| compare(a, value).is_lt()),
            "LTE" => actual.is_some_and(|a| compare(a, value).is_le()),
            "BETWEEN" => {
                let high = self.high_value.as_deref().unwrap_or_default();
                actual.is_some_and(|a| compare(a, value).is_ge() && compare(a, high).is_le())
            }
            _ => false,
        }
    }
}

/// Whether the record matches a search: every filter of at least one
/// group (no groups: every record), and the free-text `query` in one of the
/// type's searchable properties.
pub(crate) fn search_matches(record: &Record, groups: &[Vec<Filter>], query: Option<&str>) -> bool {
    let filtered = groups.is_empty() || groups.iter().any(|g| g.iter().all(|f| f.matches(record)));
    let queried = query
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .is_none_or(|q| {
            let q = q.to_lowercase();
            record
                .object_type
                .searchable()
                .iter()
                .filter_map(|p| record.get(p))
                .any(|v| v.to_lowercase().contains(&q))
        });
    filtered && queried
}

/// Orders records by `sorts` (`name` ascending, `-name` descending; unset
/// values last), then by id.
pub(crate) fn sort_records(records: &mut [&Record], sorts: &[String]) {
    records.sort_by(|a, b| {
        for sort in sorts {
            let (name, descending) = match sort.strip_prefix('-') {
                Some(name) => (name, true),
                None => (sort.as_str(), false),
            };
            let order = match (a.get(name), b.get(name)) {
                (Some(x), Some(y)) => {
                    let o = compare(x, y);
                    if descending { o.reverse() } else { o }
                }
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            if order.is_ne() {
                return order;
            }
        }
        a.id.cmp(&b.id)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> CrmStore {
        CrmStore::new(Arc::new(Ids::default()))
    }

    fn props(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn filter(property: &str, operator: &str, value: Option<&str>) -> Filter {
        Filter {
            property: property.into(),
            operator: operator.into(),
            value: value.map(str::to_owned),
            high_value: None,
            values: Vec::new(),
        }
    }

    #[test]
    fn wildcards_and_tokens() {
        assert!(glob("*@example.com", "Ada@Example.com"));
        assert!(glob("a*a", "ada"));
        assert!(!glob("a*b", "ada"));
        assert!(glob("*", ""));
        assert!(contains_token("Ada Lovelace", "lovelace"));
        assert!(contains_token("Ada Lovelace", "Love*"));
        assert!(!contains_token("Ada Lovelace", "love"));
    }

    #[test]
    fn filters_compare_like_hubspot() {
        let mut s = store();
        let id = s.create(
            CrmObjectType::Contacts,
            &props(&[("email", "Ada@Example.com"), ("age", "36")]),
            "2026-01-01T00:00:00.000Z",
            SOURCE_API,
        );
        let r = s.get(CrmObjectType::Contacts, id).unwrap();
        assert!(filter("email", "EQ", Some("ada@example.com")).matches(r));
        assert!(!filter("email", "NEQ", Some("ADA@example.com")).matches(r));
        assert!(filter("phone", "NEQ", Some("1")).matches(r));
        assert!(
            filter("age", "GT", Some("9")).matches(r),
            "numbers, not text"
        );
        assert!(filter("age", "LTE", Some("36")).matches(r));
        assert!(filter("email", "HAS_PROPERTY", None).matches(r));
        assert!(filter("phone", "NOT_HAS_PROPERTY", None).matches(r));
        assert!(!filter("phone", "HAS_PROPERTY", None).matches(r));
        let mut between = filter("age", "BETWEEN", Some("30"));
        between.high_value = Some("40".into());
        assert!(between.matches(r));
        let mut within = filter("age", "IN", None);
        within.values = vec!["1".into(), "36".into()];
        assert!(within.matches(r));
        assert_eq!(r.get("hs_object_id"), Some(id.to_string().as_str()));
    }

    #[test]
    fn emails_are_unique_case_insensitively_and_seeding_upserts() {
        let mut s = store();
        let now = "2026-01-01T00:00:00.000Z";
        let id = s.create(
            CrmObjectType::Contacts,
            &props(&[("email", "ada@example.com")]),
            now,
            SOURCE_API,
        );
        assert_eq!(
            s.conflict(
                CrmObjectType::Contacts,
                &props(&[("email", " ADA@example.com")]),
                None
            ),
            Some(id)
        );
        assert_eq!(
            s.conflict(
                CrmObjectType::Contacts,
                &props(&[("email", "ada@example.com")]),
                Some(id)
            ),
            None
        );
        assert_eq!(
            s.conflict(
                CrmObjectType::Companies,
                &props(&[("email", "ada@example.com")]),
                None
            ),
            None
        );
        let seeded = s.seed(
            &CrmSeed::contact([("email", "Ada@example.com"), ("firstname", "Ada")]),
            now,
        );
        assert_eq!(seeded, id);
        assert_eq!(
            s.get(CrmObjectType::Contacts, id).unwrap().get("firstname"),
            Some("Ada")
        );
    }

    #[test]
    fn visitors_become_contacts_once() {
        let mut s = store();
        let now = "2026-01-01T00:00:00.000Z";
        let by_phone = s
            .contact_for_visitor("HS_PHONE_NUMBER", "+1 555-0100", Some("Bo Peep"), now)
            .unwrap();
        assert_eq!(
            s.contact_for_visitor("HS_PHONE_NUMBER", "15550100", None, now),
            Some(by_phone)
        );
        let r = s.get(CrmObjectType::Contacts, by_phone).unwrap();
        assert_eq!(
            (r.get("firstname"), r.get("lastname")),
            (Some("Bo"), Some("Peep"))
        );
        let opaque = s
            .contact_for_visitor("CHANNEL_SPECIFIC_OPAQUE_ID", "u-1", None, now)
            .unwrap();
        assert_eq!(
            s.contact_for_visitor("CHANNEL_SPECIFIC_OPAQUE_ID", "u-1", None, now),
            Some(opaque)
        );
        assert_ne!(opaque, by_phone);
        assert_eq!(
            s.contact_for_visitor("HS_EMAIL_ADDRESS", " ", None, now),
            None
        );
    }
}
