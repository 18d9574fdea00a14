//! The generator on a small two-version API written here: what it merges,
//! what it splits into a version submodule, and what it says it could not
//! express. (Its output for HubSpot's real specs is compiled and checked
//! against them by the workspace's conformance test.)

use hubspot_declare::{Options, SpecFile, Version, generate};
use serde_json::{Value, json};

fn thing(extra: bool) -> Value {
    let mut properties = json!({
        "id": {"type": "string", "description": "The thing's id."},
        "name": {"type": "string"},
        "kind": {"type": "string", "enum": ["SMALL", "LARGE", "x-large"]},
        "createdAt": {"type": "string", "format": "date-time"},
        "hs_tag": {"type": "string"},
        "part": {"$ref": "#/components/schemas/Part"}
    });
    if extra {
        properties["color"] = json!({"type": "string"});
    }
    json!({"type": "object", "required": ["id", "name"], "properties": properties})
}

fn spec(version: &str, thing_has_color: bool) -> SpecFile {
    let base = if version == "v3" {
        "/things/v3".to_owned()
    } else {
        format!("/things/{version}")
    };
    let admin_security = if version == "v3" {
        json!([])
    } else {
        json!([{"developer_hapikey": []}])
    };
    let doc = json!({
        "openapi": "3.0.1",
        "info": {"title": "Things", "version": version},
        "paths": {
            base.clone(): {
                "get": {
                    "operationId": "get-things_getPage",
                    "summary": "List things",
                    "parameters": [
                        {"name": "after", "in": "query", "schema": {"type": "string"}},
                        {"name": "limit", "in": "query", "schema": {"type": "integer", "format": "int32"}}
                    ],
                    "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ThingPage"}}}}},
                    "security": [{"oauth2": ["things.read"]}]
                },
                "post": {
                    "operationId": "post-things_create",
                    "description": "Creates a thing. See https://example.com/things and [the guide](https://example.com/guide).",
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {
                        "type": "object",
                        "required": ["name"],
                        "properties": {
                            "name": {"type": "string"},
                            "requestIdempotencyId": {"type": "string"},
                            "part": {"$ref": "#/components/schemas/Part"}
                        }
                    }}}},
                    "responses": {"201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
                    "security": [{"oauth2": ["things.write"]}]
                }
            },
            format!("{base}/{{thingId}}"): {
                "get": {
                    "operationId": "get-thing_getById",
                    "parameters": [{"name": "thingId", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
                    "security": [{"oauth2": ["things.read"]}]
                },
                "delete": {
                    "operationId": "delete-thing_archive",
                    "parameters": [{"name": "thingId", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "responses": {"default": {"description": "an error"}},
                    "security": admin_security
                }
            }
        },
        "components": {"schemas": {
            "Thing": thing(thing_has_color),
            "ThingPage": {"type": "object", "required": ["results"], "properties": {
                "results": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                "paging": {"$ref": "#/components/schemas/Paging"}
            }},
            "Paging": {"type": "object", "properties": {"next": {"$ref": "#/components/schemas/NextPage"}}},
            "NextPage": {"type": "object", "required": ["after"], "properties": {"after": {"type": "string"}}},
            "Part": {"oneOf": [
                {"$ref": "#/components/schemas/Wheel"},
                {"$ref": "#/components/schemas/Bolt"}
            ]},
            "Wheel": {"type": "object", "required": ["partKind", "size"], "properties": {
                "partKind": {"type": "string", "enum": ["WHEEL"]},
                "size": {"type": "integer", "format": "int32"}
            }},
            "Bolt": {"type": "object", "required": ["partKind"], "properties": {
                "partKind": {"type": "string", "enum": ["BOLT"]},
                "threads": {"type": "array", "items": {"type": "number"}}
            }}
        }}
    });
    SpecFile {
        name: format!("things.{version}.json"),
        doc,
    }
}

fn things() -> hubspot_declare::Output {
    generate(
        &[spec("2026-03", true), spec("v3", false)],
        &Options::new("things", "hubspot_api"),
    )
    .expect("generates")
}

#[test]
fn versions_that_agree_share_a_declaration_and_the_others_get_a_submodule() {
    let out = things();
    let source = &out.source;
    // The archive agrees in both versions: one declaration, two paths,
    // oldest first (the files were given newest first).
    assert!(
        source.contains(
            "pub endpoint ArchiveThing: DELETE {\n        v3        => \"/things/v3/{thingId}\",\n        \"2026-03\" => \"/things/2026-03/{thingId}\","
        ),
        "{source}"
    );
    // `Thing` gains `color` in 2026-03, so everything reaching it splits
    // (the list, whose page holds things, too): v3's at the top, 2026-03's
    // in `v2026_03`, which re-uses what agrees.
    let (top, sub) = source
        .split_once("pub mod v2026_03 {")
        .expect("a version submodule");
    assert!(top.contains("pub endpoint GetThing: GET {\n        v3 => \"/things/v3/{thingId}\","));
    assert!(sub.contains(
        "pub endpoint GetThing: GET {\n            \"2026-03\" => \"/things/2026-03/{thingId}\","
    ));
    assert!(sub.contains("color: String"));
    assert!(!top.contains("color: String"));
    assert!(
        sub.contains("pub use super::{Paging, Part, ThingKind};"),
        "{sub}"
    );
    assert!(sub.contains("pub endpoint ListThings: GET"));
    // A union's tag enums are not written: the union writes the tag.
    assert!(!source.contains("WheelPartKind"));
    assert!(source.contains("v2026_03::GetThing::METADATA"));
}

#[test]
fn the_dsl_features_come_from_the_spec() {
    let source = things().source;
    // Pagination: an optional `after` and a page of results with a cursor.
    assert!(source.contains("#[paginated]\n    pub endpoint ListThings"));
    assert!(source.contains("#[page]\n    pub object ThingPage"));
    // An idempotency key HubSpot de-duplicates on.
    assert!(source.contains("#[idempotency_key(request_idempotency_id)]"));
    // Scopes, and credentials: v3's empty security takes 2026-03's.
    assert!(source.contains("#[scopes(\"things.write\")]"));
    assert!(source.contains("#[auth(developer_key)]\n    pub endpoint ArchiveThing: DELETE"));
    // A union tagged by the one property that is a one-value enum in every
    // member, whose objects leave the tag to it.
    assert!(source.contains("#[tag = \"partKind\"]\n    pub union Part {\n        WHEEL => Wheel,\n        BOLT => Bolt,"));
    assert!(source.contains("`partKind` is left out"));
    // Enum values that are not identifiers get a name; JSON names that the
    // macro's camelCase would not give back get `#[json]`.
    assert!(source.contains("XLarge = \"x-large\","), "{source}");
    assert!(source.contains("#[json = \"hs_tag\"]\n            hs_tag: String,"));
    assert!(source.contains("created_at: DateTime,"));
    // Descriptions become docs rustdoc reads right: a bare URL is a link,
    // a Markdown link stays one.
    assert!(source.contains("<https://example.com/things>"));
    assert!(source.contains("[the guide](https://example.com/guide)"));
}

#[test]
fn what_the_dsl_cannot_say_is_a_comment_and_in_the_summary() {
    let out = things();
    assert!(out.source.contains(
        "// Note: the spec documents no success response (only `default`); declared as `200` with any"
    ));
    assert!(
        out.source
            .contains("// Note (v3): the spec lists no credentials")
    );
    assert!(out.source.contains("-> 200 JsonValue;"));
    let summary = &out.summary;
    assert_eq!(summary.operations, 8);
    // Both DELETEs lack a success response; v3's also borrows credentials.
    assert_eq!(summary.exact, 6);
    assert_eq!(summary.caveats.len(), 3);
    let text = summary.to_string();
    assert!(
        text.contains("6 of 8 version-operations expressed exactly, 2 with a caveat"),
        "{text}"
    );
}

#[test]
fn output_is_deterministic_and_bad_input_is_an_error() {
    assert_eq!(things().source, things().source);
    let mut unnamed = spec("v3", false);
    unnamed.name = "things.json".into();
    let err = generate(&[unnamed], &Options::new("things", "hubspot_api")).unwrap_err();
    assert!(err.contains("things.json"), "{err}");
    assert!(generate(&[], &Options::new("things", "hubspot_api")).is_err());
    let mut broken = spec("v3", false);
    broken.doc["paths"]["/things/v3"]["get"]
        .as_object_mut()
        .unwrap()
        .remove("responses");
    let err = generate(&[broken], &Options::new("things", "hubspot_api")).unwrap_err();
    assert!(err.contains("without responses"), "{err}");
}

#[test]
fn names_can_be_chosen_by_hand_and_paths_filtered() {
    let mut options = Options::new("things", "hubspot_api");
    options
        .names
        .insert("DELETE /things/v3/{thingId}".into(), "RemoveThing".into());
    options.skip.push("/things/2026-03".into());
    let out = generate(&[spec("v3", false), spec("2026-03", true)], &options).unwrap();
    assert!(out.source.contains("pub endpoint RemoveThing: DELETE"));
    assert!(!out.source.contains("2026-03"));
    assert_eq!(out.summary.operations, 4);
}

#[test]
fn versions_sort_numbered_before_dated() {
    let mut versions: Vec<Version> = ["2026-09", "v3", "2025-09", "v1"]
        .iter()
        .map(|v| Version::parse(v).unwrap())
        .collect();
    versions.sort();
    let text: Vec<String> = versions.iter().map(ToString::to_string).collect();
    assert_eq!(text, ["v1", "v3", "2025-09", "2026-09"]);
    assert!(Version::parse("26-03").is_err());
}
