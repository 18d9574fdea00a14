//! The contract between a declared endpoint and the [`Client`](crate::Client).

use serde::de::DeserializeOwned;

use crate::schema::EndpointInfo;

/// A request value that the [`Client`](crate::Client) can send.
///
/// `hubspot_endpoint!` implements it for every endpoint it declares; there is
/// rarely a reason to implement it by hand.
pub trait Endpoint {
    /// What a successful response decodes into.
    type Response: DeserializeOwned;

    /// The endpoint's metadata: method, paths per version, fields, scopes.
    const INFO: &'static EndpointInfo;

    /// Whether the endpoint is declared idempotent beyond what its method
    /// says (`#[idempotent]` in `hubspot_endpoint!`): sending the request
    /// twice has the effect of sending it once, so the client may retry it
    /// after a failure that could have reached HubSpot. `GET`, `PUT` and
    /// `DELETE` requests are idempotent whatever this says.
    const IDEMPOTENT: bool = false;

    /// The JSON name of the body field HubSpot de-duplicates requests on,
    /// if the endpoint has one (`#[idempotency_key(field)]` in
    /// `hubspot_endpoint!`), e.g. `"integrationIdempotencyId"`.
    ///
    /// When it is set, the client fills the field with a fresh id if the
    /// request left it empty, sends the same id on every retry, and so may
    /// retry the request safely.
    const IDEMPOTENCY_KEY: Option<&'static str> = None;

    /// Whether the bytes [`body`](Endpoint::body) returns are an
    /// `application/x-www-form-urlencoded` form (`#[form]` in
    /// `hubspot_endpoint!`) rather than JSON, so that the client sends the
    /// matching `Content-Type`.
    const FORM: bool = false;

    /// The path for the version at `version_index` in [`EndpointInfo::paths`],
    /// with every placeholder filled in and percent-encoded.
    ///
    /// A hook for the code `hubspot_endpoint!` generates, not a public API:
    /// it may change in any release.
    #[doc(hidden)]
    fn __path(&self, version_index: usize) -> String;

    /// Appends the query-string parameters that are set.
    fn query(&self, query: &mut Query) {
        let _ = query;
    }

    /// The JSON request body, or `None` when the endpoint sends none.
    fn body(&self) -> Result<Option<Vec<u8>>, serde_json::Error>;

    /// The JSON request body with the [`IDEMPOTENCY_KEY`] field set to a key
    /// from `new_key` when the request leaves it unset or empty; a value the
    /// caller set is kept (and `new_key` is not called). Only called when
    /// [`IDEMPOTENCY_KEY`] is `Some`; the default is [`body`](Endpoint::body).
    ///
    /// A hook for the code `hubspot_endpoint!` generates, not a public API:
    /// it may change in any release.
    ///
    /// [`IDEMPOTENCY_KEY`]: Endpoint::IDEMPOTENCY_KEY
    #[doc(hidden)]
    fn __body_with_idempotency_key(
        &self,
        new_key: fn() -> String,
    ) -> Result<Option<Vec<u8>>, serde_json::Error> {
        let _ = new_key;
        self.body()
    }
}

/// Query-string parameters being collected for one request.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Query {
    pairs: Vec<(&'static str, String)>,
}

impl Query {
    /// Appends `value` under `name`; how depends on the value's type (an
    /// unset `Option` appends nothing, a `Vec` appends one pair per element).
    pub fn push<V: QueryValue + ?Sized>(&mut self, name: &'static str, value: &V) {
        value.append_to(name, self);
    }

    /// Appends one raw pair.
    pub fn push_str(&mut self, name: &'static str, value: String) {
        self.pairs.push((name, value));
    }

    /// The pairs collected so far, in order.
    pub fn pairs(&self) -> &[(&'static str, String)] {
        &self.pairs
    }

    /// Whether no parameter was appended.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}

/// A type that can be a query-string parameter.
pub trait QueryValue {
    /// Appends `self` under `name`.
    fn append_to(&self, name: &'static str, query: &mut Query);
}

macro_rules! display_query_value {
    ($($ty:ty),*) => {
        $(impl QueryValue for $ty {
            fn append_to(&self, name: &'static str, query: &mut Query) {
                query.push_str(name, self.to_string());
            }
        })*
    };
}

display_query_value!(String, str, i32, i64, f64, bool);

impl<T: QueryValue> QueryValue for Option<T> {
    fn append_to(&self, name: &'static str, query: &mut Query) {
        if let Some(value) = self {
            value.append_to(name, query);
        }
    }
}

impl<T: QueryValue> QueryValue for Vec<T> {
    fn append_to(&self, name: &'static str, query: &mut Query) {
        for value in self {
            value.append_to(name, query);
        }
    }
}

impl QueryValue for crate::DateTime {
    fn append_to(&self, name: &'static str, query: &mut Query) {
        query.push_str(
            name,
            self.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_expand_by_type() {
        let mut query = Query::default();
        query.push("limit", &Some(10));
        query.push("after", &None::<String>);
        query.push("property", &vec!["a".to_owned(), "b".to_owned()]);
        query.push("archived", &true);
        assert_eq!(
            query.pairs(),
            [
                ("limit", "10".to_owned()),
                ("property", "a".to_owned()),
                ("property", "b".to_owned()),
                ("archived", "true".to_owned()),
            ]
        );
    }
}
