//! Webhooks Webhooks, declared from HubSpot's OpenAPI specs.
//!
//! Versions `v3`, `2026-03`, `2026-09`. Written by `hubspot-declare` from
//! `webhooks/webhooks.v3.json`, `webhooks/webhooks.2026-03.json`,
//! `webhooks/webhooks.2026-09.json`: regenerate it rather than edit it. Declarations that
//! differ between versions are in the `vYYYY_MM` submodules.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    /// Delete webhook settings.
    ///
    /// Delete the webhook settings for the specified app. Event subscriptions will not be
    /// deleted, but will be paused until another webhook is created.
    #[scopes("developers-write", "private-apps-write")]
    pub endpoint ClearSettings: DELETE {
        v3        => "/webhooks/v3/{appId}/settings",
        "2026-03" => "/webhooks/2026-03/{appId}/settings",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
        }
    } -> 204 ();

    /// Read webhook settings.
    ///
    /// Retrieve the webhook settings for the specified app, including the webhook’s target
    /// URL, throttle configuration, and create/update date.
    #[scopes("developers-read", "private-apps-read")]
    pub endpoint GetSettings: GET {
        v3        => "/webhooks/v3/{appId}/settings",
        "2026-03" => "/webhooks/2026-03/{appId}/settings",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
        }
    } -> 200 SettingsResponse;

    /// Update webhook settings for the specified app.
    #[scopes("developers-write", "private-apps-write")]
    pub endpoint ConfigureSettings: PUT {
        v3        => "/webhooks/v3/{appId}/settings",
        "2026-03" => "/webhooks/2026-03/{appId}/settings",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
        }
        required {
            /// The URL to which webhook events will be sent. It is a string.
            target_url: String,
            throttling: ThrottlingSettings,
        }
    } -> 200 SettingsResponse;

    /// Read event subscriptions.
    ///
    /// Retrieve event subscriptions for the specified app.
    #[scopes("developers-read", "private-apps-read")]
    pub endpoint ListSubscriptions: GET {
        v3        => "/webhooks/v3/{appId}/subscriptions",
        "2026-03" => "/webhooks/2026-03/{appId}/subscriptions",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
        }
    } -> 200 SubscriptionListResponse;

    /// Create an event subscription.
    ///
    /// Create new event subscription for the specified app.
    #[scopes("developers-write", "private-apps-write")]
    pub endpoint CreateSubscription: POST {
        v3 => "/webhooks/v3/{appId}/subscriptions",
    } {
        path {
            /// The ID of the target app.
            app_id: i32,
        }
        required {
            /// Type of event to listen for. Can be one of `create`, `delete`,
            /// `deletedForPrivacy`, or `propertyChange`.
            event_type: SubscriptionCreateRequestEventType,
        }
        optional {
            /// Determines if the subscription is active or paused. Defaults to false.
            active: bool,
            /// The name of the event to listen for. This is used with custom objects to specify
            /// custom event types beyond the standard eventType enum values.
            event_type_name: String,
            /// The ID of the object type for the subscription. This can be a standard CRM
            /// object (e.g., 'contact', 'company', 'deal') or a custom object ID for custom
            /// object subscriptions.
            object_type_id: String,
            /// The internal name of the property to monitor for changes. Only applies when
            /// `eventType` is `propertyChange`.
            property_name: String,
        }
    } -> 201 SubscriptionResponse;

    /// Batch create event subscriptions for the specified app.
    #[scopes("developers-write", "private-apps-write")]
    pub endpoint BatchUpdateSubscriptions: POST {
        v3        => "/webhooks/v3/{appId}/subscriptions/batch/update",
        "2026-03" => "/webhooks/2026-03/{appId}/subscriptions/batch/update",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
        }
        required {
            /// An array of SubscriptionBatchUpdateRequest objects, each representing a
            /// subscription to be updated. This property is required.
            inputs: Vec<SubscriptionBatchUpdateRequest>,
        }
    } -> 200 BatchResponseSubscriptionResponseWithErrors;

    /// Delete event subscription.
    ///
    /// Delete an existing event subscription by ID.
    #[scopes("developers-write", "private-apps-write")]
    pub endpoint ArchiveSubscription: DELETE {
        v3        => "/webhooks/v3/{appId}/subscriptions/{subscriptionId}",
        "2026-03" => "/webhooks/2026-03/{appId}/subscriptions/{subscriptionId}",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
            /// The identifier for the subscription.
            subscription_id: i32,
        }
    } -> 204 ();

    /// Read an event subscription.
    ///
    /// Retrieve a specific event subscription by ID.
    #[scopes("developers-read", "private-apps-read")]
    pub endpoint GetSubscription: GET {
        v3        => "/webhooks/v3/{appId}/subscriptions/{subscriptionId}",
        "2026-03" => "/webhooks/2026-03/{appId}/subscriptions/{subscriptionId}",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
            /// The identifier for the subscription.
            subscription_id: i32,
        }
    } -> 200 SubscriptionResponse;

    /// Update an event subscription.
    ///
    /// Update an existing event subscription by ID.
    #[scopes("developers-write", "private-apps-write")]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateSubscription: PATCH {
        v3        => "/webhooks/v3/{appId}/subscriptions/{subscriptionId}",
        "2026-03" => "/webhooks/2026-03/{appId}/subscriptions/{subscriptionId}",
    } {
        path {
            /// The identifier for the app.
            app_id: i32,
            /// The identifier for the subscription.
            subscription_id: i32,
        }
        optional {
            /// A boolean indicating whether the subscription is active. If true, the
            /// subscription is active; if false, it is inactive.
            active: bool,
        }
    } -> 200 SubscriptionResponse;

    /// The `BatchResponseSubscriptionResponse` object.
    pub object BatchResponseSubscriptionResponse {
        required {
            /// The date and time when the batch operation was completed.
            completed_at: DateTime,
            /// The list of results from the batch operation.
            results: Vec<SubscriptionResponse>,
            /// The date and time when the batch operation started.
            started_at: DateTime,
            /// The current status of the batch operation, which can be PENDING, PROCESSING,
            /// CANCELED, or COMPLETE.
            status: BatchResponseSubscriptionResponseStatus,
        }
        optional {
            errors: Vec<StandardError>,
            /// A collection of related links associated with the batch operation.
            links: HashMap<String, String>,
            num_errors: i32,
            /// The date and time when the batch operation was requested.
            requested_at: DateTime,
        }
    }

    /// The current status of the batch operation, which can be PENDING, PROCESSING, CANCELED,
    /// or COMPLETE.
    pub enum BatchResponseSubscriptionResponseStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// The `BatchResponseSubscriptionResponseWithErrors` object.
    pub object BatchResponseSubscriptionResponseWithErrors {
        required {
            /// The date and time when the batch processing was completed, in ISO 8601 format.
            completed_at: DateTime,
            /// An array of SubscriptionResponse objects representing the results of each
            /// subscription update processed in the batch.
            results: Vec<SubscriptionResponse>,
            /// The date and time when the batch processing began, in ISO 8601 format.
            started_at: DateTime,
            /// The current status of the batch operation. Valid values include 'PENDING',
            /// 'PROCESSING', 'CANCELED', and 'COMPLETE'.
            status: BatchResponseSubscriptionResponseWithErrorsStatus,
        }
        optional {
            /// An array of StandardError objects detailing any errors that occurred during the
            /// batch processing.
            errors: Vec<StandardError>,
            /// A map of link names to associated URIs, providing additional resources or
            /// documentation related to the batch operation.
            links: HashMap<String, String>,
            /// The total number of errors encountered during the batch operation.
            num_errors: i32,
            /// The date and time when the batch request was initially made, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The current status of the batch operation. Valid values include 'PENDING', 'PROCESSING',
    /// 'CANCELED', and 'COMPLETE'.
    pub enum BatchResponseSubscriptionResponseWithErrorsStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// The `ErrorDetail` object.
    pub object ErrorDetail {
        required {
            /// A human readable message describing the error along with remediation steps where
            /// appropriate
            message: String,
        }
        optional {
            /// The status code associated with the error detail
            code: String,
            /// Context about the error condition
            context: HashMap<String, Vec<String>>,
            /// The name of the field or parameter in which the error was found.
            r#in: String,
            /// A specific category that contains more specific detail about the error
            sub_category: String,
        }
    }

    /// The `SettingsResponse` object.
    pub object SettingsResponse {
        required {
            /// When this subscription was created. Formatted as milliseconds from the \[Unix
            /// epoch\](#).
            created_at: DateTime,
            /// A publicly available URL for HubSpot to call where event payloads will be
            /// delivered. See \[link-so-some-doc\](#) for details about the format of these
            /// event payloads.
            target_url: String,
            throttling: ThrottlingSettings,
        }
        optional {
            /// When this subscription was last updated. Formatted as milliseconds from the
            /// \[Unix epoch\](#).
            updated_at: DateTime,
        }
    }

    /// Ye olde error
    pub object StandardError {
        required {
            /// The main category of the error.
            category: String,
            /// Additional context-specific information related to the error.
            context: HashMap<String, Vec<String>>,
            /// The detailed error objects.
            errors: Vec<ErrorDetail>,
            /// URLs linking to documentation or resources associated with the error.
            links: HashMap<String, String>,
            /// A human-readable string describing the error and possible remediation steps.
            message: String,
            /// The HTTP status code associated with the error.
            status: String,
        }
        optional {
            /// A unique ID for the error instance.
            id: String,
            /// A more specific error category within each main category.
            sub_category: HashMap<String, JsonValue>,
        }
    }

    /// The `SubscriptionBatchUpdateRequest` object.
    pub object SubscriptionBatchUpdateRequest {
        required {
            active: bool,
            id: i32,
        }
    }

    /// Type of event to listen for. Can be one of `create`, `delete`, `deletedForPrivacy`, or
    /// `propertyChange`.
    pub enum SubscriptionCreateRequestEventType {
        CompanyAssociationChange = "company.associationChange",
        CompanyCreation = "company.creation",
        CompanyDeletion = "company.deletion",
        CompanyMerge = "company.merge",
        CompanyPropertyChange = "company.propertyChange",
        CompanyRestore = "company.restore",
        ContactAssociationChange = "contact.associationChange",
        ContactCreation = "contact.creation",
        ContactDeletion = "contact.deletion",
        ContactMerge = "contact.merge",
        ContactPrivacyDeletion = "contact.privacyDeletion",
        ContactPropertyChange = "contact.propertyChange",
        ContactRestore = "contact.restore",
        ConversationCreation = "conversation.creation",
        ConversationDeletion = "conversation.deletion",
        ConversationNewMessage = "conversation.newMessage",
        ConversationPrivacyDeletion = "conversation.privacyDeletion",
        ConversationPropertyChange = "conversation.propertyChange",
        DealAssociationChange = "deal.associationChange",
        DealCreation = "deal.creation",
        DealDeletion = "deal.deletion",
        DealMerge = "deal.merge",
        DealPropertyChange = "deal.propertyChange",
        DealRestore = "deal.restore",
        EventCompleted = "event.completed",
        LineItemAssociationChange = "line_item.associationChange",
        LineItemCreation = "line_item.creation",
        LineItemDeletion = "line_item.deletion",
        LineItemMerge = "line_item.merge",
        LineItemPropertyChange = "line_item.propertyChange",
        LineItemRestore = "line_item.restore",
        ObjectAssociationChange = "object.associationChange",
        ObjectCreation = "object.creation",
        ObjectDeletion = "object.deletion",
        ObjectMerge = "object.merge",
        ObjectPropertyChange = "object.propertyChange",
        ObjectRestore = "object.restore",
        ProductCreation = "product.creation",
        ProductDeletion = "product.deletion",
        ProductMerge = "product.merge",
        ProductPropertyChange = "product.propertyChange",
        ProductRestore = "product.restore",
        TicketAssociationChange = "ticket.associationChange",
        TicketCreation = "ticket.creation",
        TicketDeletion = "ticket.deletion",
        TicketMerge = "ticket.merge",
        TicketPropertyChange = "ticket.propertyChange",
        TicketRestore = "ticket.restore",
    }

    /// The `SubscriptionListResponse` object.
    pub object SubscriptionListResponse {
        required {
            /// List of event subscriptions for your app
            results: Vec<SubscriptionResponse>,
        }
    }

    /// The `SubscriptionResponse` object.
    pub object SubscriptionResponse {
        required {
            /// Determines if the subscription is active or paused.
            active: bool,
            /// When this subscription was created. Formatted as milliseconds from the \[Unix
            /// epoch\](#).
            created_at: DateTime,
            /// Type of event to listen for. Can be one of `create`, `delete`,
            /// `deletedForPrivacy`, or `propertyChange`.
            event_type: SubscriptionResponseEventType,
            /// The unique ID of the subscription.
            id: String,
        }
        optional {
            event_type_name: String,
            /// The identifier of the object type associated with the subscription.
            object_type_id: String,
            /// The internal name of the property being monitored for changes. Only applies when
            /// `eventType` is `propertyChange`.
            property_name: String,
            /// When this subscription was last updated. Formatted as milliseconds from the
            /// \[Unix epoch\](#).
            updated_at: DateTime,
        }
    }

    /// Type of event to listen for. Can be one of `create`, `delete`, `deletedForPrivacy`, or
    /// `propertyChange`.
    pub enum SubscriptionResponseEventType {
        CompanyAssociationChange = "company.associationChange",
        CompanyCreation = "company.creation",
        CompanyDeletion = "company.deletion",
        CompanyMerge = "company.merge",
        CompanyPropertyChange = "company.propertyChange",
        CompanyRestore = "company.restore",
        ContactAssociationChange = "contact.associationChange",
        ContactCreation = "contact.creation",
        ContactDeletion = "contact.deletion",
        ContactMerge = "contact.merge",
        ContactPrivacyDeletion = "contact.privacyDeletion",
        ContactPropertyChange = "contact.propertyChange",
        ContactRestore = "contact.restore",
        ConversationCreation = "conversation.creation",
        ConversationDeletion = "conversation.deletion",
        ConversationNewMessage = "conversation.newMessage",
        ConversationPrivacyDeletion = "conversation.privacyDeletion",
        ConversationPropertyChange = "conversation.propertyChange",
        DealAssociationChange = "deal.associationChange",
        DealCreation = "deal.creation",
        DealDeletion = "deal.deletion",
        DealMerge = "deal.merge",
        DealPropertyChange = "deal.propertyChange",
        DealRestore = "deal.restore",
        EventCompleted = "event.completed",
        LineItemAssociationChange = "line_item.associationChange",
        LineItemCreation = "line_item.creation",
        LineItemDeletion = "line_item.deletion",
        LineItemMerge = "line_item.merge",
        LineItemPropertyChange = "line_item.propertyChange",
        LineItemRestore = "line_item.restore",
        ObjectAssociationChange = "object.associationChange",
        ObjectCreation = "object.creation",
        ObjectDeletion = "object.deletion",
        ObjectMerge = "object.merge",
        ObjectPropertyChange = "object.propertyChange",
        ObjectRestore = "object.restore",
        ProductCreation = "product.creation",
        ProductDeletion = "product.deletion",
        ProductMerge = "product.merge",
        ProductPropertyChange = "product.propertyChange",
        ProductRestore = "product.restore",
        TicketAssociationChange = "ticket.associationChange",
        TicketCreation = "ticket.creation",
        TicketDeletion = "ticket.deletion",
        TicketMerge = "ticket.merge",
        TicketPropertyChange = "ticket.propertyChange",
        TicketRestore = "ticket.restore",
    }

    /// The `ThrottlingSettings` object.
    pub object ThrottlingSettings {
        required {
            /// The maximum number of concurrent HTTP requests HubSpot will attempt to make to
            /// your app.
            max_concurrent_requests: i32,
        }
    }
}

/// What differs from `2026-03` on: the declarations and types of these versions.
pub mod v2026_03 {
    pub use super::{SubscriptionCreateRequestEventType, SubscriptionResponse};
    use hubspot_runtime::hubspot_endpoint;

    hubspot_endpoint! {
        /// Create an event subscription.
        ///
        /// Create new event subscription for the specified app.
        #[scopes("developers-write", "private-apps-write")]
        pub endpoint CreateSubscription: POST {
            "2026-03" => "/webhooks/2026-03/{appId}/subscriptions",
        } {
            path {
                /// The identifier for the app.
                app_id: i32,
            }
            required {
                /// A boolean indicating whether the subscription is active.
                active: bool,
                /// A string representing the type of event to subscribe to. Valid values
                /// include various property changes, creations, deletions, merges,
                /// restorations, association changes, and event completions.
                event_type: SubscriptionCreateRequestEventType,
            }
            optional {
                /// A string providing a human-readable name for the event type.
                event_type_name: String,
                /// A string representing the ID of the object type associated with the
                /// subscription.
                object_type_id: String,
                /// A string indicating the specific property name related to the event type, if
                /// applicable.
                property_name: String,
            }
        } -> 201 SubscriptionResponse;
    }
}

/// What differs from `2026-09` on: the declarations and types of these versions.
pub mod v2026_09 {
    pub use super::{
        BatchResponseSubscriptionResponse, SettingsResponse, SubscriptionBatchUpdateRequest,
        SubscriptionCreateRequestEventType, SubscriptionListResponse, SubscriptionResponse,
        ThrottlingSettings,
    };
    use hubspot_runtime::hubspot_endpoint;

    hubspot_endpoint! {
        /// `DELETE /app-webhooks/2026-09/{appId}/settings`.
        #[auth(developer_key)]
        pub endpoint ClearSettings: DELETE {
            "2026-09" => "/app-webhooks/2026-09/{appId}/settings",
        } {
            path {
                app_id: i32,
            }
        } -> 204 ();

        /// `GET /app-webhooks/2026-09/{appId}/settings`.
        #[auth(developer_key)]
        pub endpoint GetSettings: GET {
            "2026-09" => "/app-webhooks/2026-09/{appId}/settings",
        } {
            path {
                app_id: i32,
            }
        } -> 200 SettingsResponse;

        /// `PUT /app-webhooks/2026-09/{appId}/settings`.
        #[auth(developer_key)]
        pub endpoint ConfigureSettings: PUT {
            "2026-09" => "/app-webhooks/2026-09/{appId}/settings",
        } {
            path {
                app_id: i32,
            }
            required {
                /// A publicly available URL for HubSpot to call where event payloads will be
                /// delivered.
                target_url: String,
                throttling: ThrottlingSettings,
            }
        } -> 200 SettingsResponse;

        /// `GET /app-webhooks/2026-09/{appId}/subscriptions`.
        #[auth(developer_key)]
        pub endpoint ListSubscriptions: GET {
            "2026-09" => "/app-webhooks/2026-09/{appId}/subscriptions",
        } {
            path {
                app_id: i32,
            }
        } -> 200 SubscriptionListResponse;

        /// `POST /app-webhooks/2026-09/{appId}/subscriptions`.
        #[auth(developer_key)]
        pub endpoint CreateSubscription: POST {
            "2026-09" => "/app-webhooks/2026-09/{appId}/subscriptions",
        } {
            path {
                app_id: i32,
            }
            required {
                /// Determines if the subscription is active or paused. Defaults to false.
                active: bool,
                /// Type of event to listen for. Can be one of `create`, `delete`,
                /// `deletedForPrivacy`, or `propertyChange`.
                event_type: SubscriptionCreateRequestEventType,
            }
            optional {
                event_type_name: String,
                object_type_id: String,
                /// The internal name of the property to monitor for changes. Only applies when
                /// `eventType` is `propertyChange`.
                property_name: String,
            }
        } -> 201 SubscriptionResponse;

        /// `POST /app-webhooks/2026-09/{appId}/subscriptions/batch/update`.
        #[auth(developer_key)]
        pub endpoint BatchUpdateSubscriptions: POST {
            "2026-09" => "/app-webhooks/2026-09/{appId}/subscriptions/batch/update",
        } {
            path {
                app_id: i32,
            }
            required {
                inputs: Vec<SubscriptionBatchUpdateRequest>,
            }
        } -> 200 BatchResponseSubscriptionResponse;

        /// `DELETE /app-webhooks/2026-09/{appId}/subscriptions/{subscriptionId}`.
        #[auth(developer_key)]
        pub endpoint ArchiveSubscription: DELETE {
            "2026-09" => "/app-webhooks/2026-09/{appId}/subscriptions/{subscriptionId}",
        } {
            path {
                app_id: i32,
                subscription_id: i32,
            }
        } -> 204 ();

        /// `GET /app-webhooks/2026-09/{appId}/subscriptions/{subscriptionId}`.
        #[auth(developer_key)]
        pub endpoint GetSubscription: GET {
            "2026-09" => "/app-webhooks/2026-09/{appId}/subscriptions/{subscriptionId}",
        } {
            path {
                app_id: i32,
                subscription_id: i32,
            }
        } -> 200 SubscriptionResponse;

        /// `PATCH /app-webhooks/2026-09/{appId}/subscriptions/{subscriptionId}`.
        #[auth(developer_key)]
        // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
        #[idempotent]
        pub endpoint UpdateSubscription: PATCH {
            "2026-09" => "/app-webhooks/2026-09/{appId}/subscriptions/{subscriptionId}",
        } {
            path {
                app_id: i32,
                subscription_id: i32,
            }
            optional {
                /// Determines if the subscription is active or paused.
                active: bool,
            }
        } -> 200 SubscriptionResponse;
    }
}

/// Every endpoint this module declares, with each version's path: for tests and tooling.
pub const ENDPOINTS: &[&hubspot_runtime::schema::EndpointInfo] = &[
    ClearSettings::METADATA,
    GetSettings::METADATA,
    ConfigureSettings::METADATA,
    ListSubscriptions::METADATA,
    CreateSubscription::METADATA,
    BatchUpdateSubscriptions::METADATA,
    ArchiveSubscription::METADATA,
    GetSubscription::METADATA,
    UpdateSubscription::METADATA,
    v2026_03::CreateSubscription::METADATA,
    v2026_09::ClearSettings::METADATA,
    v2026_09::GetSettings::METADATA,
    v2026_09::ConfigureSettings::METADATA,
    v2026_09::ListSubscriptions::METADATA,
    v2026_09::CreateSubscription::METADATA,
    v2026_09::BatchUpdateSubscriptions::METADATA,
    v2026_09::ArchiveSubscription::METADATA,
    v2026_09::GetSubscription::METADATA,
    v2026_09::UpdateSubscription::METADATA,
];
