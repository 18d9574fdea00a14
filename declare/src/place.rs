//! Merging versions: which (version, operation)s share one declaration,
//! and which module each declaration and type goes to.
//!
//! Two versions of an operation (or of a type) share a declaration when
//! they agree in everything but their path and their descriptions,
//! *including* every type they reach. Each group of agreeing versions is a
//! partition. The partition holding an item's oldest version goes to the
//! module itself, the others to a submodule named after their oldest
//! version (`v2026_09`), as the hand-written declarations do. A top-level
//! declaration that would reach a type living in a submodule moves to a
//! submodule too, so that every module sees one definition per name.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

use crate::Summary;
use crate::model::{Auth, Endpoint, Item, Version, VersionModel};

/// The module a declaration goes to: `""` for the module itself, else a
/// version submodule such as `v2026_09`.
pub type Module = String;

/// A declaration shared by some versions.
#[derive(Debug, Clone)]
pub struct Placed<T> {
    /// The versions, oldest first, with each one's own copy.
    pub versions: Vec<(Version, T)>,
}

impl<T> Placed<T> {
    /// The newest version's copy (its descriptions are the ones written).
    pub fn newest(&self) -> &T {
        &self.versions.last().expect("a partition has a version").1
    }
}

/// One module's content.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Endpoints, in spec order.
    pub endpoints: Vec<Placed<Endpoint>>,
    /// Objects, enums and unions, by name.
    pub items: BTreeMap<String, Placed<Item>>,
    /// Names it takes from other modules: module → names.
    pub imports: BTreeMap<Module, BTreeSet<String>>,
}

/// Every module's content, and the run's figures.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// By module; `""` first.
    pub modules: BTreeMap<Module, Content>,
    /// The figures.
    pub summary: Summary,
}

/// Merges the versions of `models` (sorted oldest first) and places every
/// declaration.
pub fn place(models: &mut [VersionModel]) -> Result<Layout, String> {
    settle_credentials(models);
    drop_unreachable(models);
    let mut summary = Summary::default();
    for model in models.iter() {
        for endpoint in &model.endpoints {
            summary.operations += 1;
            if endpoint.notes.is_empty() {
                summary.exact += 1;
            }
            for note in &endpoint.notes {
                summary.caveats.push((
                    model.version.to_string(),
                    format!("{} {}", endpoint.method, endpoint.path),
                    note.clone(),
                ));
            }
        }
    }
    name_by_key(models)?;

    // Deep signatures: a declaration's shape plus the shapes of all it reaches.
    let mut sigs = Signatures::default();
    let mut endpoint_groups: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (m, model) in models.iter().enumerate() {
        for (e, endpoint) in model.endpoints.iter().enumerate() {
            let group = endpoint_groups.entry(endpoint.key.clone()).or_default();
            if group.is_empty() {
                order.push(endpoint.key.clone());
            }
            group.push((m, e));
        }
    }

    // Partitions: per name, versions grouped by signature.
    // (name, model index) → partition id; partition id → (name, model indices).
    let mut partition_of: HashMap<(String, usize), usize> = HashMap::new();
    let mut partitions: Vec<(String, Vec<usize>)> = Vec::new(); // (item name, model indices)
    let mut item_names: BTreeSet<String> = BTreeSet::new();
    for model in models.iter() {
        item_names.extend(model.items.keys().cloned());
    }
    for name in &item_names {
        let mut by_sig: Vec<(u64, Vec<usize>)> = Vec::new();
        for (m, model) in models.iter().enumerate() {
            if model.items.contains_key(name) {
                let sig = sigs.item(models, m, name);
                match by_sig.iter_mut().find(|(s, _)| *s == sig) {
                    Some((_, list)) => list.push(m),
                    None => by_sig.push((sig, vec![m])),
                }
            }
        }
        for (_, list) in by_sig {
            for &m in &list {
                partition_of.insert((name.clone(), m), partitions.len());
            }
            partitions.push((name.clone(), list));
        }
    }
    let mut endpoint_partitions: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for key in &order {
        let group = &endpoint_groups[key];
        let mut by_sig: Vec<(u64, Vec<(usize, usize)>)> = Vec::new();
        for &(m, e) in group {
            let sig = sigs.endpoint(models, m, &models[m].endpoints[e]);
            match by_sig.iter_mut().find(|(s, _)| *s == sig) {
                Some((_, list)) => list.push((m, e)),
                None => by_sig.push((sig, vec![(m, e)])),
            }
        }
        for (_, list) in by_sig {
            endpoint_partitions.push((key.clone(), list));
        }
    }

    // Placement: the partition with an item's oldest version at the top,
    // the others in their oldest version's submodule.
    let module_for = |models: &[VersionModel], list: &[usize], first: bool| {
        if first {
            String::new()
        } else {
            models[list[0]].version.module()
        }
    };
    let mut item_module: Vec<Module> = Vec::new();
    let mut seen_names = BTreeSet::new();
    for (name, list) in &partitions {
        let first = seen_names.insert(name.clone());
        item_module.push(module_for(models, list, first));
    }
    let mut endpoint_module: Vec<Module> = Vec::new();
    let mut seen_keys = BTreeSet::new();
    for (key, list) in &endpoint_partitions {
        let first = seen_keys.insert(key.clone());
        let ms: Vec<usize> = list.iter().map(|(m, _)| *m).collect();
        endpoint_module.push(module_for(models, &ms, first));
    }
    // Nothing at the top may reach into a submodule.
    loop {
        let mut changed = false;
        for (p, (name, list)) in partitions.iter().enumerate() {
            if !item_module[p].is_empty() {
                continue;
            }
            let m = list[0];
            let item = &models[m].items[name];
            if item.refs().iter().any(|r| {
                partition_of
                    .get(&(r.to_string(), m))
                    .is_some_and(|&q| !item_module[q].is_empty())
            }) {
                item_module[p] = models[m].version.module();
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    for (p, (_, list)) in endpoint_partitions.iter().enumerate() {
        if !endpoint_module[p].is_empty() {
            continue;
        }
        let (m, e) = list[0];
        let endpoint = &models[m].endpoints[e];
        if endpoint.refs().iter().any(|r| {
            partition_of
                .get(&(r.to_string(), m))
                .is_some_and(|&q| !item_module[q].is_empty())
        }) {
            endpoint_module[p] = models[m].version.module();
        }
    }

    // Fill the modules, with the imports each needs.
    let mut layout = Layout::default();
    layout.modules.entry(String::new()).or_default();
    let import = |layout: &mut Layout, here: &Module, refs: Vec<&str>, m: usize| {
        for r in refs {
            if let Some(&q) = partition_of.get(&(r.to_string(), m))
                && item_module[q] != *here
            {
                layout
                    .modules
                    .entry(here.clone())
                    .or_default()
                    .imports
                    .entry(item_module[q].clone())
                    .or_default()
                    .insert(r.to_owned());
            }
        }
    };
    for (p, (name, list)) in partitions.iter().enumerate() {
        let here = item_module[p].clone();
        let placed = Placed {
            versions: list
                .iter()
                .map(|&m| (models[m].version.clone(), models[m].items[name].clone()))
                .collect(),
        };
        import(&mut layout, &here, placed.newest().refs(), list[0]);
        let content = layout.modules.entry(here).or_default();
        if content.items.insert(name.clone(), placed).is_some() {
            return Err(format!("two definitions of `{name}` in one module"));
        }
        summary.items += 1;
    }
    for (p, (_, list)) in endpoint_partitions.iter().enumerate() {
        let here = endpoint_module[p].clone();
        let placed = Placed {
            versions: list
                .iter()
                .map(|&(m, e)| (models[m].version.clone(), models[m].endpoints[e].clone()))
                .collect(),
        };
        import(&mut layout, &here, placed.newest().refs(), list[0].0);
        layout
            .modules
            .entry(here)
            .or_default()
            .endpoints
            .push(placed);
        summary.declarations += 1;
    }
    for (module, content) in &layout.modules {
        for placed in &content.endpoints {
            let name = &placed.newest().name;
            if content.items.contains_key(name)
                || content.items.contains_key(&format!("{name}Builder"))
            {
                return Err(format!(
                    "the endpoint `{name}` has the name of a type in module `{module}`: name it by hand (the `names` option)"
                ));
            }
        }
    }
    layout.summary = summary;
    Ok(layout)
}

/// Keeps only the items an endpoint reaches (a union's tag enum, for one,
/// is read with its objects but written by the union).
fn drop_unreachable(models: &mut [VersionModel]) {
    for model in models.iter_mut() {
        let mut reached: BTreeSet<String> = BTreeSet::new();
        let mut todo: Vec<String> = model
            .endpoints
            .iter()
            .flat_map(|e| e.refs().into_iter().map(str::to_owned).collect::<Vec<_>>())
            .collect();
        while let Some(name) = todo.pop() {
            if reached.insert(name.clone())
                && let Some(item) = model.items.get(&name)
            {
                todo.extend(item.refs().into_iter().map(str::to_owned));
            }
        }
        model.items.retain(|name, _| reached.contains(name));
    }
}

/// An operation whose spec lists no credentials takes what another version
/// of it lists (HubSpot's custom-channel administration in `v3` and
/// `2026-03` says nothing, `2026-09` says the developer key); an operation
/// no version states takes none (HubSpot's OAuth endpoints).
fn settle_credentials(models: &mut [VersionModel]) {
    let mut stated: HashMap<String, (Auth, String)> = HashMap::new();
    for model in models.iter() {
        for endpoint in &model.endpoints {
            if endpoint.auth != Auth::Unstated {
                stated.insert(
                    endpoint.key.clone(),
                    (endpoint.auth.clone(), model.version.to_string()),
                );
            }
        }
    }
    for model in models.iter_mut() {
        for endpoint in &mut model.endpoints {
            endpoint.scopes.sort();
            if endpoint.auth == Auth::Unstated {
                endpoint.auth = match stated.get(&endpoint.key) {
                    Some((auth, version)) => {
                        endpoint.notes.push(format!(
                            "the spec lists no credentials; the credentials are those the `{version}` spec lists for this operation"
                        ));
                        auth.clone()
                    }
                    None => Auth::None,
                };
            }
        }
    }
}

/// One name per operation across versions: the oldest version's. Two
/// operations with one name get their paths' words added.
fn name_by_key(models: &mut [VersionModel]) -> Result<(), String> {
    let mut by_key: BTreeMap<String, String> = BTreeMap::new();
    let mut long: BTreeMap<String, String> = BTreeMap::new();
    for model in models.iter() {
        for endpoint in &model.endpoints {
            by_key
                .entry(endpoint.key.clone())
                .or_insert_with(|| endpoint.name.clone());
            long.entry(endpoint.key.clone())
                .or_insert_with(|| endpoint.long_name.clone());
        }
    }
    let count = |by_key: &BTreeMap<String, String>| {
        let mut count: BTreeMap<String, usize> = BTreeMap::new();
        for name in by_key.values() {
            *count.entry(name.clone()).or_default() += 1;
        }
        count
    };
    let short = count(&by_key);
    for (key, name) in by_key.iter_mut() {
        if short[name.as_str()] > 1 {
            *name = long[key].clone();
        }
    }
    let longer = count(&by_key);
    for (key, name) in by_key.iter_mut() {
        if longer[name.as_str()] > 1 {
            let words: String = key
                .split(['/', ' '])
                .skip(1)
                .filter(|s| !s.is_empty() && !s.starts_with('{'))
                .map(crate::names::upper_camel)
                .collect();
            *name = format!("{name}{words}");
        }
    }
    let mut owner: BTreeMap<&String, &String> = BTreeMap::new();
    for (key, name) in &by_key {
        if let Some(other) = owner.insert(name, key) {
            return Err(format!(
                "`{other}` and `{key}` are both named `{name}`: name one by hand (the `names` option)"
            ));
        }
    }
    for model in models.iter_mut() {
        for endpoint in &mut model.endpoints {
            endpoint.name = by_key[&endpoint.key].clone();
        }
    }
    Ok(())
}

#[derive(Default)]
struct Signatures {
    items: HashMap<(String, usize), u64>,
    busy: BTreeSet<(String, usize)>,
}

impl Signatures {
    fn item(&mut self, models: &[VersionModel], m: usize, name: &str) -> u64 {
        let key = (name.to_owned(), m);
        if let Some(&sig) = self.items.get(&key) {
            return sig;
        }
        let Some(item) = models[m].items.get(name) else {
            return hash(&format!("external {name}"));
        };
        if !self.busy.insert(key.clone()) {
            return hash(&format!("recursive {name}"));
        }
        let mut text = item.shape();
        for r in item.refs() {
            let sig = self.item(models, m, r);
            text.push_str(&format!(" {r}={sig}"));
        }
        self.busy.remove(&key);
        let sig = hash(&text);
        self.items.insert(key, sig);
        sig
    }

    fn endpoint(&mut self, models: &[VersionModel], m: usize, endpoint: &Endpoint) -> u64 {
        let mut text = endpoint.shape();
        for r in endpoint.refs() {
            let sig = self.item(models, m, r);
            text.push_str(&format!(" {r}={sig}"));
        }
        hash(&text)
    }
}

fn hash(text: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}
