//! Property tests: every declared endpoint's response decoder, fed arbitrary
//! bytes, arbitrary JSON shaped with the names its schema uses, and real
//! answers with one part replaced or removed, returns a value or an error,
//! never a panic.

use std::collections::BTreeSet;

use hubspot_api::Endpoint;
use hubspot_api::conversations::custom_channels::messages::{
    ChannelIntegrationParticipant, FileAttachment, MessageDirection, MessageStatusUpdate,
    PublishMessage, UpdateMessageStatus,
};
use hubspot_api::conversations::models::{DeliveryIdentifierType, PublicDeliveryIdentifier};
use hubspot_api::conversations::threads::messages::{
    PublicCommentEgg, PublicConversationsMessageEgg, PublicMessageEgg, PublicRecipientEgg,
    SendThreadMessage,
};
use hubspot_fake::FakeHubSpot;
use hubspot_runtime::__private::decode_response;
use hubspot_runtime::schema::{BodyInfo, EndpointInfo, TypeInfo};
use hubspot_runtime::{Client, Error};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};

/// Each declared endpoint, with the check of its response decoder. Add an
/// endpoint here when you declare one; `every_declared_endpoint_is_checked`
/// fails until you do.
fn checks() -> Vec<(&'static EndpointInfo, Check)> {
    use hubspot_api::conversations::custom_channels::{
        channel_accounts as cc_accounts, channels as cc_channels, messages as cc_messages,
    };
    use hubspot_api::conversations::{actors, channel_accounts, channels, inboxes, threads};
    use hubspot_api::visitor_identification;
    macro_rules! checks {
        ($($endpoint:ty),* $(,)?) => {
            vec![$((<$endpoint as Endpoint>::INFO, check::<$endpoint> as Check)),*]
        };
    }
    checks![
        cc_channels::CreateCustomChannel,
        cc_channels::ListCustomChannels,
        cc_channels::GetCustomChannel,
        cc_channels::UpdateCustomChannel,
        cc_channels::ArchiveCustomChannel,
        cc_accounts::CreateChannelAccount,
        cc_accounts::ListCustomChannelAccounts,
        cc_accounts::GetCustomChannelAccount,
        cc_accounts::UpdateChannelAccount,
        cc_accounts::UpdateChannelAccountStagingToken,
        cc_accounts::v2026_09::UpdateChannelAccountStagingToken,
        cc_messages::PublishMessage,
        cc_messages::v2026_09::PublishMessage,
        cc_messages::GetCustomChannelMessage,
        cc_messages::UpdateMessageStatus,
        cc_messages::v2026_09::UpdateMessageStatus,
        actors::GetActor,
        actors::BatchReadActors,
        channels::ListChannels,
        channels::GetChannel,
        channel_accounts::ListChannelAccounts,
        channel_accounts::GetChannelAccount,
        inboxes::ListInboxes,
        inboxes::GetInbox,
        threads::ListThreads,
        threads::GetThread,
        threads::UpdateThread,
        threads::ArchiveThread,
        threads::AssignThread,
        threads::UnassignThread,
        threads::messages::ListThreadMessages,
        threads::messages::SendThreadMessage,
        threads::messages::GetThreadMessage,
        threads::messages::GetOriginalMessageContent,
        visitor_identification::GenerateVisitorToken,
        visitor_identification::v2025_09::GenerateVisitorToken,
        hubspot_api::oauth::CreateToken,
        hubspot_api::oauth::v2026_09::CreateToken,
        hubspot_api::oauth::IntrospectToken,
        hubspot_api::oauth::v2026_09::IntrospectToken,
        hubspot_api::oauth::RevokeToken,
    ]
}

/// Runs the properties for one endpoint.
type Check = fn(&Samples);

const CASES: u32 = 64;

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Real answers the fake gave, as JSON.
struct Samples(Vec<Value>);

/// Publishes, updates and replies on the fake and keeps what it served.
fn samples() -> Samples {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let fake = FakeHubSpot::start().await.unwrap();
        let client = Client::builder()
            .base_url(fake.base_url())
            .token(fake.token())
            .developer_key(hubspot_api::DeveloperKey::new(
                &fake.oauth_app().developer_key,
                fake.oauth_app().app_id as u64,
            ))
            .build()
            .unwrap();
        let phone = |value: &str| {
            PublicDeliveryIdentifier::builder()
                .r#type(DeliveryIdentifierType::HsPhoneNumber)
                .value(value)
                .build()
        };
        let participant = |value: &str| {
            ChannelIntegrationParticipant::builder()
                .delivery_identifier(phone(value))
                .name("Ada")
                .build()
        };
        let message = PublishMessage::builder()
            .channel_id(1234)
            .channel_account_id("5678")
            .text("hello")
            .message_direction(MessageDirection::Incoming)
            .senders(vec![participant("+15550100")])
            .recipients(vec![participant("+15550199")])
            .attachments(vec![FileAttachment::builder().file_id("9").build().into()])
            .timestamp(chrono::Utc::now())
            .send(&client)
            .await
            .unwrap();
        UpdateMessageStatus::builder()
            .channel_id(1234)
            .message_id(message.id.clone())
            .status_type(MessageStatusUpdate::Failed)
            .error_message("blocked")
            .send(&client)
            .await
            .unwrap();
        let thread: i64 = message.conversations_thread_id.parse().unwrap();
        let reply = PublicConversationsMessageEgg::builder()
            .text("answer")
            .sender_actor_id("A-1")
            .channel_id("1234")
            .channel_account_id("5678")
            .recipients(vec![
                PublicRecipientEgg::builder()
                    .delivery_identifiers(vec![phone("+15550100")])
                    .build(),
            ])
            .attachments(vec![])
            .build();
        let comment = PublicCommentEgg::builder()
            .text("note")
            .attachments(vec![])
            .build();
        let bodies: [PublicMessageEgg; 2] = [reply.into(), comment.into()];
        for body in bodies {
            SendThreadMessage::builder()
                .thread_id(thread)
                .message(body)
                .send(&client)
                .await
                .unwrap();
        }
        // As served now: the published message with its status updated,
        // the reply and the comment.
        let samples = fake.messages();
        assert_eq!(samples.len(), 3);
        fake.shutdown().await;
        Samples(samples)
    })
}

/// Every name a response's schema uses: field names, enum values and union
/// tags, so that generated JSON reaches past the first unknown key.
fn vocabulary(info: &EndpointInfo) -> Vec<String> {
    fn walk(ty: TypeInfo, seen: &mut BTreeSet<&'static str>, words: &mut BTreeSet<String>) {
        match ty {
            TypeInfo::Array(inner) | TypeInfo::Map(inner) => walk(inner(), seen, words),
            TypeInfo::Enum(info) => words.extend(info.values.iter().map(|v| (*v).to_owned())),
            TypeInfo::Object(info) if seen.insert(info.name) => {
                for field in info.fields {
                    words.insert(field.json_name.to_owned());
                    walk((field.ty)(), seen, words);
                }
            }
            TypeInfo::Union(info) if seen.insert(info.name) => {
                words.insert(info.tag.to_owned());
                for variant in info.variants {
                    words.insert(variant.tag_value.to_owned());
                    walk((variant.ty)(), seen, words);
                }
            }
            _ => {}
        }
    }
    let mut words = BTreeSet::new();
    walk((info.response)(), &mut BTreeSet::new(), &mut words);
    if let BodyInfo::Fields(fields) = info.body {
        words.extend(fields.iter().map(|f| f.json_name.to_owned()));
    }
    // A response without content (`()`) still gets keys to try.
    words.extend(["id", "type", "results"].map(str::to_owned));
    words.into_iter().collect()
}

/// Any JSON value; object keys and strings mostly from `words`.
fn json(words: Vec<String>) -> impl Strategy<Value = Value> {
    let word = proptest::sample::select(words);
    let string = prop_oneof![3 => word.clone(), 1 => ".{0,12}"];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,3})?Z"
            .prop_map(Value::String),
        string.prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 6, move |inner| {
        let key = prop_oneof![4 => word.clone(), 1 => ".{0,8}"];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::vec((key, inner), 0..8)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// SplitMix64, for the schema-directed generator (proptest picks the seed).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Something that is not what the schema asks for.
fn junk(rng: &mut Rng) -> Value {
    const STRINGS: [&str; 7] = [
        "",
        "x",
        "UNKNOWN_VALUE",
        "lower",
        "2026-13-45T99:99:99Z",
        "é\u{0}",
        "9999999999999999999999",
    ];
    match rng.below(7) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(50)),
        2 => Value::from(rng.next() as i64),
        3 => Value::from(f64::from_bits(rng.next()).clamp(-1e300, 1e300)),
        4 => Value::String((*rng.pick(&STRINGS)).to_owned()),
        5 => Value::Array(vec![Value::Null; rng.below(3)]),
        _ => Value::Object(Map::new()),
    }
}

/// A value shaped by the schema. `spoil`: about one node in twelve is
/// replaced by [`junk`], required fields are sometimes left out, numbers
/// overflow and dates are malformed; without it the value is one HubSpot
/// could send (values and tags it adds later included), which must decode.
fn from_schema(ty: TypeInfo, rng: &mut Rng, depth: u32, spoil: bool) -> Value {
    if spoil && rng.chance(8) {
        return junk(rng);
    }
    let shallow = depth > 6;
    match ty {
        TypeInfo::String => {
            Value::String(rng.pick(&["", "1000000001", "hello", "A-1"]).to_string())
        }
        TypeInfo::Int32 if spoil => Value::from(*rng.pick(&[0_i64, -1, i64::from(i32::MAX) + 1])),
        TypeInfo::Int32 => Value::from(*rng.pick(&[0, 1, -1, i32::MAX])),
        TypeInfo::Int64 => Value::from(*rng.pick(&[0_i64, 1, -1, i64::MAX])),
        TypeInfo::Number => Value::from(*rng.pick(&[0.0, -1.5, 48.85, 1e308])),
        TypeInfo::Boolean => Value::Bool(rng.chance(50)),
        TypeInfo::DateTime => {
            let dates: &[&str] = if spoil {
                &["2026-11-21T09:30:00Z", "2026-11-21"]
            } else {
                &["2026-11-21T09:30:00Z", "2026-11-21T09:30:00.123+02:00"]
            };
            Value::String(rng.pick(dates).to_string())
        }
        TypeInfo::Json => junk(rng),
        TypeInfo::Unit => Value::Null,
        TypeInfo::Array(_) | TypeInfo::Map(_) if shallow => match ty {
            TypeInfo::Array(_) => Value::Array(Vec::new()),
            _ => Value::Object(Map::new()),
        },
        TypeInfo::Array(inner) => Value::Array(
            (0..rng.below(3))
                .map(|_| from_schema(inner(), rng, depth + 1, spoil))
                .collect(),
        ),
        TypeInfo::Map(inner) => Value::Object(
            (0..rng.below(3))
                .map(|i| {
                    (
                        format!("key{i}"),
                        from_schema(inner(), rng, depth + 1, spoil),
                    )
                })
                .collect(),
        ),
        TypeInfo::Enum(info) if rng.chance(85) && !info.values.is_empty() => {
            Value::String(rng.pick(info.values).to_string())
        }
        TypeInfo::Enum(_) => Value::String("A_VALUE_ADDED_LATER".to_owned()),
        TypeInfo::Object(info) => {
            let mut map = Map::new();
            for field in info.fields {
                let keep = match (field.required, spoil) {
                    (true, false) => 100,
                    (true, true) => 95,
                    (false, _) if shallow => 0,
                    (false, _) => 50,
                };
                if rng.chance(keep) {
                    let value = from_schema((field.ty)(), rng, depth + 1, spoil);
                    map.insert(field.json_name.to_owned(), value);
                }
            }
            if rng.chance(10) {
                map.insert("addedLater".to_owned(), junk(rng));
            }
            Value::Object(map)
        }
        TypeInfo::Union(info) if info.variants.is_empty() => junk(rng),
        TypeInfo::Union(info) => {
            if rng.chance(10) {
                // A kind HubSpot adds later: kept whole as `Unknown`.
                let mut map = Map::new();
                map.insert(info.tag.to_owned(), Value::String("NEW_KIND".to_owned()));
                map.insert("addedLater".to_owned(), junk(rng));
                return Value::Object(map);
            }
            let variant = rng.pick(info.variants);
            let mut value = from_schema((variant.ty)(), rng, depth + 1, spoil);
            if let Value::Object(map) = &mut value {
                map.insert(
                    info.tag.to_owned(),
                    Value::String(variant.tag_value.to_owned()),
                );
            }
            value
        }
    }
}

/// Replaces (or, when `remove` and the node is in an object or array,
/// removes) the `target`-th node of `value` in pre-order.
fn mutate(value: &mut Value, target: &mut usize, replacement: &Value, remove: bool) -> bool {
    if *target == 0 {
        *value = replacement.clone();
        return true;
    }
    *target -= 1;
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                if remove && *target == 0 {
                    map.remove(&key);
                    return true;
                }
                if mutate(map.get_mut(&key).unwrap(), target, replacement, remove) {
                    return true;
                }
            }
            false
        }
        Value::Array(items) => {
            for i in 0..items.len() {
                if remove && *target == 0 {
                    items.remove(i);
                    return true;
                }
                if mutate(&mut items[i], target, replacement, remove) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

/// `value` as JSON with every union tag (`type`, `subscriptionType`) first
/// in its object, as HubSpot writes them; `serde_json` sorts keys, which
/// puts `type` after most others.
fn tag_first(value: &Value) -> Vec<u8> {
    fn write(value: &Value, out: &mut Vec<u8>) {
        let Value::Object(map) = value else {
            if let Value::Array(items) = value {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    write(item, out);
                }
                out.push(b']');
            } else {
                serde_json::to_writer(&mut *out, value).unwrap();
            }
            return;
        };
        let is_tag = |key: &str| key == "type" || key == "subscriptionType";
        let tags = map.iter().filter(|(key, _)| is_tag(key));
        let rest = map.iter().filter(|(key, _)| !is_tag(key));
        out.push(b'{');
        for (i, (key, item)) in tags.chain(rest).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            serde_json::to_writer(&mut *out, key).unwrap();
            out.push(b':');
            write(item, out);
        }
        out.push(b'}');
    }
    let mut out = Vec::new();
    write(value, &mut out);
    out
}

/// Decodes `body` as a `2xx` answer to `E` and checks the outcome is a value
/// or a decode error with a bounded excerpt.
fn decodes_or_fails_cleanly<E: Endpoint>(body: &[u8]) -> Result<(), TestCaseError> {
    let status = E::INFO.success_status;
    match decode_response::<E>(status, &http::HeaderMap::new(), body) {
        Ok(_) => Ok(()),
        Err(Error::Decode(decode)) => {
            prop_assert_eq!(decode.status, status);
            prop_assert!(decode.excerpt.len() <= 512);
            Ok(())
        }
        Err(other) => Err(TestCaseError::fail(format!(
            "not a decode error: {other:?}"
        ))),
    }
}

fn check<E: Endpoint>(samples: &Samples)
where
    E::Response: std::fmt::Debug + PartialEq,
{
    let name = E::INFO.name;
    let words = vocabulary(E::INFO);

    // Arbitrary bytes.
    runner()
        .run(&proptest::collection::vec(any::<u8>(), 0..512), |bytes| {
            decodes_or_fails_cleanly::<E>(&bytes)
        })
        .unwrap_or_else(|e| panic!("{name}, arbitrary bytes: {e}"));

    // Arbitrary JSON in the response's words.
    runner()
        .run(&json(words.clone()), |value| {
            decodes_or_fails_cleanly::<E>(&serde_json::to_vec(&value).unwrap())
        })
        .unwrap_or_else(|e| panic!("{name}, arbitrary JSON: {e}"));

    // JSON shaped by the response's schema: as HubSpot could send it, which
    // decodes, and spoiled here and there, which must not panic.
    let status = E::INFO.success_status;
    runner()
        .run(&any::<u64>(), |seed| {
            let value = from_schema((E::INFO.response)(), &mut Rng(seed), 0, false);
            // Keys sorted (the tag mostly last: unions buffer the object)
            // and the tag first (as HubSpot writes it: one pass).
            let sorted = serde_json::to_vec(&value).unwrap();
            let decoded = match decode_response::<E>(status, &http::HeaderMap::new(), &sorted) {
                Ok(decoded) => decoded,
                Err(error) => return Err(TestCaseError::fail(format!("{error}: {value}"))),
            };
            match decode_response::<E>(status, &http::HeaderMap::new(), &tag_first(&value)) {
                Ok(same) => {
                    prop_assert_eq!(same, decoded);
                    Ok(())
                }
                Err(error) => Err(TestCaseError::fail(format!("{error}, tag first: {value}"))),
            }
        })
        .unwrap_or_else(|e| panic!("{name}, well-formed schema-shaped JSON: {e}"));
    runner()
        .run(&any::<u64>(), |seed| {
            let value = from_schema((E::INFO.response)(), &mut Rng(seed), 0, true);
            decodes_or_fails_cleanly::<E>(&serde_json::to_vec(&value).unwrap())
        })
        .unwrap_or_else(|e| panic!("{name}, spoiled schema-shaped JSON: {e}"));

    // Real answers (the fake's, where it gave one for this endpoint, and
    // well-formed schema-shaped ones), each with parts replaced or removed,
    // and cut short.
    let mut valid: Vec<Value> = samples
        .0
        .iter()
        .filter(|sample| {
            decode_response::<E>(
                status,
                &http::HeaderMap::new(),
                sample.to_string().as_bytes(),
            )
            .is_ok()
        })
        .cloned()
        .collect();
    valid.extend((0..4).map(|seed| from_schema((E::INFO.response)(), &mut Rng(seed), 0, false)));
    let mutation = (
        proptest::sample::select(valid),
        proptest::collection::vec((any::<usize>(), json(words), any::<bool>()), 1..4),
        any::<prop::sample::Index>(),
    );
    runner()
        .run(&mutation, |(mut sample, edits, cut)| {
            for (index, replacement, remove) in edits {
                let mut target = index % count_nodes(&sample);
                mutate(&mut sample, &mut target, &replacement, remove);
            }
            let bytes = serde_json::to_vec(&sample).unwrap();
            decodes_or_fails_cleanly::<E>(&bytes)?;
            decodes_or_fails_cleanly::<E>(&bytes[..cut.index(bytes.len() + 1)])?;
            let bytes = tag_first(&sample);
            decodes_or_fails_cleanly::<E>(&bytes)?;
            decodes_or_fails_cleanly::<E>(&bytes[..cut.index(bytes.len() + 1)])
        })
        .unwrap_or_else(|e| panic!("{name}, mutated answers: {e}"));
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Object(map) => map.values().map(count_nodes).sum(),
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        _ => 0,
    }
}

/// An endpoint's name and first path: two endpoints may share a name (one
/// per module of versions), never both.
fn identity(info: &EndpointInfo) -> (&'static str, &'static str) {
    (info.name, info.paths.first().map_or("", |p| p.template))
}

#[test]
fn every_declared_endpoint_is_checked() {
    let checked: BTreeSet<_> = checks().iter().map(|(info, _)| identity(info)).collect();
    let declared: BTreeSet<_> = hubspot_api::ENDPOINTS.iter().map(|e| identity(e)).collect();
    assert_eq!(
        checked, declared,
        "add each declared endpoint to `checks()` in tests/decoding.rs"
    );
}

/// Runs the checks whose index is `part` modulo `parts`, so that the test
/// harness can spread them over the machine's cores.
fn run_part(part: usize, parts: usize) {
    let samples = samples();
    for (_, check) in checks().into_iter().skip(part).step_by(parts) {
        check(&samples);
    }
}

#[test]
fn response_decoders_never_panic_1_of_3() {
    run_part(0, 3);
}

#[test]
fn response_decoders_never_panic_2_of_3() {
    run_part(1, 3);
}

#[test]
fn response_decoders_never_panic_3_of_3() {
    run_part(2, 3);
}
