//! Metadata that every declared endpoint, object, enum and union carries.
//!
//! `hubspot_endpoint!` writes one constant per item; tests compare them with
//! HubSpot's OpenAPI specs and docs can render them.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::ApiVersion;

/// An HTTP method an endpoint can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// The method as HTTP spells it, e.g. `"POST"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Whether HTTP defines the method as idempotent (RFC 9110): sending
    /// such a request twice has the effect of sending it once. `GET`, `PUT`
    /// and `DELETE` are; `POST` and `PATCH` are not, unless an endpoint
    /// declares otherwise (see [`Endpoint::IDEMPOTENT`](crate::Endpoint::IDEMPOTENT)).
    ///
    /// ```
    /// use hubspot_runtime::schema::Method;
    /// assert!(Method::Put.is_idempotent());
    /// assert!(!Method::Patch.is_idempotent());
    /// ```
    pub const fn is_idempotent(self) -> bool {
        matches!(self, Method::Get | Method::Put | Method::Delete)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of credential HubSpot accepts on an endpoint.
///
/// An endpoint lists the ones it takes in [`EndpointInfo::auth`]
/// (`#[auth(…)]` in `hubspot_endpoint!`); an empty list means the endpoint
/// takes none, as HubSpot's OAuth token endpoints do.
///
/// ```
/// use hubspot_runtime::AuthScheme;
/// assert_eq!(AuthScheme::DeveloperKey.as_str(), "developer_key");
/// assert_eq!(AuthScheme::OAuth.to_string(), "oauth");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AuthScheme {
    /// An OAuth access token of an app installed in an account
    /// (`Authorization: Bearer …`).
    OAuth,
    /// A private app's access token (`Authorization: Bearer …`).
    PrivateApp,
    /// The developer account's API key (`hapikey`), which HubSpot asks for
    /// on app administration such as custom-channel registration.
    DeveloperKey,
}

impl AuthScheme {
    /// The scheme as `#[auth(…)]` spells it: `"oauth"`, `"private_app"` or
    /// `"developer_key"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            AuthScheme::OAuth => "oauth",
            AuthScheme::PrivateApp => "private_app",
            AuthScheme::DeveloperKey => "developer_key",
        }
    }
}

impl fmt::Display for AuthScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Everything `hubspot_endpoint!` knows about one endpoint.
///
/// Its `Debug` output shows types by name (`Object(PublishMessage)`,
/// `Array(String)`), never as function addresses.
#[derive(Clone, Copy)]
pub struct EndpointInfo {
    /// The Rust type name, e.g. `"PublishMessage"`.
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// One path template per API version, oldest version first.
    pub paths: &'static [VersionedPath],
    /// Parameters bound to `{placeholders}` in the paths.
    pub path_params: &'static [FieldInfo],
    /// Query-string parameters.
    pub query_params: &'static [FieldInfo],
    /// What the request body is.
    pub body: BodyInfo,
    /// The status HubSpot answers with on success, e.g. `201`.
    pub success_status: u16,
    /// The type a successful response decodes into.
    pub response: fn() -> TypeInfo,
    /// The OAuth scopes the endpoint needs.
    pub scopes: &'static [&'static str],
    /// The credentials the endpoint accepts, any one of them; empty when it
    /// takes none (HubSpot's OAuth token endpoints).
    pub auth: &'static [AuthScheme],
}

impl EndpointInfo {
    /// The versions this endpoint is declared for, oldest first.
    pub fn versions(&self) -> impl Iterator<Item = ApiVersion> + '_ {
        self.paths.iter().map(|p| p.version)
    }

    /// The path template for `version`, if the endpoint has it.
    pub fn path_for(&self, version: ApiVersion) -> Option<&'static str> {
        self.paths
            .iter()
            .find(|p| p.version == version)
            .map(|p| p.template)
    }
}

/// A path template and the API version it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionedPath {
    /// The version.
    pub version: ApiVersion,
    /// The template, with `{camelCase}` placeholders, e.g.
    /// `"/conversations/v3/custom-channels/{channelId}/messages"`.
    pub template: &'static str,
}

/// What an endpoint sends as its request body.
#[derive(Debug, Clone, Copy)]
pub enum BodyInfo {
    /// No body.
    None,
    /// A JSON object whose fields are declared on the endpoint itself.
    Fields(&'static [FieldInfo]),
    /// An `application/x-www-form-urlencoded` body of the fields declared
    /// on the endpoint itself (`#[form]` in `hubspot_endpoint!`).
    Form(&'static [FieldInfo]),
    /// One value (an object or a union) that is the whole body.
    Whole(FieldInfo),
}

/// One field, parameter or body member.
#[derive(Clone, Copy)]
pub struct FieldInfo {
    /// The Rust name (snake_case), e.g. `"message_direction"`.
    pub name: &'static str,
    /// The name on the wire (JSON key, query key or path placeholder), e.g.
    /// `"messageDirection"`.
    pub json_name: &'static str,
    /// Whether the builder requires it.
    pub required: bool,
    /// Its type.
    pub ty: fn() -> TypeInfo,
}

/// The shape of a type, as far as HubSpot's JSON is concerned.
///
/// `Debug` names a declared type instead of printing its metadata, and
/// follows arrays and maps to their items: `Array(Object(Participant))`.
/// That also keeps a recursive type's output finite.
#[derive(Clone, Copy)]
pub enum TypeInfo {
    /// A string.
    String,
    /// A 32-bit integer.
    Int32,
    /// A 64-bit integer.
    Int64,
    /// A floating-point number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An RFC 3339 date-time string.
    DateTime,
    /// Any JSON value.
    Json,
    /// No content (a `204` response).
    Unit,
    /// A JSON array of the inner type.
    Array(fn() -> TypeInfo),
    /// A JSON object with string keys and values of the inner type.
    Map(fn() -> TypeInfo),
    /// A string enum.
    Enum(&'static EnumInfo),
    /// A JSON object with declared fields.
    Object(&'static ObjectInfo),
    /// A union discriminated by a tag field.
    Union(&'static UnionInfo),
}

/// A declared object.
#[derive(Debug, Clone, Copy)]
pub struct ObjectInfo {
    /// The Rust type name.
    pub name: &'static str,
    /// The fields, in declaration order.
    pub fields: &'static [FieldInfo],
}

/// A declared string enum.
#[derive(Debug, Clone, Copy)]
pub struct EnumInfo {
    /// The Rust type name.
    pub name: &'static str,
    /// The values on the wire, in declaration order.
    pub values: &'static [&'static str],
}

/// A declared tagged union.
#[derive(Debug, Clone, Copy)]
pub struct UnionInfo {
    /// The Rust type name.
    pub name: &'static str,
    /// The JSON field that names the variant, e.g. `"type"`.
    pub tag: &'static str,
    /// The variants.
    pub variants: &'static [UnionVariantInfo],
}

/// One variant of a union.
#[derive(Clone, Copy)]
pub struct UnionVariantInfo {
    /// The tag value that selects it, e.g. `"FILE"`.
    pub tag_value: &'static str,
    /// The object it carries.
    pub ty: fn() -> TypeInfo,
}

/// Shows a `fn() -> TypeInfo` as the type it describes.
struct TypeOf(fn() -> TypeInfo);

impl fmt::Debug for TypeOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (self.0)().fmt(f)
    }
}

impl fmt::Debug for TypeInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, inner): (&str, &dyn fmt::Debug) = match self {
            TypeInfo::String => return f.write_str("String"),
            TypeInfo::Int32 => return f.write_str("Int32"),
            TypeInfo::Int64 => return f.write_str("Int64"),
            TypeInfo::Number => return f.write_str("Number"),
            TypeInfo::Boolean => return f.write_str("Boolean"),
            TypeInfo::DateTime => return f.write_str("DateTime"),
            TypeInfo::Json => return f.write_str("Json"),
            TypeInfo::Unit => return f.write_str("Unit"),
            TypeInfo::Array(item) => ("Array", &TypeOf(*item)),
            TypeInfo::Map(value) => ("Map", &TypeOf(*value)),
            TypeInfo::Enum(info) => ("Enum", &format_args!("{}", info.name)),
            TypeInfo::Object(info) => ("Object", &format_args!("{}", info.name)),
            TypeInfo::Union(info) => ("Union", &format_args!("{}", info.name)),
        };
        f.debug_tuple(kind).field(inner).finish()
    }
}

impl fmt::Debug for FieldInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FieldInfo")
            .field("name", &self.name)
            .field("json_name", &self.json_name)
            .field("required", &self.required)
            .field("ty", &TypeOf(self.ty))
            .finish()
    }
}

impl fmt::Debug for UnionVariantInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnionVariantInfo")
            .field("tag_value", &self.tag_value)
            .field("ty", &TypeOf(self.ty))
            .finish()
    }
}

impl fmt::Debug for EndpointInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EndpointInfo")
            .field("name", &self.name)
            .field("method", &self.method)
            .field("paths", &self.paths)
            .field("path_params", &self.path_params)
            .field("query_params", &self.query_params)
            .field("body", &self.body)
            .field("success_status", &self.success_status)
            .field("response", &TypeOf(self.response))
            .field("scopes", &self.scopes)
            .field("auth", &self.auth)
            .finish()
    }
}

/// A type whose JSON shape is known. Implemented for the primitives, and by
/// `hubspot_endpoint!` for every object, enum and union it declares.
pub trait Schema {
    /// The shape of `Self`.
    fn schema() -> TypeInfo;
}

macro_rules! primitive_schema {
    ($($ty:ty => $info:ident),* $(,)?) => {
        $(impl Schema for $ty {
            fn schema() -> TypeInfo {
                TypeInfo::$info
            }
        })*
    };
}

primitive_schema! {
    String => String,
    i32 => Int32,
    i64 => Int64,
    f64 => Number,
    bool => Boolean,
    crate::DateTime => DateTime,
    serde_json::Value => Json,
    () => Unit,
}

impl<T: Schema> Schema for Vec<T> {
    fn schema() -> TypeInfo {
        TypeInfo::Array(T::schema)
    }
}

impl<T: Schema> Schema for Option<T> {
    fn schema() -> TypeInfo {
        T::schema()
    }
}

impl<T: Schema> Schema for Box<T> {
    fn schema() -> TypeInfo {
        T::schema()
    }
}

impl<T: Schema, S> Schema for HashMap<String, T, S> {
    fn schema() -> TypeInfo {
        TypeInfo::Map(T::schema)
    }
}

impl<T: Schema> Schema for BTreeMap<String, T> {
    fn schema() -> TypeInfo {
        TypeInfo::Map(T::schema)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static PARTICIPANT: ObjectInfo = ObjectInfo {
        name: "Participant",
        fields: &[FieldInfo {
            name: "friends",
            json_name: "friends",
            required: false,
            // A recursive type: Debug must still end.
            ty: <Vec<Box<Recursive>> as Schema>::schema,
        }],
    };
    static DIRECTION: EnumInfo = EnumInfo {
        name: "Direction",
        values: &["INCOMING"],
    };
    static ATTACHMENT: UnionInfo = UnionInfo {
        name: "Attachment",
        tag: "type",
        variants: &[UnionVariantInfo {
            tag_value: "FILE",
            ty: || TypeInfo::Object(&PARTICIPANT),
        }],
    };

    struct Recursive;
    impl Schema for Recursive {
        fn schema() -> TypeInfo {
            TypeInfo::Object(&PARTICIPANT)
        }
    }

    #[test]
    fn debug_names_types_instead_of_printing_addresses() {
        let info = EndpointInfo {
            name: "Publish",
            method: Method::Post,
            paths: &[VersionedPath {
                version: ApiVersion::Numbered(3),
                template: "/things/{id}",
            }],
            path_params: &[FieldInfo {
                name: "id",
                json_name: "id",
                required: true,
                ty: <String as Schema>::schema,
            }],
            query_params: &[FieldInfo {
                name: "direction",
                json_name: "direction",
                required: false,
                ty: || TypeInfo::Enum(&DIRECTION),
            }],
            body: BodyInfo::Fields(&[FieldInfo {
                name: "tags",
                json_name: "tags",
                required: true,
                ty: <HashMap<String, Vec<i64>> as Schema>::schema,
            }]),
            success_status: 201,
            response: || TypeInfo::Union(&ATTACHMENT),
            scopes: &["conversations.read"],
            auth: &[AuthScheme::OAuth, AuthScheme::PrivateApp],
        };
        let text = format!("{info:?}");
        assert!(!text.contains("0x"), "{text}");
        assert_eq!(
            text,
            "EndpointInfo { name: \"Publish\", method: Post, \
             paths: [VersionedPath { version: Numbered(3), template: \"/things/{id}\" }], \
             path_params: [FieldInfo { name: \"id\", json_name: \"id\", required: true, ty: String }], \
             query_params: [FieldInfo { name: \"direction\", json_name: \"direction\", required: false, ty: Enum(Direction) }], \
             body: Fields([FieldInfo { name: \"tags\", json_name: \"tags\", required: true, ty: Map(Array(Int64)) }]), \
             success_status: 201, response: Union(Attachment), scopes: [\"conversations.read\"], \
             auth: [OAuth, PrivateApp] }"
        );
        assert_eq!(
            format!("{:?}", ATTACHMENT.variants[0]),
            "UnionVariantInfo { tag_value: \"FILE\", ty: Object(Participant) }"
        );
        assert_eq!(
            format!("{PARTICIPANT:?}"),
            "ObjectInfo { name: \"Participant\", fields: [FieldInfo { name: \"friends\", json_name: \"friends\", required: false, ty: Array(Object(Participant)) }] }"
        );
    }
}
