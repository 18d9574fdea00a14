//! CRM contacts and companies over real HTTP on loopback, in every version:
//! create, read, update, archive, list, search, batch read and create,
//! email uniqueness, the `2026-09` generic paths, accounts, credentials,
//! seeding, and the contact behind a conversation. Every answer is checked
//! against its spec response schema (strictly: no undeclared property)
//! when the specs are present; the behaviour checks always run.

mod common;

use std::time::Duration;

use common::spec::{self, Spec};
use common::{Client, Response, publish_path, send_raw, simple_egg};
use hubspot_fake::{CrmObjectType, CrmSeed, FakeConfig, FakeHubSpot, RateLimitConfig};
use serde_json::{Value, json};

/// One CRM API under test: a spec file, the collection path the requests
/// use, the spec's templates for it, and the type it stores.
#[derive(Debug, Clone, Copy)]
struct Api {
    spec: &'static str,
    path: &'static str,
    template: &'static str,
    id: &'static str,
    object_type: CrmObjectType,
}

const fn api(
    spec: &'static str,
    path: &'static str,
    template: &'static str,
    id: &'static str,
    object_type: CrmObjectType,
) -> Api {
    Api {
        spec,
        path,
        template,
        id,
        object_type,
    }
}

const CONTACTS: CrmObjectType = CrmObjectType::Contacts;
const COMPANIES: CrmObjectType = CrmObjectType::Companies;
const GENERIC: &str = "/crm/objects/2026-09/{objectType}";

/// Every version of both types; `2026-09` reached by name and by type id.
const APIS: &[Api] = &[
    api(
        "crm/contacts.v3.json",
        "/crm/v3/objects/contacts",
        "/crm/v3/objects/contacts",
        "{contactId}",
        CONTACTS,
    ),
    api(
        "crm/companies.v3.json",
        "/crm/v3/objects/companies",
        "/crm/v3/objects/companies",
        "{companyId}",
        COMPANIES,
    ),
    api(
        "crm/contacts.2026-03.json",
        "/crm/objects/2026-03/contacts",
        "/crm/objects/2026-03/contacts",
        "{contactId}",
        CONTACTS,
    ),
    api(
        "crm/companies.2026-03.json",
        "/crm/objects/2026-03/companies",
        "/crm/objects/2026-03/companies",
        "{companyId}",
        COMPANIES,
    ),
    api(
        "crm/contacts.2026-09.json",
        "/crm/objects/2026-09/contacts",
        GENERIC,
        "{objectId}",
        CONTACTS,
    ),
    api(
        "crm/contacts.2026-09.json",
        "/crm/objects/2026-09/0-1",
        GENERIC,
        "{objectId}",
        CONTACTS,
    ),
    api(
        "crm/companies.2026-09.json",
        "/crm/objects/2026-09/companies",
        GENERIC,
        "{objectId}",
        COMPANIES,
    ),
    api(
        "crm/companies.2026-09.json",
        "/crm/objects/2026-09/0-2",
        GENERIC,
        "{objectId}",
        COMPANIES,
    ),
];

fn contact_apis() -> impl Iterator<Item = &'static Api> {
    APIS.iter().filter(|a| a.object_type == CONTACTS)
}

impl Api {
    fn spec(&self) -> Option<Spec> {
        spec::load(self.spec)
    }

    fn by_id(&self) -> String {
        format!("{}/{}", self.template, self.id)
    }

    fn sub(&self, suffix: &str) -> String {
        format!("{}{suffix}", self.template)
    }

    /// Properties that make a valid object of this type, unique by `tag`.
    fn props(&self, tag: &str) -> Value {
        match self.object_type {
            CrmObjectType::Contacts => json!({
                "email": format!("{tag}@example.com"),
                "firstname": "Grace",
                "lastname": tag,
            }),
            _ => {
                json!({ "name": format!("Company {tag}"), "domain": format!("{tag}.example.com") })
            }
        }
    }

    fn modified(&self) -> &'static str {
        match self.object_type {
            CrmObjectType::Contacts => "lastmodifieddate",
            _ => "hs_lastmodifieddate",
        }
    }
}

/// Checks the status and, when the spec is loaded, the body against the
/// operation's response schema; answers the JSON (`Null` for a `204`).
fn checked(
    spec: Option<&Spec>,
    template: &str,
    method: &str,
    response: &Response,
    status: u16,
) -> Value {
    assert_eq!(
        response.status,
        status,
        "{method} {template}: {}",
        String::from_utf8_lossy(&response.body)
    );
    if status == 204 {
        assert!(
            response.body.is_empty(),
            "{method} {template}: 204 with a body"
        );
        return Value::Null;
    }
    let body = response.json();
    if let Some(spec) = spec {
        spec.assert_response(template, method, status, &body);
    }
    body
}

async fn fake_without_samples() -> FakeHubSpot {
    FakeHubSpot::start_with(FakeConfig::default().without_crm_samples())
        .await
        .unwrap()
}

fn property_names(object: &Value) -> Vec<String> {
    let mut names: Vec<String> = object["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .cloned()
        .collect();
    names.sort();
    names
}

fn ids(page: &Value) -> Vec<String> {
    page["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|o| o["id"].as_str().expect("id").to_owned())
        .collect()
}

#[tokio::test]
async fn objects_are_created_read_updated_and_archived_in_every_version() {
    let fake = fake_without_samples().await;
    let client = Client::new(&fake);
    for (i, api) in APIS.iter().enumerate() {
        let spec = api.spec();
        let spec = spec.as_ref();
        let created = client
            .post(
                api.path,
                &json!({ "properties": api.props(&format!("crud{i}")) }),
            )
            .await;
        let created = checked(spec, api.template, "post", &created, 201);
        let id = created["id"].as_str().unwrap().to_owned();
        assert!(id.parse::<u64>().is_ok(), "{created:#}");
        assert_eq!(created["archived"], false);
        assert_eq!(created["properties"]["hs_object_id"], id.as_str());
        assert_eq!(created["properties"]["createdate"], created["createdAt"]);
        assert_eq!(created["properties"][api.modified()], created["updatedAt"]);
        let object = format!("{}/{id}", api.path);

        // Default properties, then exactly the ones asked for.
        let read = checked(spec, &api.by_id(), "get", &client.get(&object).await, 200);
        let defaults: Vec<&str> = match api.object_type {
            CrmObjectType::Contacts => vec![
                "createdate",
                "email",
                "firstname",
                "hs_object_id",
                "lastmodifieddate",
                "lastname",
            ],
            _ => vec![
                "createdate",
                "domain",
                "hs_lastmodifieddate",
                "hs_object_id",
                "name",
            ],
        };
        assert_eq!(property_names(&read), defaults, "{}", api.path);
        let some = client
            .get(&format!(
                "{object}?properties=hs_object_id,nope&properties=createdate"
            ))
            .await;
        let some = checked(spec, &api.by_id(), "get", &some, 200);
        assert_eq!(property_names(&some), ["createdate", "hs_object_id"]);

        // PATCH merges: the untouched property stays, "" clears one.
        let (changed, kept, cleared) = match api.object_type {
            CrmObjectType::Contacts => ("firstname", "email", "lastname"),
            _ => ("name", "createdate", "domain"),
        };
        let patch = json!({ "properties": { changed: "Changed", cleared: "", "city": "Leiden" } });
        let updated = checked(
            spec,
            &api.by_id(),
            "patch",
            &client.patch(&object, &patch).await,
            200,
        );
        assert_eq!(updated["properties"][changed], "Changed");
        assert_eq!(updated["properties"]["city"], "Leiden");
        let read = client
            .get(&format!(
                "{object}?properties={changed},{kept},{cleared},city&propertiesWithHistory={changed}"
            ))
            .await;
        let read = checked(spec, &api.by_id(), "get", &read, 200);
        assert_eq!(read["properties"][changed], "Changed");
        assert_eq!(read["properties"][kept], created["properties"][kept]);
        assert!(read["properties"].get(cleared).is_none(), "{read:#}");
        let history = read["propertiesWithHistory"][changed].as_array().unwrap();
        assert_eq!(history.len(), 2, "newest first: {history:?}");
        assert_eq!(history[0]["value"], "Changed");
        assert!(read["updatedAt"].as_str() >= created["updatedAt"].as_str());

        // Archive: gone from reads, there with archived=true.
        checked(
            spec,
            &api.by_id(),
            "delete",
            &client.bare("DELETE", &object).await,
            204,
        );
        let gone = checked(spec, &api.by_id(), "get", &client.get(&object).await, 404);
        assert_eq!(gone["category"], "OBJECT_NOT_FOUND");
        let archived = client.get(&format!("{object}?archived=true")).await;
        let archived = checked(spec, &api.by_id(), "get", &archived, 200);
        assert_eq!(archived["archived"], true);
        assert!(archived["archivedAt"].is_string());
        let patch_gone = client.patch(&object, &patch).await;
        checked(spec, &api.by_id(), "patch", &patch_gone, 404);
        // Unknown ids, and the other type's id, are 404s too.
        for missing in ["999999999", "abc"] {
            let response = client.get(&format!("{}/{missing}", api.path)).await;
            checked(spec, &api.by_id(), "get", &response, 404);
            let response = client
                .bare("DELETE", &format!("{}/{missing}", api.path))
                .await;
            checked(spec, &api.by_id(), "delete", &response, 404);
        }
    }
    // Archived objects are not listed by the fake's inspection either.
    let hub = fake.default_hub_id();
    assert!(fake.crm_objects(hub, CONTACTS).unwrap().is_empty());
    assert!(fake.crm_objects(hub, COMPANIES).unwrap().is_empty());
}

#[tokio::test]
async fn a_contact_email_is_unique_per_account_case_insensitively() {
    let fake = fake_without_samples().await;
    let client = Client::new(&fake);
    for (i, api) in contact_apis().enumerate() {
        let spec = api.spec();
        let spec = spec.as_ref();
        let email = format!("unique{i}@example.com");
        let first = client
            .post(api.path, &json!({ "properties": { "email": email } }))
            .await;
        let first = checked(spec, api.template, "post", &first, 201);
        let id = first["id"].as_str().unwrap();

        let twin = client
            .post(
                api.path,
                &json!({ "properties": { "email": email.to_uppercase(), "firstname": "Twin" } }),
            )
            .await;
        let twin = checked(spec, api.template, "post", &twin, 409);
        assert_eq!(twin["category"], "CONFLICT");
        assert_eq!(
            twin["message"],
            format!("Contact already exists. Existing ID: {id}")
        );

        // Another contact cannot take the address either, by PATCH.
        let other = client
            .post(
                api.path,
                &json!({ "properties": { "email": format!("other{i}@example.com") } }),
            )
            .await;
        let other = checked(spec, api.template, "post", &other, 201);
        let steal = client
            .patch(
                &format!("{}/{}", api.path, other["id"].as_str().unwrap()),
                &json!({ "properties": { "email": email } }),
            )
            .await;
        checked(spec, &api.by_id(), "patch", &steal, 409);

        // Looked up by email, in any case; updated by email too.
        let by_email = client
            .get(&format!(
                "{}/{}?idProperty=email",
                api.path,
                email.to_uppercase()
            ))
            .await;
        let by_email = checked(spec, &api.by_id(), "get", &by_email, 200);
        assert_eq!(by_email["id"], id);
        let patched = client
            .patch(
                &format!("{}/{email}?idProperty=email", api.path),
                &json!({ "properties": { "firstname": "Found" } }),
            )
            .await;
        let patched = checked(spec, &api.by_id(), "patch", &patched, 200);
        assert_eq!(patched["id"], id);
        let missing = client
            .get(&format!("{}/nobody@example.com?idProperty=email", api.path))
            .await;
        checked(spec, &api.by_id(), "get", &missing, 404);

        // Once archived, the address is free again.
        client.bare("DELETE", &format!("{}/{id}", api.path)).await;
        let again = client
            .post(api.path, &json!({ "properties": { "email": email } }))
            .await;
        let again = checked(spec, api.template, "post", &again, 201);
        assert_ne!(again["id"], id);
    }
    // Companies have no unique email.
    let api = APIS[1];
    for _ in 0..2 {
        let response = client
            .post(
                api.path,
                &json!({ "properties": { "email": "same@example.com" } }),
            )
            .await;
        assert_eq!(response.status, 201);
    }
}

#[tokio::test]
async fn lists_page_with_limit_and_after_and_show_associations() {
    let fake = fake_without_samples().await;
    let client = Client::new(&fake);
    for api in APIS.iter().step_by(2) {
        let spec = api.spec();
        let spec = spec.as_ref();
        let listed_before = ids(&client.get(&format!("{}?limit=100", api.path)).await.json());
        let mut created = Vec::new();
        for i in 0..5 {
            let tag = format!("{}-list{i}", api.path.replace('/', ""));
            let response = client
                .post(api.path, &json!({ "properties": api.props(&tag) }))
                .await;
            assert_eq!(response.status, 201);
            created.push(response.json()["id"].as_str().unwrap().to_owned());
        }
        let mut seen = Vec::new();
        let mut next = format!("{}?limit=2&properties=hs_object_id", api.path);
        let mut pages = 0;
        loop {
            let page = checked(spec, api.template, "get", &client.get(&next).await, 200);
            let got = ids(&page);
            assert!(got.len() <= 2);
            for object in page["results"].as_array().unwrap() {
                assert_eq!(property_names(object), ["hs_object_id"]);
            }
            seen.extend(got);
            pages += 1;
            match page["paging"]["next"]["after"].as_str() {
                Some(after) => {
                    next = format!("{}?limit=2&properties=hs_object_id&after={after}", api.path)
                }
                None => break,
            }
        }
        let mut expected = listed_before.clone();
        expected.extend(created.iter().cloned());
        assert_eq!(seen, expected, "every object once, by id");
        assert_eq!(pages, expected.len().div_ceil(2));
        // The default page is 10; limit is checked.
        let default = client.get(api.path).await;
        assert!(ids(&checked(spec, api.template, "get", &default, 200)).len() <= 10);
        for bad in [
            "limit=0",
            "limit=101",
            "limit=ten",
            "after=xyz",
            "archived=maybe",
        ] {
            let response = client.get(&format!("{}?{bad}", api.path)).await;
            let body = checked(spec, api.template, "get", &response, 400);
            assert_eq!(body["category"], "VALIDATION_ERROR", "{bad}");
        }
        // Archived objects are listed only with archived=true.
        client
            .bare("DELETE", &format!("{}/{}", api.path, created[0]))
            .await;
        let live = ids(&client.get(&format!("{}?limit=100", api.path)).await.json());
        assert!(!live.contains(&created[0]));
        let archived = client.get(&format!("{}?archived=true", api.path)).await;
        let archived = checked(spec, api.template, "get", &archived, 200);
        assert!(ids(&archived).contains(&created[0]));
    }

    // A contact created with an association to a company lists it, and
    // the company lists the contact.
    let company = client
        .post(
            "/crm/v3/objects/companies",
            &json!({ "properties": { "name": "Acme" } }),
        )
        .await
        .json();
    let company_id = company["id"].as_str().unwrap();
    let association = json!([{
        "to": { "id": company_id },
        "types": [{ "associationCategory": "HUBSPOT_DEFINED", "associationTypeId": 279 }],
    }]);
    for api in contact_apis().step_by(2) {
        let spec = api.spec();
        let spec = spec.as_ref();
        let tag = format!("assoc{}", api.path.len());
        let contact = client
            .post(
                api.path,
                &json!({ "properties": api.props(&tag), "associations": association }),
            )
            .await;
        let contact = checked(spec, api.template, "post", &contact, 201);
        let contact_id = contact["id"].as_str().unwrap();
        let read = client
            .get(&format!("{}/{contact_id}?associations=companies", api.path))
            .await;
        let read = checked(spec, &api.by_id(), "get", &read, 200);
        assert_eq!(
            read["associations"]["companies"]["results"],
            json!([{ "id": company_id, "type": "contact_to_company" }])
        );
        let listed = client
            .get(&format!("{}?associations=0-2&limit=100", api.path))
            .await;
        let listed = checked(spec, api.template, "get", &listed, 200);
        let mine = listed["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == contact_id)
            .unwrap();
        assert_eq!(
            mine["associations"]["companies"]["results"][0]["id"],
            company_id
        );
    }
    let company = client
        .get(&format!(
            "/crm/v3/objects/companies/{company_id}?associations=contacts"
        ))
        .await
        .json();
    assert_eq!(
        company["associations"]["contacts"]["results"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // An association to nothing is refused, and nothing is created.
    let before = fake
        .crm_objects(fake.default_hub_id(), CONTACTS)
        .unwrap()
        .len();
    let dangling = client
        .post(
            "/crm/v3/objects/contacts",
            &json!({
                "properties": { "email": "dangling@example.com" },
                "associations": [{ "to": { "id": "123" }, "types": [] }],
            }),
        )
        .await;
    assert_eq!(dangling.status, 400);
    assert_eq!(dangling.json()["errors"][0]["in"], "associations[0].to.id");
    assert_eq!(
        fake.crm_objects(fake.default_hub_id(), CONTACTS)
            .unwrap()
            .len(),
        before
    );
}

#[tokio::test]
async fn search_ors_groups_of_anded_filters_sorts_and_pages() {
    let fake = fake_without_samples().await;
    let client = Client::new(&fake);
    for (v, api) in contact_apis().enumerate() {
        let spec = api.spec();
        let spec = spec.as_ref();
        let search_template = api.sub("/search");
        let search = format!("{}/search", api.path);
        // Each version sees its own cast, told apart by `jobtitle`.
        let job = format!("cast{v}");
        let cast = [
            json!({ "email": format!("ada{v}@Example.com"), "firstname": "Ada", "lastname": "Lovelace", "jobtitle": job }),
            json!({ "email": format!("grace{v}@navy.example"), "firstname": "Grace", "lastname": "Hopper", "jobtitle": job, "phone": "+1 555 0100" }),
            json!({ "email": format!("alan{v}@example.com"), "firstname": "Alan", "lastname": "Turing", "jobtitle": job }),
            json!({ "firstname": "Nobody", "jobtitle": job }),
        ];
        let mut cast_ids = Vec::new();
        for properties in &cast {
            let response = client
                .post(api.path, &json!({ "properties": properties }))
                .await;
            assert_eq!(
                response.status,
                201,
                "{}",
                String::from_utf8_lossy(&response.body)
            );
            cast_ids.push(response.json()["id"].as_str().unwrap().to_owned());
        }
        let ours = json!({ "propertyName": "jobtitle", "operator": "EQ", "value": job });
        let run = |groups: Value, extra: Value| {
            let client = client.clone();
            let search = search.clone();
            let template = search_template.clone();
            async move {
                let mut body = json!({ "filterGroups": groups });
                for (k, v) in extra.as_object().unwrap() {
                    body[k] = v.clone();
                }
                let response = client.post(&search, &body).await;
                checked(spec, &template, "post", &response, 200)
            }
        };
        let names = |page: &Value| -> Vec<String> {
            page["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| {
                    o["properties"]["firstname"]
                        .as_str()
                        .unwrap_or("?")
                        .to_owned()
                })
                .collect()
        };
        let props = json!({ "properties": ["firstname"] });

        // EQ on email ignores case.
        let page = run(
            json!([{ "filters": [{ "propertyName": "email", "operator": "EQ", "value": format!("ADA{v}@example.COM") }] }]),
            props.clone(),
        )
        .await;
        assert_eq!(
            (page["total"].clone(), names(&page)),
            (json!(1), vec!["Ada".to_owned()])
        );
        assert_eq!(page["results"][0]["id"], cast_ids[0].as_str());

        // ANDed within a group: ours and NEQ.
        let page = run(
            json!([{ "filters": [ours, { "propertyName": "firstname", "operator": "NEQ", "value": "ada" }] }]),
            props.clone(),
        )
        .await;
        assert_eq!(names(&page), ["Grace", "Alan", "Nobody"]);

        // ORed groups: CONTAINS_TOKEN (with a wildcard) or HAS_PROPERTY.
        let page = run(
            json!([
                { "filters": [ours, { "propertyName": "lastname", "operator": "CONTAINS_TOKEN", "value": "tur*" }] },
                { "filters": [ours, { "propertyName": "phone", "operator": "HAS_PROPERTY" }] },
            ]),
            props.clone(),
        )
        .await;
        assert_eq!(names(&page), ["Grace", "Alan"]);

        // NOT_HAS_PROPERTY, sorted descending.
        let page = run(
            json!([{ "filters": [ours, { "propertyName": "phone", "operator": "NOT_HAS_PROPERTY" }] }]),
            json!({ "properties": ["firstname"], "sorts": ["-firstname"] }),
        )
        .await;
        assert_eq!(names(&page), ["Nobody", "Alan", "Ada"]);

        // Paging: limit and the after cursor, total each time.
        let mut seen = Vec::new();
        let mut after: Option<String> = None;
        loop {
            let mut extra =
                json!({ "limit": 3, "sorts": ["firstname"], "properties": ["firstname"] });
            if let Some(after) = &after {
                extra["after"] = json!(after);
            }
            let page = run(json!([{ "filters": [ours] }]), extra).await;
            assert_eq!(page["total"], 4);
            seen.extend(names(&page));
            match page["paging"]["next"]["after"].as_str() {
                Some(next) => after = Some(next.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen, ["Ada", "Alan", "Grace", "Nobody"]);

        // Default properties, and the free-text query.
        let page = run(json!([{ "filters": [ours] }]), json!({ "query": "hopper" })).await;
        assert_eq!(page["total"], 1);
        assert_eq!(page["results"][0]["properties"]["lastname"], "Hopper");
        assert!(page["results"][0]["properties"].get("jobtitle").is_none());

        // Archived contacts are not found.
        client
            .bare("DELETE", &format!("{}/{}", api.path, cast_ids[3]))
            .await;
        let page = run(json!([{ "filters": [ours] }]), json!({})).await;
        assert_eq!(page["total"], 3);
    }
    // Companies search the same way.
    for api in APIS
        .iter()
        .filter(|a| a.object_type == COMPANIES)
        .step_by(2)
    {
        let spec = api.spec();
        let created = client
            .post(api.path, &json!({ "properties": { "name": format!("Needle {}", api.path.len()), "domain": "needle.test" } }))
            .await
            .json();
        let response = client
            .post(
                &format!("{}/search", api.path),
                &json!({ "filterGroups": [{ "filters": [{ "propertyName": "name", "operator": "EQ", "value": created["properties"]["name"] }] }] }),
            )
            .await;
        let page = checked(spec.as_ref(), &api.sub("/search"), "post", &response, 200);
        assert_eq!(ids(&page), [created["id"].as_str().unwrap()]);
    }
}

#[tokio::test]
async fn bad_input_is_a_validation_error_where_it_is() {
    let fake = fake_without_samples().await;
    let client = Client::new(&fake);
    for api in APIS {
        let spec = api.spec();
        let spec = spec.as_ref();
        let search = format!("{}/search", api.path);
        let cases: Vec<(&str, String, String, Value, &str, &str)> = vec![
            (
                "post",
                api.path.to_owned(),
                api.template.to_owned(),
                json!({ "properties": "email=x" }),
                "properties",
                "INVALID_TYPE",
            ),
            (
                "post",
                api.path.to_owned(),
                api.template.to_owned(),
                json!({ "properties": { "n": 5 } }),
                "properties.n",
                "INVALID_TYPE",
            ),
            (
                "post",
                api.path.to_owned(),
                api.template.to_owned(),
                json!({}),
                "properties",
                "REQUIRED_FIELD",
            ),
            (
                "post",
                api.path.to_owned(),
                api.template.to_owned(),
                json!({ "properties": {}, "associations": [{ "to": {} , "types": []}] }),
                "associations[0].to.id",
                "REQUIRED_FIELD",
            ),
            (
                "post",
                search.clone(),
                api.sub("/search"),
                json!({ "filterGroups": [{ "filters": [{ "propertyName": "email", "operator": "LIKE", "value": "x" }] }] }),
                "filterGroups[0].filters[0].operator",
                "INVALID_ENUM",
            ),
            (
                "post",
                search.clone(),
                api.sub("/search"),
                json!({ "filterGroups": [{ "filters": [{ "propertyName": "email", "operator": "EQ" }] }] }),
                "filterGroups[0].filters[0].value",
                "REQUIRED_FIELD",
            ),
            (
                "post",
                search.clone(),
                api.sub("/search"),
                json!({ "filterGroups": [{ "filters": [{ "propertyName": "email", "operator": "IN" }] }] }),
                "filterGroups[0].filters[0].values",
                "REQUIRED_FIELD",
            ),
            (
                "post",
                search.clone(),
                api.sub("/search"),
                json!({ "limit": 201 }),
                "limit",
                "INVALID_VALUE",
            ),
            (
                "post",
                search.clone(),
                api.sub("/search"),
                json!({ "after": "lots" }),
                "after",
                "INVALID_VALUE",
            ),
            (
                "post",
                search.clone(),
                api.sub("/search"),
                json!({ "filterGroups": vec![json!({ "filters": [] }); 7] }),
                "filterGroups",
                "INVALID_VALUE",
            ),
            (
                "post",
                format!("{}/batch/read", api.path),
                api.sub("/batch/read"),
                json!({ "inputs": [{ "id": "1" }], "idProperty": "firstname" }),
                "idProperty",
                "INVALID_VALUE",
            ),
            (
                "post",
                format!("{}/batch/read", api.path),
                api.sub("/batch/read"),
                json!({ "inputs": [{}] }),
                "inputs[0].id",
                "REQUIRED_FIELD",
            ),
            (
                "post",
                format!("{}/batch/create", api.path),
                api.sub("/batch/create"),
                json!({ "inputs": [{ "properties": [] }] }),
                "inputs[0].properties",
                "INVALID_TYPE",
            ),
        ];
        for (method, path, template, body, expect_in, code) in cases {
            let response = client.json(&method.to_uppercase(), &path, &body).await;
            let error = checked(spec, &template, method, &response, 400);
            assert_eq!(error["category"], "VALIDATION_ERROR", "{path} {body}");
            assert_eq!(
                error["errors"][0]["in"], expect_in,
                "{path} {body}: {error:#}"
            );
            assert_eq!(error["errors"][0]["code"], code, "{path} {body}: {error:#}");
        }
        if api.object_type == CONTACTS {
            let bad_email = client
                .post(
                    api.path,
                    &json!({ "properties": { "email": "not-an-address" } }),
                )
                .await;
            let error = checked(spec, api.template, "post", &bad_email, 400);
            assert_eq!(error["errors"][0]["in"], "properties.email");
        }
        let bad_id_property = client
            .get(&format!("{}/1?idProperty=lastname", api.path))
            .await;
        checked(spec, &api.by_id(), "get", &bad_id_property, 400);
        let not_json = send_raw(
            fake.addr(),
            "POST",
            api.path,
            &[
                ("Authorization", "Bearer fake-hubspot-token"),
                ("Content-Type", "application/json"),
            ],
            b"{",
        )
        .await;
        checked(spec, api.template, "post", &not_json, 400);
    }
    // Nothing was stored by the refused requests.
    assert!(
        fake.crm_objects(fake.default_hub_id(), CONTACTS)
            .unwrap()
            .is_empty()
    );
    assert!(
        fake.crm_objects(fake.default_hub_id(), COMPANIES)
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn batches_read_by_id_or_email_and_create_all_or_nothing() {
    let fake = fake_without_samples().await;
    let client = Client::new(&fake);
    for (i, api) in APIS.iter().enumerate() {
        let spec = api.spec();
        let spec = spec.as_ref();
        let generic = api.template == GENERIC;
        let inputs = json!([
            { "properties": api.props(&format!("batch{i}a")), "objectWriteTraceId": "trace-a" },
            { "properties": api.props(&format!("batch{i}b")) },
        ]);
        let created = client
            .post(
                &format!("{}/batch/create", api.path),
                &json!({ "inputs": inputs }),
            )
            .await;
        let created = checked(spec, &api.sub("/batch/create"), "post", &created, 201);
        assert_eq!(created["status"], "COMPLETE");
        let made = ids(&created);
        assert_eq!(made.len(), 2);
        assert_eq!(created["results"][0]["objectWriteTraceId"], "trace-a");

        // All found: 200 without errors.
        let read = client
            .post(
                &format!("{}/batch/read", api.path),
                &json!({ "inputs": [{ "id": made[1] }, { "id": made[0] }], "properties": ["hs_object_id"] }),
            )
            .await;
        let read = checked(spec, &api.sub("/batch/read"), "post", &read, 200);
        assert_eq!(ids(&read), [made[1].clone(), made[0].clone()]);
        assert!(read.get("errors").is_none());
        assert_eq!(property_names(&read["results"][0]), ["hs_object_id"]);

        // Some missing: 207 in v3 and 2026-03, 200 with errors in 2026-09.
        let read = client
            .post(
                &format!("{}/batch/read", api.path),
                &json!({ "inputs": [{ "id": made[0] }, { "id": "424242" }] }),
            )
            .await;
        let status = if generic { 200 } else { 207 };
        let read = checked(spec, &api.sub("/batch/read"), "post", &read, status);
        assert_eq!(ids(&read), [made[0].clone()]);
        assert_eq!(read["numErrors"], 1);
        assert_eq!(read["errors"][0]["category"], "OBJECT_NOT_FOUND");
        assert_eq!(read["errors"][0]["context"]["ids"], json!(["424242"]));

        if api.object_type == CONTACTS {
            // By email, in any case.
            let read = client
                .post(
                    &format!("{}/batch/read", api.path),
                    &json!({ "idProperty": "email", "inputs": [{ "id": format!("BATCH{i}B@example.com") }] }),
                )
                .await;
            let read = checked(spec, &api.sub("/batch/read"), "post", &read, 200);
            assert_eq!(ids(&read), [made[1].clone()]);

            // An email already taken, or given twice: 409, nothing created.
            let before = fake
                .crm_objects(fake.default_hub_id(), CONTACTS)
                .unwrap()
                .len();
            for inputs in [
                json!([{ "properties": { "email": format!("fresh{i}@example.com") } }, { "properties": { "email": format!("batch{i}a@example.com") } }]),
                json!([{ "properties": { "email": format!("twice{i}@example.com") } }, { "properties": { "email": format!("TWICE{i}@example.com") } }]),
            ] {
                let response = client
                    .post(
                        &format!("{}/batch/create", api.path),
                        &json!({ "inputs": inputs }),
                    )
                    .await;
                let error = checked(spec, &api.sub("/batch/create"), "post", &response, 409);
                assert_eq!(error["category"], "CONFLICT");
            }
            assert_eq!(
                fake.crm_objects(fake.default_hub_id(), CONTACTS)
                    .unwrap()
                    .len(),
                before
            );
        }
    }
}

#[tokio::test]
async fn the_2026_09_paths_map_object_types_to_the_same_stores() {
    let fake = fake_without_samples().await;
    let client = Client::new(&fake);
    let spec = spec::load("crm/contacts.2026-09.json");
    let spec = spec.as_ref();
    let v3 = client
        .post(
            "/crm/v3/objects/contacts",
            &json!({ "properties": { "email": "same@example.com" } }),
        )
        .await
        .json();
    let id = v3["id"].as_str().unwrap();
    for name in ["contacts", "contact", "0-1", "CONTACTS"] {
        let read = client
            .get(&format!("/crm/objects/2026-09/{name}/{id}"))
            .await;
        let read = checked(spec, &format!("{GENERIC}/{{objectId}}"), "get", &read, 200);
        assert_eq!(read["properties"]["email"], "same@example.com", "{name}");
    }
    // A company id is not a contact.
    let company = client
        .post(
            "/crm/objects/2026-09/0-2",
            &json!({ "properties": { "name": "Acme" } }),
        )
        .await
        .json();
    let company_id = company["id"].as_str().unwrap();
    let as_contact = client
        .get(&format!("/crm/objects/2026-09/0-1/{company_id}"))
        .await;
    checked(
        spec,
        &format!("{GENERIC}/{{objectId}}"),
        "get",
        &as_contact,
        404,
    );
    let read = client
        .get(&format!("/crm/objects/2026-03/companies/{company_id}"))
        .await;
    assert_eq!(read.status, 200);
    // Types the fake does not store are 404s; names HubSpot does not know, 400s.
    for (name, status) in [
        ("deals", 404),
        ("0-5", 404),
        ("2-1234", 404),
        ("widgets", 400),
    ] {
        for (method, path, template) in [
            (
                "GET",
                format!("/crm/objects/2026-09/{name}"),
                GENERIC.to_owned(),
            ),
            (
                "GET",
                format!("/crm/objects/2026-09/{name}/1"),
                format!("{GENERIC}/{{objectId}}"),
            ),
            (
                "POST",
                format!("/crm/objects/2026-09/{name}/search"),
                format!("{GENERIC}/search"),
            ),
        ] {
            let response = client.json(method, &path, &json!({})).await;
            let error = checked(spec, &template, &method.to_lowercase(), &response, status);
            let category = if status == 404 {
                "OBJECT_NOT_FOUND"
            } else {
                "VALIDATION_ERROR"
            };
            assert_eq!(error["category"], category, "{path}");
        }
    }
    // A known path with the wrong method.
    let wrong = client.bare("PUT", "/crm/objects/2026-09/contacts").await;
    assert_eq!(wrong.status, 405);
    assert_eq!(wrong.header("allow"), Some("GET, POST"));
}

#[tokio::test]
async fn accounts_have_their_own_crm_and_the_usual_credentials_rules() {
    let fake = FakeHubSpot::start_with(FakeConfig::default().with_accounts([101, 202]))
        .await
        .unwrap();
    let default = Client::new(&fake);
    let tokens = fake.install(202).unwrap();
    let other = Client {
        addr: fake.addr(),
        token: tokens.access_token.clone(),
    };
    let spec = spec::load("crm/contacts.v3.json");
    let spec = spec.as_ref();
    let path = "/crm/v3/objects/contacts";

    // Each account has its own sample contact, with its own id.
    let lookup = |client: &Client| {
        let client = client.clone();
        async move {
            client
                .get("/crm/v3/objects/contacts/ada@example.com?idProperty=email")
                .await
                .json()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let (ada_101, ada_202) = (lookup(&default).await, lookup(&other).await);
    assert_ne!(ada_101, ada_202);

    // The same email in two accounts is no conflict; one account's id is
    // a 404 to the other.
    let mine = default
        .post(
            path,
            &json!({ "properties": { "email": "shared@example.com" } }),
        )
        .await;
    let mine = checked(spec, path, "post", &mine, 201);
    let theirs = other
        .post(
            path,
            &json!({ "properties": { "email": "shared@example.com" } }),
        )
        .await;
    checked(spec, path, "post", &theirs, 201);
    let cross = other
        .get(&format!("{path}/{}", mine["id"].as_str().unwrap()))
        .await;
    checked(
        spec,
        "/crm/v3/objects/contacts/{contactId}",
        "get",
        &cross,
        404,
    );
    assert_eq!(fake.crm_objects(101, CONTACTS).unwrap().len(), 2);
    assert_eq!(fake.crm_objects(202, CONTACTS).unwrap().len(), 2);

    // No token, a bad token, a revoked one, or only the developer key: 401.
    let anonymous = send_raw(fake.addr(), "GET", path, &[], b"").await;
    checked(spec, path, "get", &anonymous, 401);
    let developer_key = format!(
        "{path}?hapikey={}&appId={}",
        fake.oauth_app().developer_key,
        fake.oauth_app().app_id
    );
    let with_key = send_raw(fake.addr(), "GET", &developer_key, &[], b"").await;
    let error = checked(spec, path, "get", &with_key, 401);
    assert_eq!(error["category"], "INVALID_AUTHENTICATION");
    let forged = Client {
        addr: fake.addr(),
        token: "not-a-token".into(),
    };
    checked(spec, path, "get", &forged.get(path).await, 401);
    fake.expire_access_tokens(202);
    let expired = other.get(path).await;
    let error = checked(spec, path, "get", &expired, 401);
    assert_eq!(error["category"], "EXPIRED_AUTHENTICATION");

    // The requests are recorded and counted for their account.
    let stats_202 = fake.account_stats(202).unwrap();
    assert_eq!(stats_202.requests, 4, "lookup, create, cross read, expired");
    assert_eq!(stats_202.expired_token_requests, 1);
    assert!(fake.requests().iter().any(|r| r.path == path
        && r.method == "POST"
        && r.json() == Some(json!({ "properties": { "email": "shared@example.com" } }))));

    // And they are in the account's rate-limit window.
    fake.set_rate_limit(Some(RateLimitConfig::new(2, Duration::from_secs(60))));
    for _ in 0..2 {
        assert_eq!(default.get(path).await.status, 200);
    }
    let limited = default.get(path).await;
    assert_eq!(limited.status, 429);
    assert_eq!(limited.json()["category"], "RATE_LIMITS");
    assert_eq!(fake.account_stats(101).unwrap().rate_limited, 1);
}

#[tokio::test]
async fn a_conversation_visitor_is_a_contact_to_look_up() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let contact_of = |message: Value| {
        let client = client.clone();
        async move {
            let thread = message["conversationsThreadId"]
                .as_str()
                .unwrap()
                .to_owned();
            let thread = client
                .get(&format!("/conversations/v3/conversations/threads/{thread}"))
                .await
                .json();
            let contact = thread["associatedContactId"].as_str().unwrap().to_owned();
            let response = client
                .get(&format!(
                    "/crm/v3/objects/contacts/{contact}?properties=email,phone,firstname,lastname"
                ))
                .await;
            assert_eq!(response.status, 200, "thread {thread:#}");
            response.json()
        }
    };
    let publish = |egg: Value| {
        let client = client.clone();
        async move {
            let response = client.post(&publish_path(1000), &egg).await;
            assert_eq!(
                response.status,
                201,
                "{}",
                String::from_utf8_lossy(&response.body)
            );
            response.json()
        }
    };

    // The seeded visitor's address, in another case: the seeded contact.
    let ada = publish(simple_egg("Hello", "Ada@Example.com")).await;
    let contact = contact_of(ada).await;
    assert_eq!(contact["properties"]["email"], "ada@example.com");
    assert_eq!(contact["properties"]["lastname"], "Lovelace");
    let by_email = client
        .get("/crm/v3/objects/contacts/ada@example.com?idProperty=email")
        .await
        .json();
    assert_eq!(by_email["id"], contact["id"]);

    // A new phone number: a new contact, the same one for its next thread.
    let mut egg = simple_egg("Hi", "+1 555 0199");
    egg["senders"][0]["deliveryIdentifier"]["type"] = json!("HS_PHONE_NUMBER");
    egg["senders"][0]["name"] = json!("Bo Peep");
    let first = contact_of(publish(egg.clone()).await).await;
    assert_eq!(first["properties"]["phone"], "+1 555 0199");
    assert_eq!(first["properties"]["firstname"], "Bo");
    assert_eq!(first["properties"]["lastname"], "Peep");
    egg["integrationThreadId"] = json!("another-conversation");
    egg["senders"][0]["deliveryIdentifier"]["value"] = json!("15550199");
    let second = contact_of(publish(egg).await).await;
    assert_eq!(second["id"], first["id"]);

    // An outgoing message's visitor is its recipient.
    let mut outgoing = simple_egg("We will call", "business");
    outgoing["messageDirection"] = json!("OUTGOING");
    outgoing["recipients"][0]["deliveryIdentifier"] =
        json!({ "type": "HS_EMAIL_ADDRESS", "value": "new.visitor@example.com" });
    let visitor = contact_of(publish(outgoing).await).await;
    assert_eq!(visitor["properties"]["email"], "new.visitor@example.com");

    // Found by search too, as an app would look them up.
    let found = client
        .post(
            "/crm/objects/2026-03/contacts/search",
            &json!({ "filterGroups": [{ "filters": [{ "propertyName": "phone", "operator": "HAS_PROPERTY" }] }] }),
        )
        .await
        .json();
    assert_eq!(ids(&found), [first["id"].as_str().unwrap()]);
    // Threads filter by their contact.
    let threads = client
        .get(&format!(
            "/conversations/v3/conversations/threads?associatedContactId={}",
            first["id"].as_str().unwrap()
        ))
        .await
        .json();
    assert_eq!(threads["results"].as_array().unwrap().len(), 2);
}

/// An integration that matched the visitor to a contact itself names it
/// (`preResolvedContacts`, `associateWithContactId`): that contact is the
/// thread's, and no contact is made for the visitor. A contact the account
/// does not have is passed over.
#[tokio::test]
async fn a_thread_takes_the_contact_the_integration_names() {
    let fake = FakeHubSpot::start().await.unwrap();
    let client = Client::new(&fake);
    let hub = fake.default_hub_id();
    let grace = fake.seed_crm(CrmSeed::contact([("email", "grace@example.com")]));
    let grace = grace[0]["id"].as_str().unwrap().to_owned();
    let contact_of = |message: Value| {
        let client = client.clone();
        async move {
            let thread = message["conversationsThreadId"]
                .as_str()
                .unwrap()
                .to_owned();
            client
                .get(&format!("/conversations/v3/conversations/threads/{thread}"))
                .await
                .json()["associatedContactId"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let phone_egg = |value: &str| {
        let mut egg = simple_egg("Hi", value);
        egg["senders"][0]["deliveryIdentifier"]["type"] = json!("HS_PHONE_NUMBER");
        egg
    };
    let before = fake.crm_objects(hub, CONTACTS).unwrap().len();

    let mut egg = phone_egg("+15550123");
    egg["preResolvedContacts"] = json!({ "contacts": [
        { "contactVid": 999_999, "contactPropertiesLeadingToMatch": ["phone"] },
        { "contactVid": grace.parse::<u64>().unwrap(), "contactPropertiesLeadingToMatch": ["phone"] },
    ]});
    let published = client.post(&publish_path(1000), &egg).await;
    assert_eq!(published.status, 201);
    assert_eq!(contact_of(published.json()).await, grace);

    let mut egg = phone_egg("+15550124");
    egg["associateWithContactId"] = json!(grace.parse::<u64>().unwrap());
    let published = client.post(&publish_path(1000), &egg).await;
    assert_eq!(contact_of(published.json()).await, grace);
    assert_eq!(fake.crm_objects(hub, CONTACTS).unwrap().len(), before);

    // Naming only contacts it does not have: the visitor's own.
    let mut egg = phone_egg("+15550125");
    egg["preResolvedContacts"] = json!({ "contacts": [
        { "contactVid": 999_999, "contactPropertiesLeadingToMatch": ["phone"] },
    ]});
    let published = client.post(&publish_path(1000), &egg).await;
    assert_ne!(contact_of(published.json()).await, grace);
    assert_eq!(fake.crm_objects(hub, CONTACTS).unwrap().len(), before + 1);
}

#[tokio::test]
async fn contacts_and_companies_are_seeded_by_config_and_at_run_time() {
    // The samples: the seeded visitor's contact, in every account.
    let plain = FakeHubSpot::start_with(FakeConfig::default().with_accounts([1, 2]))
        .await
        .unwrap();
    for hub in [1, 2] {
        let contacts = plain.crm_objects(hub, CONTACTS).unwrap();
        assert_eq!(contacts.len(), 1);
        assert_eq!(contacts[0]["properties"]["email"], "ada@example.com");
        assert!(plain.crm_objects(hub, COMPANIES).unwrap().is_empty());
    }
    assert_eq!(plain.crm_objects(3, CONTACTS), None);

    // Seeds per account, upserted by email.
    let config = FakeConfig::default()
        .with_accounts([1, 2])
        .seed_crm(CrmSeed::contact([
            ("email", "ADA@example.com"),
            ("phone", "+44 20 0000"),
        ]))
        .seed_crm(CrmSeed::company([("name", "Acme")]).in_account(2));
    let fake = FakeHubSpot::start_with(config).await.unwrap();
    let ada = &fake.crm_objects(1, CONTACTS).unwrap()[0];
    assert_eq!(fake.crm_objects(1, CONTACTS).unwrap().len(), 1);
    assert_eq!(ada["properties"]["phone"], "+44 20 0000");
    assert_eq!(ada["properties"]["firstname"], "Ada");
    assert!(fake.crm_objects(1, COMPANIES).unwrap().is_empty());
    assert_eq!(
        fake.crm_objects(2, COMPANIES).unwrap()[0]["properties"]["name"],
        "Acme"
    );

    // What is seeded is served.
    let client = Client::new(&fake);
    let served = client
        .get(&format!(
            "/crm/v3/objects/contacts/{}?properties=phone",
            ada["id"].as_str().unwrap()
        ))
        .await
        .json();
    assert_eq!(served["properties"]["phone"], "+44 20 0000");
    let spec = spec::load("crm/contacts.v3.json");
    if let Some(spec) = &spec {
        for object in fake.crm_objects(1, CONTACTS).unwrap() {
            spec.assert_response("/crm/v3/objects/contacts/{contactId}", "get", 200, &object);
        }
    }

    // At run time, too; unknown accounts get nothing.
    let added = fake.seed_crm(CrmSeed::contact([("email", "late@example.com")]).in_account(2));
    assert_eq!(added.len(), 1);
    assert!(
        fake.seed_crm(CrmSeed::contact([("email", "x@example.com")]).in_account(9))
            .is_empty()
    );
    assert_eq!(
        fake.seed_crm(CrmSeed::company([("name", "Everywhere")]))
            .len(),
        2
    );
    assert!(
        fake.crm_objects(2, CONTACTS)
            .unwrap()
            .iter()
            .any(|c| c["id"] == added[0]["id"])
    );

    // A seed for an account the fake does not have is refused at start.
    let error = FakeHubSpot::start_with(
        FakeConfig::default().seed_crm(CrmSeed::contact([("email", "a@b.c")]).in_account(77)),
    )
    .await
    .unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);

    // And none at all without the samples.
    let empty = fake_without_samples().await;
    assert!(
        empty
            .crm_objects(empty.default_hub_id(), CONTACTS)
            .unwrap()
            .is_empty()
    );
}
