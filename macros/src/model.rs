//! The declarations. Parsing fills in the tokens as written (the `Written…`
//! parts, attributes, sections); validation decides what they mean, reports
//! what makes no sense, and fills in the rest (method, versions, fields by
//! section, wire names, cursor, page item, idempotency key, credentials), so
//! that generation only reads it. Every name keeps its span, so that a check
//! can point at the user's tokens.

use proc_macro2::Span;
use syn::{Attribute, Ident, LitInt, LitStr, Type, Visibility};

use crate::path::Piece;

/// One `hubspot_endpoint!` invocation.
pub struct Input {
    /// The items, in source order. Items that failed to parse are absent.
    pub items: Vec<Item>,
    /// Names of items that failed to parse, so a stub can stand in for them.
    pub broken: Vec<(Visibility, Ident)>,
}

/// One declared item.
pub enum Item {
    /// `endpoint Name: METHOD { versions } { sections } -> STATUS Response;`
    Endpoint(Box<Endpoint>),
    /// `object Name { required { … } optional { … } }`
    Object(Box<Object>),
    /// `enum Name { VALUE, … }`
    Enum(Enum),
    /// `union Name { TAG => Type, … }`
    Union(Union),
}

impl Item {
    /// The item's Rust name.
    pub fn name(&self) -> &Ident {
        match self {
            Item::Endpoint(e) => &e.name,
            Item::Object(o) => &o.name,
            Item::Enum(e) => &e.name,
            Item::Union(u) => &u.name,
        }
    }
}

/// An HTTP method.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub const ALL: [(&'static str, Method); 5] = [
        ("GET", Method::Get),
        ("POST", Method::Post),
        ("PUT", Method::Put),
        ("PATCH", Method::Patch),
        ("DELETE", Method::Delete),
    ];

    pub fn as_str(self) -> &'static str {
        Method::ALL
            .iter()
            .find(|(_, m)| *m == self)
            .map_or("GET", |(name, _)| name)
    }

    pub fn variant(self) -> &'static str {
        match self {
            Method::Get => "Get",
            Method::Post => "Post",
            Method::Put => "Put",
            Method::Patch => "Patch",
            Method::Delete => "Delete",
        }
    }
}

/// A HubSpot API version, as written in a declaration.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Version {
    Numbered(u16),
    Dated { year: u16, month: u8 },
}

impl Version {
    /// `v3` or `2026-03`.
    pub fn label(self) -> String {
        match self {
            Version::Numbered(n) => format!("v{n}"),
            Version::Dated { year, month } => format!("{year:04}-{month:02}"),
        }
    }

    /// The suffix of the builder's compile-time version method: `v3`, `2026_03`.
    pub fn method_suffix(self) -> String {
        self.label().replace('-', "_")
    }
}

/// `v3 => "/path"` as written.
pub struct WrittenPath {
    /// `v3` or `2026-03`, unparsed.
    pub text: String,
    pub span: Span,
    pub template: LitStr,
}

/// `name { fields }` as written.
pub struct Section {
    /// `path`, `query`, `required`, `optional`, `body`, or an unknown word.
    pub kind: Ident,
    pub fields: Vec<Field>,
}

/// `v3 => "/path"`, validated.
pub struct VersionedPath {
    pub version: Version,
    pub template: LitStr,
    /// The parsed template; empty when it was malformed (already reported).
    pub pieces: Vec<Piece>,
}

/// The parts shared by every item.
pub struct Header {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub name: Ident,
}

/// A declared field, parameter or body member.
pub struct Field {
    /// `///` comments.
    pub docs: Vec<Attribute>,
    /// Its other attributes, as written (`#[json = "…"]`).
    pub attrs: Vec<Attribute>,
    pub name: Ident,
    /// Its name on the wire; set by validation.
    pub json_name: String,
    /// Whether `#[json = "…"]` gave the wire name.
    pub renamed: bool,
    pub ty: Type,
    /// For an optional query parameter declared as `Option<T>`: `T`.
    pub inner_ty: Option<Type>,
}

impl Field {
    /// The type a setter takes and a required slot holds.
    pub fn value_ty(&self) -> &Type {
        self.inner_ty.as_ref().unwrap_or(&self.ty)
    }

    /// The Rust name without a raw identifier's `r#`.
    pub fn plain_name(&self) -> String {
        let name = self.name.to_string();
        name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
    }
}

/// A credential scheme `#[auth(…)]` names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Credential {
    OAuth,
    PrivateApp,
    DeveloperKey,
}

impl Credential {
    /// How `#[auth(…)]` spells each scheme, and what it is.
    pub const ALL: [(&'static str, Credential); 3] = [
        ("oauth", Credential::OAuth),
        ("private_app", Credential::PrivateApp),
        ("developer_key", Credential::DeveloperKey),
    ];

    /// What an endpoint accepts without `#[auth(…)]`.
    pub const DEFAULT: [Credential; 2] = [Credential::OAuth, Credential::PrivateApp];

    /// The runtime's `AuthScheme` variant.
    pub fn variant(self) -> &'static str {
        match self {
            Credential::OAuth => "OAuth",
            Credential::PrivateApp => "PrivateApp",
            Credential::DeveloperKey => "DeveloperKey",
        }
    }

    /// The credential in prose, for the generated docs.
    pub fn prose(self) -> &'static str {
        match self {
            Credential::OAuth => "an OAuth access token",
            Credential::PrivateApp => "a private app's access token",
            Credential::DeveloperKey => "the developer account's API key (`hapikey`)",
        }
    }
}

/// The body field HubSpot de-duplicates on (`#[idempotency_key(field)]`).
pub struct IdempotencyKey {
    /// The field's Rust name.
    pub field: Ident,
    /// Its wire name.
    pub json: String,
    /// Whether it is in `optional` (an `Option<String>` in the struct).
    pub optional: bool,
}

/// A declared endpoint.
pub struct Endpoint {
    pub header: Header,
    pub name: Ident,
    /// The method as written.
    pub written_method: Ident,
    /// The versions as written.
    pub written_paths: Vec<WrittenPath>,
    /// The sections as written; validation sorts their fields into
    /// `path_params` … `body`.
    pub sections: Vec<Section>,
    /// The status as written.
    pub written_status: LitInt,
    pub method: Method,
    /// Oldest first.
    pub paths: Vec<VersionedPath>,
    pub path_params: Vec<Field>,
    /// Query parameters; `inner_ty` is set on the optional ones.
    pub query: Vec<Field>,
    pub required: Vec<Field>,
    pub optional: Vec<Field>,
    /// `body { name: Type }`: one value that is the whole body.
    pub body: Option<Field>,
    pub status: u16,
    pub response: Type,
    pub scopes: Vec<LitStr>,
    /// `#[idempotent]`: where it was written, if it was.
    pub idempotent: Option<Span>,
    /// `#[idempotency_key(field)]`: the body field HubSpot de-duplicates on.
    pub idempotency_key: Option<IdempotencyKey>,
    /// `#[paginated]`: the query parameter that carries the cursor.
    pub cursor: Option<Ident>,
    /// The credentials the endpoint accepts (empty: none), from
    /// `#[auth(…)]` or the default.
    pub auth: Vec<Credential>,
    /// `#[form]`: where it was written.
    pub form: Option<Span>,
    /// Form field types that validation could not see to be scalars or not
    /// (a named type may be an enum): the expansion asks each to implement
    /// the runtime's `FormValue`, at the type.
    pub form_value_checks: Vec<Type>,
}

impl Endpoint {
    /// Fields the builder requires, in builder order.
    pub fn required_fields(&self) -> Vec<&Field> {
        let required_query = self.query.iter().filter(|f| f.inner_ty.is_none());
        self.path_params
            .iter()
            .chain(required_query)
            .chain(self.body.iter())
            .chain(self.required.iter())
            .collect()
    }

    /// Fields the builder takes optionally, in builder order.
    pub fn optional_fields(&self) -> Vec<&Field> {
        let optional_query = self.query.iter().filter(|f| f.inner_ty.is_some());
        optional_query.chain(self.optional.iter()).collect()
    }
}

/// A declared object.
pub struct Object {
    pub header: Header,
    pub name: Ident,
    /// The sections as written.
    pub sections: Vec<Section>,
    pub required: Vec<Field>,
    pub optional: Vec<Field>,
    /// `#[page]`, once validated.
    pub page: Option<PageItems>,
}

/// What a `#[page]` object's `Page` impl reads.
pub struct PageItems {
    /// The `results` field.
    pub results: Ident,
    /// `T` of its `Vec<T>`.
    pub item: Type,
}

/// A declared string enum.
pub struct Enum {
    pub header: Header,
    pub name: Ident,
    pub variants: Vec<EnumVariant>,
}

/// `INCOMING` or `Name = "value"`, as written.
pub struct WrittenVariant {
    pub ident: Ident,
    /// The `"value"` of `Name = "value"`.
    pub value: Option<LitStr>,
}

/// `INCOMING` or `Name = "value"`.
pub struct EnumVariant {
    pub docs: Vec<Attribute>,
    pub written: WrittenVariant,
    /// The Rust variant name; set by validation.
    pub name: Ident,
    pub value: String,
    pub span: Span,
}

/// A declared tagged union.
pub struct Union {
    pub header: Header,
    pub name: Ident,
    pub tag: String,
    pub variants: Vec<UnionVariant>,
}

/// `FILE => FileAttachment` or `Name = "tag" => Type`.
pub struct UnionVariant {
    pub docs: Vec<Attribute>,
    pub written: WrittenVariant,
    /// The Rust variant name; set by validation.
    pub name: Ident,
    pub tag_value: String,
    pub span: Span,
    pub ty: Type,
}
