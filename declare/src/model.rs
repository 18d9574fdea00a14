//! What the generator knows about one version of an API, before it is
//! merged with the other versions and written out.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

/// An API version as HubSpot numbers them: `v3`, or a date such as `2026-03`.
/// Numbered versions come before dated ones, as the DSL wants them written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Version {
    /// `v3`.
    Numbered(u32),
    /// `2026-03`.
    Dated(u32, u32),
}

impl Version {
    /// Parses `v3` or `2026-03`.
    pub fn parse(text: &str) -> Result<Version, String> {
        if let Some(n) = text.strip_prefix('v')
            && let Ok(n) = n.parse()
        {
            return Ok(Version::Numbered(n));
        }
        if let Some((year, month)) = text.split_once('-')
            && let (Ok(y), Ok(m)) = (year.parse(), month.parse())
            && year.len() == 4
            && month.len() == 2
        {
            return Ok(Version::Dated(y, m));
        }
        Err(format!(
            "`{text}` is not an API version (`v3` or `2026-03`)"
        ))
    }

    /// How the DSL writes it: `v3` bare, `"2026-03"` quoted.
    pub fn dsl(&self) -> String {
        match self {
            Version::Numbered(_) => self.to_string(),
            Version::Dated(..) => format!("\"{self}\""),
        }
    }

    /// The module a version's own declarations go to: `v2026_09`.
    pub fn module(&self) -> String {
        match self {
            Version::Numbered(n) => format!("v{n}"),
            Version::Dated(y, m) => format!("v{y}_{m:02}"),
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Version::Numbered(n) => write!(f, "v{n}"),
            Version::Dated(y, m) => write!(f, "{y}-{m:02}"),
        }
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Version::Numbered(a), Version::Numbered(b)) => a.cmp(b),
            (Version::Numbered(_), Version::Dated(..)) => Ordering::Less,
            (Version::Dated(..), Version::Numbered(_)) => Ordering::Greater,
            (Version::Dated(a, b), Version::Dated(c, d)) => (a, b).cmp(&(c, d)),
        }
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A Rust type as a declaration writes it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Ty {
    /// `String`.
    String,
    /// `DateTime`.
    DateTime,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `JsonValue`: any JSON.
    Json,
    /// `()`: no content.
    Unit,
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `HashMap<String, T>`.
    Map(Box<Ty>),
    /// A declared object, enum or union, by name.
    Named(String),
}

impl Ty {
    /// The named items this type refers to.
    pub fn names<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Ty::Vec(inner) | Ty::Map(inner) => inner.names(out),
            Ty::Named(name) => out.push(name),
            _ => {}
        }
    }

    /// Whether writing it needs `HashMap`, `DateTime`, `JsonValue` in scope.
    pub fn uses(&self, what: &str) -> bool {
        match self {
            Ty::Map(inner) => what == "HashMap" || inner.uses(what),
            Ty::Vec(inner) => inner.uses(what),
            Ty::DateTime => what == "DateTime",
            Ty::Json => what == "JsonValue",
            _ => false,
        }
    }

    /// The type as Rust source.
    pub fn render(&self) -> String {
        match self {
            Ty::String => "String".into(),
            Ty::DateTime => "DateTime".into(),
            Ty::I32 => "i32".into(),
            Ty::I64 => "i64".into(),
            Ty::F64 => "f64".into(),
            Ty::Bool => "bool".into(),
            Ty::Json => "JsonValue".into(),
            Ty::Unit => "()".into(),
            Ty::Vec(inner) => format!("Vec<{}>", inner.render()),
            Ty::Map(inner) => format!("HashMap<String, {}>", inner.render()),
            Ty::Named(name) => name.clone(),
        }
    }

    /// Whether it is a scalar a form body can carry.
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Ty::String | Ty::DateTime | Ty::I32 | Ty::I64 | Ty::F64 | Ty::Bool
        )
    }
}

/// A field of an object or a section of an endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Field {
    /// The name on the wire.
    pub json: String,
    /// The Rust name.
    pub rust: String,
    /// Whether the Rust name needs `#[json = "…"]` to give `json`.
    pub rename: bool,
    /// Its type (without the `Option` of an optional field).
    pub ty: Ty,
    /// Required or optional.
    pub required: bool,
    /// Its description.
    pub doc: Option<String>,
}

impl Field {
    /// The field as a signature: what must agree for two versions to share
    /// a declaration (its description may differ).
    pub fn shape(&self) -> String {
        format!(
            "{}:{}:{}:{}",
            self.json,
            self.rust,
            self.ty.render(),
            self.required
        )
    }
}

/// A declared object, enum or union.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its name.
    pub name: String,
    /// Its description.
    pub doc: Option<String>,
    /// What it is.
    pub kind: ItemKind,
}

/// What an [`Item`] is.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    /// An object: fields, and the tag property a union writes for it.
    Object {
        /// Its fields, in spec order.
        fields: Vec<Field>,
        /// The union tag this object leaves to its union.
        drops_tag: Option<String>,
        /// `#[page]`.
        page: bool,
    },
    /// A string enum.
    Enum {
        /// The values, in spec order.
        values: Vec<String>,
    },
    /// A tagged `oneOf`.
    Union {
        /// The tag property.
        tag: String,
        /// `(tag value, object name)`.
        variants: Vec<(String, String)>,
    },
}

impl Item {
    /// The shape that must agree across versions (docs excluded).
    pub fn shape(&self) -> String {
        match &self.kind {
            ItemKind::Object {
                fields,
                drops_tag,
                page,
            } => {
                let fields: Vec<String> = fields
                    .iter()
                    .filter(|f| Some(&f.json) != drops_tag.as_ref())
                    .map(Field::shape)
                    .collect();
                format!("object {} page={page} {{{}}}", self.name, fields.join(","))
            }
            ItemKind::Enum { values } => format!("enum {} {{{}}}", self.name, values.join(",")),
            ItemKind::Union { tag, variants } => {
                let variants: Vec<String> = variants
                    .iter()
                    .map(|(t, ty)| format!("{t}=>{ty}"))
                    .collect();
                format!("union {} {tag} {{{}}}", self.name, variants.join(","))
            }
        }
    }

    /// The names of the items it refers to.
    pub fn refs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        match &self.kind {
            ItemKind::Object {
                fields, drops_tag, ..
            } => fields
                .iter()
                .filter(|f| Some(&f.json) != drops_tag.as_ref())
                .for_each(|f| f.ty.names(&mut out)),
            ItemKind::Enum { .. } => {}
            ItemKind::Union { variants, .. } => {
                out.extend(variants.iter().map(|(_, t)| t.as_str()))
            }
        }
        out
    }
}

/// Which credentials an endpoint takes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Auth {
    /// OAuth and private-app tokens: the DSL's default.
    Tokens,
    /// The developer API key only.
    DeveloperKey,
    /// Tokens or the developer key.
    TokensOrDeveloperKey,
    /// None at all.
    None,
    /// The spec lists none; another version of the operation may say.
    Unstated,
}

/// An endpoint's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// No body.
    None,
    /// A JSON object's (or a form's) fields.
    Fields(Vec<Field>),
    /// One value that is the whole body.
    Whole(Field),
}

/// One operation of one version.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// What identifies the operation across versions: the method and the
    /// path without its version segment and the API's common prefix.
    pub key: String,
    /// The generated name.
    pub name: String,
    /// The longer name used when `name` is taken.
    pub long_name: String,
    /// `GET`, `POST`, ….
    pub method: String,
    /// The full path of this version.
    pub path: String,
    /// The operation's summary and description.
    pub doc: Option<String>,
    /// OAuth scopes, as the spec lists them.
    pub scopes: Vec<String>,
    /// Credentials.
    pub auth: Auth,
    /// A form body.
    pub form: bool,
    /// `#[idempotent]`, with why.
    pub idempotent: Option<&'static str>,
    /// `#[idempotency_key(field)]`.
    pub idempotency_key: Option<String>,
    /// `#[paginated]`.
    pub paginated: bool,
    /// `path { … }`.
    pub path_params: Vec<Field>,
    /// `query { … }`.
    pub query: Vec<Field>,
    /// The body.
    pub body: Body,
    /// The success status.
    pub status: u16,
    /// The success type.
    pub response: Ty,
    /// What the declaration could not say as the spec does, as comments.
    pub notes: Vec<String>,
}

impl Endpoint {
    /// The shape that must agree across versions (docs and path excluded).
    pub fn shape(&self) -> String {
        let fields = |fields: &[Field]| {
            fields
                .iter()
                .map(Field::shape)
                .collect::<Vec<_>>()
                .join(",")
        };
        let body = match &self.body {
            Body::None => String::new(),
            Body::Fields(f) => fields(f),
            Body::Whole(f) => format!("whole {}", f.shape()),
        };
        format!(
            "{} {} scopes={:?} auth={:?} form={} idem={:?} key={:?} page={} path=[{}] query=[{}] body=[{body}] -> {} {}",
            self.name,
            self.method,
            self.scopes,
            self.auth,
            self.form,
            self.idempotent,
            self.idempotency_key,
            self.paginated,
            fields(&self.path_params),
            fields(&self.query),
            self.status,
            self.response.render(),
        )
    }

    /// The names of the items it refers to.
    pub fn refs(&self) -> Vec<&str> {
        let mut out = Vec::new();
        let all = self.path_params.iter().chain(&self.query);
        let body: Vec<&Field> = match &self.body {
            Body::None => Vec::new(),
            Body::Fields(f) => f.iter().collect(),
            Body::Whole(f) => vec![f],
        };
        for f in all.chain(body) {
            f.ty.names(&mut out);
        }
        self.response.names(&mut out);
        out
    }
}

/// One spec file, read.
#[derive(Debug, Clone)]
pub struct VersionModel {
    /// The file it came from.
    pub file: String,
    /// Its version.
    pub version: Version,
    /// Its operations (those the options keep).
    pub endpoints: Vec<Endpoint>,
    /// Every item those operations reach, by name.
    pub items: BTreeMap<String, Item>,
    /// The spec's title.
    pub title: String,
}
