//! The request-body schemas the fake validates against, transcribed from
//! HubSpot's OpenAPI specs (custom-channels v3 / 2025-09 / 2026-03 / 2026-09,
//! conversations v3 / 2026-09, visitor identification v3 / 2025-09 /
//! 2026-03 / 2026-09, and the CRM).
//!
//! This is a deliberately small schema language: just enough to express the
//! bodies of the operations the fake serves. The specs themselves are not
//! read at run time; `tests/spec.rs` checks this transcription against them.
//!
//! Conventions, matching what the specs say:
//! - a field is either required or optional; an optional field may also be
//!   JSON `null` (treated as absent);
//! - unknown properties are ignored (HubSpot's deserializers drop them);
//! - `oneOf` unions are tagged by their `type` property.

/// The shape a JSON value must have.
#[derive(Debug)]
pub(crate) enum Ty {
    /// A JSON string.
    String,
    /// A JSON string holding an RFC 3339 date-time (`format: date-time`).
    DateTime,
    /// A JSON integer that fits in 32 bits (`format: int32`).
    Int32,
    /// A JSON integer that fits in 64 bits (`format: int64`).
    Int64,
    /// Any JSON number (`type: number`).
    Number,
    /// `true` or `false` (`type: boolean`).
    Boolean,
    /// A JSON object with any keys, whose values all have the given shape
    /// (`additionalProperties`).
    Map(&'static Ty),
    /// Any JSON object (a free-form `type: object` without properties:
    /// what the specs make of a Java `Object`).
    FreeObject,
    /// A JSON string that must be one of the listed values.
    Enum(&'static [&'static str]),
    /// A JSON array whose items all have the given shape.
    Array(&'static Ty),
    /// A JSON object with known properties.
    Object(&'static Obj),
    /// A JSON object whose `type` property selects one of several shapes.
    Union(&'static Union),
}

/// An object schema: named properties, each required or optional.
#[derive(Debug)]
pub(crate) struct Obj {
    /// The schema's name in the spec (checked against it in tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) name: &'static str,
    /// Its properties.
    pub(crate) fields: &'static [Field],
}

/// One property of an [`Obj`].
#[derive(Debug)]
pub(crate) struct Field {
    /// The JSON property name.
    pub(crate) name: &'static str,
    /// Its shape.
    pub(crate) ty: Ty,
    /// Whether the spec lists it under `required`.
    pub(crate) required: bool,
}

/// A `oneOf` of object schemas, told apart by their `type` property.
#[derive(Debug)]
pub(crate) struct Union {
    /// The schema's name in the spec (checked against it in tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) name: &'static str,
    /// `(type tag, variant schema)` pairs.
    pub(crate) variants: &'static [(&'static str, &'static Obj)],
}

impl Union {
    /// The allowed `type` tags, in declaration order.
    pub(crate) fn tags(&self) -> Vec<&'static str> {
        self.variants.iter().map(|(tag, _)| *tag).collect()
    }

    /// The variant for a tag, if any.
    pub(crate) fn variant(&self, tag: &str) -> Option<&'static Obj> {
        self.variants
            .iter()
            .find(|(t, _)| *t == tag)
            .map(|(_, obj)| *obj)
    }
}

const fn req(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: true,
    }
}

const fn opt(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        required: false,
    }
}

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

/// `PublicDeliveryIdentifier.type`.
pub(crate) const DELIVERY_IDENTIFIER_TYPES: &[&str] = &[
    "CHANNEL_SPECIFIC_OPAQUE_ID",
    "HS_EMAIL_ADDRESS",
    "HS_PHONE_NUMBER",
    "HS_SHORT_CODE",
];
/// `ChannelIntegrationMessageEgg.messageDirection`.
pub(crate) const MESSAGE_DIRECTIONS: &[&str] = &["INCOMING", "OUTGOING"];
/// `PublicChannelIntegrationMessageUpdateRequest.statusType`.
pub(crate) const UPDATE_STATUS_TYPES: &[&str] = &["FAILED", "READ", "SENT"];
/// `FileAttachment.fileUsageType` / `PublicFile.fileUsageType`.
pub(crate) const FILE_USAGE_TYPES: &[&str] =
    &["AUDIO", "IMAGE", "OTHER", "STICKER", "VOICE_RECORDING"];
/// `QuickReply.valueType`.
pub(crate) const QUICK_REPLY_VALUE_TYPES: &[&str] = &["TEXT", "URL"];
/// `SocialMetadata.mediaType`.
pub(crate) const SOCIAL_MEDIA_TYPES: &[&str] = &[
    "ARTICLE", "AUDIO", "CAROUSEL", "DOCUMENT", "GIF", "LINK", "NONE", "PHOTO", "POLL", "STORY",
    "VIDEO",
];
/// `ContactAddress.type`, `ContactEmail.type`, `ContactUrl.type`.
pub(crate) const HOME_WORK: &[&str] = &["HOME", "WORK"];
/// `ContactPhone.type`.
pub(crate) const PHONE_TYPES: &[&str] = &["CELL", "HOME", "MAIN", "WORK"];

// ---------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------

/// `PublicDeliveryIdentifier`.
pub(crate) static DELIVERY_IDENTIFIER: Obj = Obj {
    name: "PublicDeliveryIdentifier",
    fields: &[
        req("type", Ty::Enum(DELIVERY_IDENTIFIER_TYPES)),
        req("value", Ty::String),
    ],
};

/// `QuickReply`.
pub(crate) static QUICK_REPLY: Obj = Obj {
    name: "QuickReply",
    fields: &[
        opt("label", Ty::String),
        req("value", Ty::String),
        req("valueType", Ty::Enum(QUICK_REPLY_VALUE_TYPES)),
    ],
};

/// `SocialMetadata`.
pub(crate) static SOCIAL_METADATA: Obj = Obj {
    name: "SocialMetadata",
    fields: &[
        opt("description", Ty::String),
        opt("id", Ty::String),
        opt("mediaTitle", Ty::String),
        req("mediaType", Ty::Enum(SOCIAL_MEDIA_TYPES)),
        opt("mediaUrl", Ty::String),
        opt("mediaUrlString", Ty::String),
        opt("thumbnailUrl", Ty::String),
    ],
};

static CONTACT_ADDRESS: Obj = Obj {
    name: "ContactAddress",
    fields: &[
        opt("city", Ty::String),
        opt("country", Ty::String),
        opt("countryCode", Ty::String),
        opt("state", Ty::String),
        opt("street", Ty::String),
        opt("type", Ty::Enum(HOME_WORK)),
        opt("zip", Ty::String),
    ],
};

static CONTACT_EMAIL: Obj = Obj {
    name: "ContactEmail",
    fields: &[req("email", Ty::String), opt("type", Ty::Enum(HOME_WORK))],
};

static CONTACT_NAME: Obj = Obj {
    name: "ContactName",
    fields: &[
        opt("firstName", Ty::String),
        opt("lastName", Ty::String),
        opt("middleName", Ty::String),
        opt("prefix", Ty::String),
        opt("suffix", Ty::String),
    ],
};

static CONTACT_ORG: Obj = Obj {
    name: "ContactOrg",
    fields: &[
        opt("company", Ty::String),
        opt("department", Ty::String),
        opt("title", Ty::String),
    ],
};

static CONTACT_PHONE: Obj = Obj {
    name: "ContactPhone",
    fields: &[req("phone", Ty::String), opt("type", Ty::Enum(PHONE_TYPES))],
};

static CONTACT_URL: Obj = Obj {
    name: "ContactUrl",
    fields: &[opt("type", Ty::Enum(HOME_WORK)), req("url", Ty::String)],
};

/// `ContactProfile`.
static CONTACT_PROFILE: Obj = Obj {
    name: "ContactProfile",
    fields: &[
        req("addresses", Ty::Array(&Ty::Object(&CONTACT_ADDRESS))),
        req("emails", Ty::Array(&Ty::Object(&CONTACT_EMAIL))),
        opt("name", Ty::Object(&CONTACT_NAME)),
        opt("org", Ty::Object(&CONTACT_ORG)),
        req("phones", Ty::Array(&Ty::Object(&CONTACT_PHONE))),
        req("urls", Ty::Array(&Ty::Object(&CONTACT_URL))),
    ],
};

/// `PreResolvedContact` (custom-channels v3 and 2026-03).
/// `contactPropertiesLeadingToMatch` items are an enum of several hundred
/// CRM property names in the spec; the fake only checks that they are
/// strings.
static PRE_RESOLVED_CONTACT_V3: Obj = Obj {
    name: "PreResolvedContact",
    fields: &[
        req("contactPropertiesLeadingToMatch", Ty::Array(&Ty::String)),
        req("contactVid", Ty::Int64),
    ],
};

/// `PreResolvedContact` (custom-channels 2025-09 and 2026-09: `contactVid`
/// is an int32 there).
static PRE_RESOLVED_CONTACT_2026_09: Obj = Obj {
    name: "PreResolvedContact",
    fields: &[
        req("contactPropertiesLeadingToMatch", Ty::Array(&Ty::String)),
        req("contactVid", Ty::Int32),
    ],
};

/// `PreResolvedContacts` (custom-channels v3 and 2026-03).
static PRE_RESOLVED_CONTACTS_V3: Obj = Obj {
    name: "PreResolvedContacts",
    fields: &[req(
        "contacts",
        Ty::Array(&Ty::Object(&PRE_RESOLVED_CONTACT_V3)),
    )],
};

/// `PreResolvedContacts` (custom-channels 2025-09 and 2026-09).
static PRE_RESOLVED_CONTACTS_2026_09: Obj = Obj {
    name: "PreResolvedContacts",
    fields: &[req(
        "contacts",
        Ty::Array(&Ty::Object(&PRE_RESOLVED_CONTACT_2026_09)),
    )],
};

// ---------------------------------------------------------------------------
// Custom channels: ChannelIntegrationMessageEgg and its attachments
// ---------------------------------------------------------------------------

static FILE_ATTACHMENT: Obj = Obj {
    name: "FileAttachment",
    fields: &[
        req("fileId", Ty::String),
        opt("fileUsageType", Ty::Enum(FILE_USAGE_TYPES)),
        req("type", Ty::Enum(&["FILE"])),
    ],
};

static LOCATION_ATTACHMENT: Obj = Obj {
    name: "LocationAttachment",
    fields: &[
        opt("address", Ty::String),
        req("latitude", Ty::Number),
        req("longitude", Ty::Number),
        opt("name", Ty::String),
        req("type", Ty::Enum(&["LOCATION"])),
        opt("url", Ty::String),
    ],
};

static CONTACT_ATTACHMENT: Obj = Obj {
    name: "ContactAttachment",
    fields: &[
        req("contactProfile", Ty::Object(&CONTACT_PROFILE)),
        req("type", Ty::Enum(&["CONTACT"])),
    ],
};

static UNSUPPORTED_CONTENT_ATTACHMENT: Obj = Obj {
    name: "UnsupportedContentAttachment",
    fields: &[req("type", Ty::Enum(&["UNSUPPORTED_CONTENT"]))],
};

static MESSAGE_HEADER_ATTACHMENT: Obj = Obj {
    name: "MessageHeaderAttachment",
    fields: &[
        opt("fileId", Ty::Int64),
        opt("text", Ty::String),
        req("type", Ty::Enum(&["MESSAGE_HEADER"])),
    ],
};

static QUICK_REPLIES_ATTACHMENT: Obj = Obj {
    name: "QuickRepliesAttachment",
    fields: &[
        req("quickReplies", Ty::Array(&Ty::Object(&QUICK_REPLY))),
        req("type", Ty::Enum(&["QUICK_REPLIES"])),
    ],
};

static SOCIAL_METADATA_ATTACHMENT: Obj = Obj {
    name: "SocialMetadataIntegrationAttachment",
    fields: &[
        req("socialMetadata", Ty::Object(&SOCIAL_METADATA)),
        req("type", Ty::Enum(&["SOCIAL_MEDIA_METADATA"])),
    ],
};

/// The `oneOf` of `ChannelIntegrationMessageEgg.attachments` items.
pub(crate) static CHANNEL_ATTACHMENT: Union = Union {
    name: "ChannelIntegrationMessageEgg.attachments",
    variants: &[
        ("FILE", &FILE_ATTACHMENT),
        ("LOCATION", &LOCATION_ATTACHMENT),
        ("CONTACT", &CONTACT_ATTACHMENT),
        ("UNSUPPORTED_CONTENT", &UNSUPPORTED_CONTENT_ATTACHMENT),
        ("MESSAGE_HEADER", &MESSAGE_HEADER_ATTACHMENT),
        ("QUICK_REPLIES", &QUICK_REPLIES_ATTACHMENT),
        ("SOCIAL_MEDIA_METADATA", &SOCIAL_METADATA_ATTACHMENT),
    ],
};

/// `ChannelIntegrationParticipant` in custom-channels v3 and 2026-03.
static PARTICIPANT_V3: Obj = Obj {
    name: "ChannelIntegrationParticipant",
    fields: &[
        req("deliveryIdentifier", Ty::Object(&DELIVERY_IDENTIFIER)),
        opt("name", Ty::String),
        opt("senderActorId", Ty::String),
    ],
};

/// `ChannelIntegrationParticipant` in custom-channels 2025-09 and 2026-09 (no
/// `senderActorId`).
static PARTICIPANT_2026_09: Obj = Obj {
    name: "ChannelIntegrationParticipant",
    fields: &[
        req("deliveryIdentifier", Ty::Object(&DELIVERY_IDENTIFIER)),
        opt("name", Ty::String),
    ],
};

/// `ChannelIntegrationMessageEgg` (custom-channels v3 and 2026-03).
pub(crate) static CHANNEL_MESSAGE_EGG_V3: Obj = Obj {
    name: "ChannelIntegrationMessageEgg",
    fields: &[
        opt("associateWithContactId", Ty::Int64),
        req("attachments", Ty::Array(&Ty::Union(&CHANNEL_ATTACHMENT))),
        req("channelAccountId", Ty::String),
        opt("inReplyToId", Ty::String),
        opt("integrationIdempotencyId", Ty::String),
        opt("integrationThreadId", Ty::String),
        req("messageDirection", Ty::Enum(MESSAGE_DIRECTIONS)),
        opt("preResolvedContacts", Ty::Object(&PRE_RESOLVED_CONTACTS_V3)),
        req("recipients", Ty::Array(&Ty::Object(&PARTICIPANT_V3))),
        opt("richText", Ty::String),
        req("senders", Ty::Array(&Ty::Object(&PARTICIPANT_V3))),
        req("text", Ty::String),
        req("timestamp", Ty::DateTime),
    ],
};

/// `ChannelIntegrationMessageEgg` (custom-channels 2025-09 and 2026-09).
pub(crate) static CHANNEL_MESSAGE_EGG_2026_09: Obj = Obj {
    name: "ChannelIntegrationMessageEgg",
    fields: &[
        opt("associateWithContactId", Ty::Int64),
        req("attachments", Ty::Array(&Ty::Union(&CHANNEL_ATTACHMENT))),
        req("channelAccountId", Ty::String),
        opt("inReplyToId", Ty::String),
        opt("integrationIdempotencyId", Ty::String),
        opt("integrationThreadId", Ty::String),
        req("messageDirection", Ty::Enum(MESSAGE_DIRECTIONS)),
        opt(
            "preResolvedContacts",
            Ty::Object(&PRE_RESOLVED_CONTACTS_2026_09),
        ),
        req("recipients", Ty::Array(&Ty::Object(&PARTICIPANT_2026_09))),
        opt("richText", Ty::String),
        req("senders", Ty::Array(&Ty::Object(&PARTICIPANT_2026_09))),
        req("text", Ty::String),
        req("timestamp", Ty::DateTime),
    ],
};

/// `PublicChannelIntegrationMessageUpdateRequest` (all versions).
pub(crate) static MESSAGE_UPDATE_REQUEST: Obj = Obj {
    name: "PublicChannelIntegrationMessageUpdateRequest",
    fields: &[
        opt("errorMessage", Ty::String),
        req("statusType", Ty::Enum(UPDATE_STATUS_TYPES)),
    ],
};

// ---------------------------------------------------------------------------
// Conversations: PublicMessageEgg
// ---------------------------------------------------------------------------

static FILE_EGG: Obj = Obj {
    name: "PublicFileEgg",
    fields: &[req("fileId", Ty::String), req("type", Ty::Enum(&["FILE"]))],
};

static QUICK_REPLIES_EGG: Obj = Obj {
    name: "PublicQuickRepliesEgg",
    fields: &[
        req("quickReplies", Ty::Array(&Ty::Object(&QUICK_REPLY))),
        req("type", Ty::Enum(&["QUICK_REPLIES"])),
    ],
};

static SOCIAL_MEDIA_EGG: Obj = Obj {
    name: "PublicSocialMediaEgg",
    fields: &[
        req("socialMetadata", Ty::Object(&SOCIAL_METADATA)),
        req("type", Ty::Enum(&["SOCIAL_MEDIA_METADATA"])),
    ],
};

/// The `oneOf` of `PublicConversationsMessageEgg.attachments` items (and
/// `PublicCommentEgg.attachments`).
pub(crate) static EGG_ATTACHMENT: Union = Union {
    name: "PublicMessageEgg.attachments",
    variants: &[
        ("FILE", &FILE_EGG),
        ("QUICK_REPLIES", &QUICK_REPLIES_EGG),
        ("SOCIAL_MEDIA_METADATA", &SOCIAL_MEDIA_EGG),
    ],
};

/// `PublicRecipientEgg`.
static RECIPIENT_EGG: Obj = Obj {
    name: "PublicRecipientEgg",
    fields: &[
        opt("actorId", Ty::String),
        opt("deliveryIdentifier", Ty::Object(&DELIVERY_IDENTIFIER)),
        req(
            "deliveryIdentifiers",
            Ty::Array(&Ty::Object(&DELIVERY_IDENTIFIER)),
        ),
        opt("name", Ty::String),
        opt("recipientField", Ty::String),
    ],
};

/// `PublicConversationsMessageEgg`.
pub(crate) static CONVERSATIONS_MESSAGE_EGG: Obj = Obj {
    name: "PublicConversationsMessageEgg",
    fields: &[
        req("attachments", Ty::Array(&Ty::Union(&EGG_ATTACHMENT))),
        req("channelAccountId", Ty::String),
        req("channelId", Ty::String),
        req("recipients", Ty::Array(&Ty::Object(&RECIPIENT_EGG))),
        opt("richText", Ty::String),
        req("senderActorId", Ty::String),
        opt("subject", Ty::String),
        req("text", Ty::String),
        req("type", Ty::Enum(&["MESSAGE"])),
    ],
};

/// `PublicCommentEgg`.
pub(crate) static COMMENT_EGG: Obj = Obj {
    name: "PublicCommentEgg",
    fields: &[
        req("attachments", Ty::Array(&Ty::Union(&EGG_ATTACHMENT))),
        opt("richText", Ty::String),
        req("text", Ty::String),
        req("type", Ty::Enum(&["COMMENT"])),
    ],
};

/// `PublicMessageEgg`: a MESSAGE or a COMMENT.
pub(crate) static MESSAGE_EGG: Union = Union {
    name: "PublicMessageEgg",
    variants: &[
        ("MESSAGE", &CONVERSATIONS_MESSAGE_EGG),
        ("COMMENT", &COMMENT_EGG),
    ],
};

// ---------------------------------------------------------------------------
// Custom channels: channels, channel accounts, staging tokens
// ---------------------------------------------------------------------------

/// `PublicChannelIntegrationChannelCreate`.
pub(crate) static CHANNEL_CREATE: Obj = Obj {
    name: "PublicChannelIntegrationChannelCreate",
    fields: &[
        req("capabilities", Ty::Map(&Ty::FreeObject)),
        opt("channelAccountConnectionRedirectUrl", Ty::String),
        opt("channelDescription", Ty::String),
        opt("channelLogoUrl", Ty::String),
        req("name", Ty::String),
        opt("webhookUrl", Ty::String),
    ],
};

/// `PublicChannelIntegrationChannelPatch`, as the project reads it: the
/// spec types every field as a required empty object (a Java
/// `Optional<String>` seen through HubSpot's schema generator); on the
/// wire each is an optional string, like the channel's own fields.
pub(crate) static CHANNEL_PATCH: Obj = Obj {
    name: "PublicChannelIntegrationChannelPatch",
    fields: &[
        opt("capabilities", Ty::Map(&Ty::FreeObject)),
        opt("channelAccountConnectionRedirectUrl", Ty::String),
        opt("channelDescription", Ty::String),
        opt("channelLogoUrl", Ty::String),
        opt("name", Ty::String),
        opt("webhookUrl", Ty::String),
    ],
};

/// `PublicChannelAccountEgg`.
pub(crate) static CHANNEL_ACCOUNT_EGG: Obj = Obj {
    name: "PublicChannelAccountEgg",
    fields: &[
        req("authorized", Ty::Boolean),
        opt("deliveryIdentifier", Ty::Object(&DELIVERY_IDENTIFIER)),
        req("inboxId", Ty::String),
        req("name", Ty::String),
    ],
};

/// `PublicChannelAccountUpdateRequest`.
pub(crate) static CHANNEL_ACCOUNT_UPDATE: Obj = Obj {
    name: "PublicChannelAccountUpdateRequest",
    fields: &[opt("authorized", Ty::Boolean), opt("name", Ty::String)],
};

/// `PublicChannelAccountStagingTokenUpdateRequest` (v3 and 2026-03: both
/// optional).
pub(crate) static STAGING_TOKEN_UPDATE_V3: Obj = Obj {
    name: "PublicChannelAccountStagingTokenUpdateRequest",
    fields: &[
        opt("accountName", Ty::String),
        opt("deliveryIdentifier", Ty::Object(&DELIVERY_IDENTIFIER)),
    ],
};

/// `PublicChannelAccountStagingTokenUpdateRequest` (2025-09 and 2026-09: both
/// required).
pub(crate) static STAGING_TOKEN_UPDATE_2026_09: Obj = Obj {
    name: "PublicChannelAccountStagingTokenUpdateRequest",
    fields: &[
        req("accountName", Ty::String),
        req("deliveryIdentifier", Ty::Object(&DELIVERY_IDENTIFIER)),
    ],
};

// ---------------------------------------------------------------------------
// Conversations: threads, actors
// ---------------------------------------------------------------------------

/// `PublicThread.status` and friends.
pub(crate) const THREAD_STATUSES: &[&str] = &["CLOSED", "OPEN"];

/// `PublicThreadUpdateRequest`.
pub(crate) static THREAD_UPDATE: Obj = Obj {
    name: "PublicThreadUpdateRequest",
    fields: &[
        opt("archived", Ty::Boolean),
        opt("status", Ty::Enum(THREAD_STATUSES)),
    ],
};

/// `PublicThreadAssignRequest`.
pub(crate) static THREAD_ASSIGN: Obj = Obj {
    name: "PublicThreadAssignRequest",
    fields: &[req("actorId", Ty::String)],
};

/// `BatchInputString`.
pub(crate) static BATCH_INPUT: Obj = Obj {
    name: "BatchInputString",
    fields: &[req("inputs", Ty::Array(&Ty::String))],
};

// ---------------------------------------------------------------------------
// Visitor identification
// ---------------------------------------------------------------------------

/// `IdentificationTokenGenerationRequest` (visitor identification v3 and
/// 2026-03).
pub(crate) static TOKEN_REQUEST: Obj = Obj {
    name: "IdentificationTokenGenerationRequest",
    fields: &[
        req("email", Ty::String),
        opt("firstName", Ty::String),
        req("hsCustomerAgentContext", Ty::Map(&Ty::String)),
        opt("lastName", Ty::String),
    ],
};

/// `IdentificationTokenGenerationRequest` in visitor identification
/// `2025-09` and `2026-09`: without `hsCustomerAgentContext`.
pub(crate) static TOKEN_REQUEST_2025_09: Obj = Obj {
    name: "IdentificationTokenGenerationRequest",
    fields: &[
        req("email", Ty::String),
        opt("firstName", Ty::String),
        opt("lastName", Ty::String),
    ],
};

// ---------------------------------------------------------------------------
// CRM objects (contacts and companies; the same schemas in every version)
// ---------------------------------------------------------------------------

/// `Filter.operator`.
pub(crate) const FILTER_OPERATORS: &[&str] = &[
    "BETWEEN",
    "CONTAINS_TOKEN",
    "EQ",
    "GT",
    "GTE",
    "HAS_PROPERTY",
    "IN",
    "LT",
    "LTE",
    "NEQ",
    "NOT_CONTAINS_TOKEN",
    "NOT_HAS_PROPERTY",
    "NOT_IN",
];

/// `AssociationSpec.associationCategory`.
pub(crate) const ASSOCIATION_CATEGORIES: &[&str] = &[
    "HUBSPOT_DEFINED",
    "INTEGRATOR_DEFINED",
    "USER_DEFINED",
    "WORK",
];

/// A CRM object's `properties`: property name to string value.
const PROPERTY_MAP: Ty = Ty::Map(&Ty::String);

/// `PublicObjectId`.
static PUBLIC_OBJECT_ID: Obj = Obj {
    name: "PublicObjectId",
    fields: &[req("id", Ty::String)],
};

/// `AssociationSpec`.
static ASSOCIATION_SPEC: Obj = Obj {
    name: "AssociationSpec",
    fields: &[
        req("associationCategory", Ty::Enum(ASSOCIATION_CATEGORIES)),
        req("associationTypeId", Ty::Int32),
    ],
};

/// `PublicAssociationsForObject`.
static ASSOCIATIONS_FOR_OBJECT: Obj = Obj {
    name: "PublicAssociationsForObject",
    fields: &[
        req("to", Ty::Object(&PUBLIC_OBJECT_ID)),
        req("types", Ty::Array(&Ty::Object(&ASSOCIATION_SPEC))),
    ],
};

/// `SimplePublicObjectInputForCreate`. The spec requires `associations`;
/// HubSpot (and its own examples) create objects without them, so the fake
/// reads it as optional (`spec_check::RELAXED_REQUIRED`).
pub(crate) static CRM_CREATE: Obj = Obj {
    name: "SimplePublicObjectInputForCreate",
    fields: &[
        opt(
            "associations",
            Ty::Array(&Ty::Object(&ASSOCIATIONS_FOR_OBJECT)),
        ),
        req("properties", PROPERTY_MAP),
    ],
};

/// `SimplePublicObjectInput` (`PATCH` of one object).
pub(crate) static CRM_UPDATE: Obj = Obj {
    name: "SimplePublicObjectInput",
    fields: &[req("properties", PROPERTY_MAP)],
};

/// `Filter`.
static FILTER: Obj = Obj {
    name: "Filter",
    fields: &[
        opt("highValue", Ty::String),
        req("operator", Ty::Enum(FILTER_OPERATORS)),
        req("propertyName", Ty::String),
        opt("value", Ty::String),
        opt("values", Ty::Array(&Ty::String)),
    ],
};

/// `FilterGroup`.
static FILTER_GROUP: Obj = Obj {
    name: "FilterGroup",
    fields: &[req("filters", Ty::Array(&Ty::Object(&FILTER)))],
};

/// `PublicObjectSearchRequest`. The spec requires every property but
/// `query`; HubSpot answers a search with none of them (all objects, first
/// page), so the fake reads them as optional (`spec_check::RELAXED_REQUIRED`).
pub(crate) static CRM_SEARCH: Obj = Obj {
    name: "PublicObjectSearchRequest",
    fields: &[
        opt("after", Ty::String),
        opt("filterGroups", Ty::Array(&Ty::Object(&FILTER_GROUP))),
        opt("limit", Ty::Int32),
        opt("properties", Ty::Array(&Ty::String)),
        opt("query", Ty::String),
        opt("sorts", Ty::Array(&Ty::String)),
    ],
};

/// `SimplePublicObjectId`.
static SIMPLE_OBJECT_ID: Obj = Obj {
    name: "SimplePublicObjectId",
    fields: &[req("id", Ty::String)],
};

/// `BatchReadInputSimplePublicObjectId`. `properties` and
/// `propertiesWithHistory` are required by the spec and optional at
/// HubSpot (`spec_check::RELAXED_REQUIRED`).
pub(crate) static CRM_BATCH_READ: Obj = Obj {
    name: "BatchReadInputSimplePublicObjectId",
    fields: &[
        opt("idProperty", Ty::String),
        req("inputs", Ty::Array(&Ty::Object(&SIMPLE_OBJECT_ID))),
        opt("properties", Ty::Array(&Ty::String)),
        opt("propertiesWithHistory", Ty::Array(&Ty::String)),
    ],
};

/// `SimplePublicObjectBatchInputForCreate` (`associations` relaxed as in
/// [`CRM_CREATE`]).
static CRM_BATCH_CREATE_INPUT: Obj = Obj {
    name: "SimplePublicObjectBatchInputForCreate",
    fields: &[
        opt(
            "associations",
            Ty::Array(&Ty::Object(&ASSOCIATIONS_FOR_OBJECT)),
        ),
        opt("objectWriteTraceId", Ty::String),
        req("properties", PROPERTY_MAP),
    ],
};

/// `BatchInputSimplePublicObjectBatchInputForCreate`.
pub(crate) static CRM_BATCH_CREATE: Obj = Obj {
    name: "BatchInputSimplePublicObjectBatchInputForCreate",
    fields: &[req(
        "inputs",
        Ty::Array(&Ty::Object(&CRM_BATCH_CREATE_INPUT)),
    )],
};
