//! Webhooks Webhooks, declared from HubSpot's OpenAPI specs.
//!
//! Versions `2026-03`. Written by `hubspot-declare` from `webhooks/webhooks.2026-03.json`:
//! regenerate it rather than edit it. Declarations that differ between versions are in the
//! `vYYYY_MM` submodules.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    /// Retrieve Batch.
    ///
    /// Retrieve the earliest batch of webhook journal entries based on the specified count.
    /// This endpoint is useful for fetching a specific number of the earliest entries in the
    /// webhook journal for analysis or processing.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint ListJournalLocalBatchEarliest: GET {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/batch/earliest/{count}",
    } {
        path {
            /// The number of earliest entries to retrieve from the webhook journal. Must be an
            /// integer with a minimum value of 1.
            count: i32,
        }
        query {
            /// The ID of the portal where the webhooks are installed. This is an integer value.
            install_portal_id: Option<i32>,
        }
    } -> 200 BatchResponseJournalFetchResponse;

    /// Retrieve latest batch.
    ///
    /// Retrieve the latest batch of webhook journal entries. This endpoint is useful for
    /// accessing the most recent data entries processed by the webhook journal. It requires
    /// specifying the number of entries to retrieve.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint ListJournalLocalBatchLatest: GET {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/batch/latest/{count}",
    } {
        path {
            /// The number of journal entries to retrieve. Must be an integer with a minimum
            /// value of 1.
            count: i32,
        }
        query {
            /// The ID of the portal installation. This parameter is optional and used to filter
            /// the journal entries by a specific portal.
            install_portal_id: Option<i32>,
        }
    } -> 200 BatchResponseJournalFetchResponse;

    /// Batch read.
    ///
    /// Perform a batch read operation on the webhooks journal. This endpoint allows you to read
    /// multiple entries from the journal in a single request. It requires a JSON request body
    /// specifying the inputs to be read. The response includes the results of the batch read
    /// operation, and may return multiple statuses if there are errors.
    #[scopes("webhooks-journal-data-access")]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint BatchReadJournalLocal: POST {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/batch/read",
    } {
        query {
            /// The ID of the portal where the webhooks are installed. This parameter is
            /// optional and is used to specify the target portal.
            install_portal_id: Option<i32>,
        }
        required {
            /// An array of strings to be processed. This property is required.
            inputs: Vec<String>,
        }
    } -> 200 BatchResponseJournalFetchResponseWithErrors;

    /// Retrieve batch.
    ///
    /// Retrieve a batch of webhook journal entries starting from a specified offset. This
    /// endpoint allows you to fetch a defined number of entries, facilitating the processing of
    /// webhook data in manageable chunks.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint ListJournalLocalBatchNext: GET {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/batch/{offset}/next/{count}",
    } {
        path {
            /// The number of journal entries to retrieve. This is an integer value with a
            /// minimum of 1.
            count: i32,
            /// The starting point for fetching the batch of journal entries. This is a string
            /// value that indicates the offset position.
            offset: String,
        }
        query {
            /// The ID of the portal installation. This is an integer value used to specify the
            /// portal context for the request.
            install_portal_id: Option<i32>,
        }
    } -> 200 BatchResponseJournalFetchResponse;

    // Note: the spec documents no success response (only `default`); declared as `200` with any
    // JSON.
    /// Retrieve earliest.
    ///
    /// Retrieve the earliest entry from the webhooks journal for the specified portal. This
    /// endpoint is useful for accessing the oldest records in the journal, which can be helpful
    /// for auditing or tracking purposes.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint GetJournalLocalEarliest: GET {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/earliest",
    } {
        query {
            /// The ID of the portal installation to filter the journal entries by. This
            /// parameter is optional and should be an integer.
            install_portal_id: Option<i32>,
        }
    } -> 200 JsonValue;

    // Note: the spec documents no success response (only `default`); declared as `200` with any
    // JSON.
    /// Retrieve latest journal.
    ///
    /// Retrieve the latest entries from the webhooks journal for the specified portal. This
    /// endpoint is useful for accessing the most recent webhook events that have been logged,
    /// allowing you to process or analyze them as needed.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint GetJournalLocalLatest: GET {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/latest",
    } {
        query {
            /// The ID of the portal for which to retrieve the latest journal entries. This
            /// parameter is optional and should be an integer.
            install_portal_id: Option<i32>,
        }
    } -> 200 JsonValue;

    // Note: the spec documents no success response (only `default`); declared as `200` with any
    // JSON.
    /// Retrieve Next Batch.
    ///
    /// Retrieve the next set of webhook journal entries starting from a specified offset. This
    /// endpoint is useful for paginating through webhook journal data in a sequential manner,
    /// allowing you to fetch entries beyond a given point.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint GetJournalLocalOffsetNext: GET {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/offset/{offset}/next",
    } {
        path {
            /// The starting point for retrieving the next set of journal entries. This is a
            /// string value.
            offset: String,
        }
        query {
            /// The ID of the portal where the webhook is installed. This is an integer value.
            install_portal_id: Option<i32>,
        }
    } -> 200 JsonValue;

    /// Retrieve status.
    ///
    /// Retrieve the status of a specific webhook journal entry using its unique status ID. This
    /// endpoint is useful for monitoring the progress or completion of webhook processing
    /// tasks.
    #[scopes("webhooks-journal-snapshot-management")]
    pub endpoint GetJournalLocalStatus: GET {
        "2026-03" => "/webhooks-journal/journal-local/2026-03/status/{statusId}",
    } {
        path {
            /// The unique identifier (UUID) of the status to retrieve.
            status_id: String,
        }
    } -> 200 SnapshotStatusResponse;

    /// Retrieve Batch.
    ///
    /// Retrieve the earliest batch of webhook journal entries up to the specified count. This
    /// endpoint is useful for fetching historical webhook data in batches, allowing you to
    /// process or analyze the earliest entries first.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint ListJournalBatchEarliest: GET {
        "2026-03" => "/webhooks-journal/journal/2026-03/batch/earliest/{count}",
    } {
        path {
            /// The maximum number of journal entries to retrieve in the batch. This must be an
            /// integer with a minimum value of 1.
            count: i32,
        }
        query {
            /// The ID of the portal installation to filter the webhook journal entries by. This
            /// is an integer value.
            install_portal_id: Option<i32>,
        }
    } -> 200 BatchResponseJournalFetchResponse;

    /// Retrieve latest batch.
    ///
    /// Retrieve the latest batch of webhook journal entries. This endpoint allows you to
    /// specify the number of entries to fetch, providing a way to access recent webhook
    /// activity within your HubSpot account.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint ListJournalBatchLatest: GET {
        "2026-03" => "/webhooks-journal/journal/2026-03/batch/latest/{count}",
    } {
        path {
            /// The number of journal entries to retrieve. This is a required integer parameter
            /// with a minimum value of 1.
            count: i32,
        }
        query {
            /// The ID of the portal installation. This is an integer value used to identify the
            /// specific portal.
            install_portal_id: Option<i32>,
        }
    } -> 200 BatchResponseJournalFetchResponse;

    /// Batch read.
    ///
    /// Perform a batch read operation on the webhooks journal for the specified date. This
    /// endpoint allows you to retrieve multiple entries from the webhooks journal in a single
    /// request, which can be useful for processing large amounts of data efficiently.
    #[scopes("webhooks-journal-data-access")]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint BatchReadJournal: POST {
        "2026-03" => "/webhooks-journal/journal/2026-03/batch/read",
    } {
        query {
            /// The ID of the portal where the webhooks are installed. This is an integer value.
            install_portal_id: Option<i32>,
        }
        required {
            /// An array of strings to be processed. This property is required.
            inputs: Vec<String>,
        }
    } -> 200 BatchResponseJournalFetchResponseWithErrors;

    /// Fetch Batch Entries.
    ///
    /// Retrieve a batch of webhook journal entries starting from a specified offset. This
    /// endpoint allows you to fetch a specified number of entries, making it useful for
    /// paginating through large sets of webhook journal data.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint ListJournalBatchNext: GET {
        "2026-03" => "/webhooks-journal/journal/2026-03/batch/{offset}/next/{count}",
    } {
        path {
            /// The number of journal entries to fetch in the batch. This is an integer value
            /// with a minimum of 1.
            count: i32,
            /// The starting point for fetching the next batch of journal entries. This is a
            /// string value that indicates the offset position.
            offset: String,
        }
        query {
            /// The ID of the portal installation. This is an integer value used to specify the
            /// portal context for the request.
            install_portal_id: Option<i32>,
        }
    } -> 200 BatchResponseJournalFetchResponse;

    // Note: the spec documents no success response (only `default`); declared as `200` with any
    // JSON.
    /// Retrieve earliest.
    ///
    /// Retrieve the earliest entry from the webhooks journal for the specified version. This
    /// endpoint is useful for accessing the oldest records available in the journal, which can
    /// be helpful for auditing or historical data analysis.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint GetJournalEarliest: GET {
        "2026-03" => "/webhooks-journal/journal/2026-03/earliest",
    } {
        query {
            /// The ID of the portal installation to filter the journal entries. It is an
            /// integer.
            install_portal_id: Option<i32>,
        }
    } -> 200 JsonValue;

    // Note: the spec documents no success response (only `default`); declared as `200` with any
    // JSON.
    /// Retrieve latest journal.
    ///
    /// Retrieve the latest entries from the webhooks journal for the specified portal. This
    /// endpoint is useful for accessing the most recent webhook events processed by your
    /// HubSpot account. It allows you to filter the results by the portal ID to ensure you are
    /// retrieving data relevant to a specific installation.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint GetJournalLatest: GET {
        "2026-03" => "/webhooks-journal/journal/2026-03/latest",
    } {
        query {
            /// The ID of the portal installation to filter the journal entries. It is an
            /// integer value.
            install_portal_id: Option<i32>,
        }
    } -> 200 JsonValue;

    // Note: the spec documents no success response (only `default`); declared as `200` with any
    // JSON.
    /// Retrieve Next Batch.
    ///
    /// Retrieve the next batch of webhook journal entries starting from a specified offset.
    /// This endpoint is useful for paginating through large sets of webhook data, allowing you
    /// to continue fetching entries from where you last left off.
    #[scopes("webhooks-journal-data-access")]
    pub endpoint GetJournalOffsetNext: GET {
        "2026-03" => "/webhooks-journal/journal/2026-03/offset/{offset}/next",
    } {
        path {
            /// The offset from which to start retrieving the next batch of webhook journal
            /// entries. This parameter is required and identifies the starting point for the
            /// batch retrieval.
            offset: String,
        }
        query {
            /// The ID of the portal installation to filter the webhook journal entries. This is
            /// an optional parameter.
            install_portal_id: Option<i32>,
        }
    } -> 200 JsonValue;

    /// Retrieve status.
    ///
    /// Retrieve the status of a specific webhook journal snapshot entry using its snapshot ID.
    /// This endpoint is useful for checking the current state of a webhooks journal snapshot,
    /// such as whether it is pending, in progress, successful, failed, or expired.
    #[scopes("webhooks-journal-snapshot-management")]
    pub endpoint GetJournalStatus: GET {
        "2026-03" => "/webhooks-journal/journal/2026-03/status/{statusId}",
    } {
        path {
            /// The unique identifier (UUID) of the status to retrieve.
            status_id: String,
        }
    } -> 200 SnapshotStatusResponse;

    /// Create Snapshot.
    ///
    /// Create a batch of CRM object snapshots for the specified portal. This endpoint allows
    /// you to capture the state of CRM objects at a specific point in time, which can be useful
    /// for auditing or historical analysis. The request requires a list of CRM object snapshot
    /// requests, each specifying the portal ID, object ID, object type ID, and properties to
    /// include in the snapshot.
    #[scopes("webhooks-journal-snapshot-management")]
    pub endpoint CreateCrmSnapshot: POST {
        "2026-03" => "/webhooks-journal/snapshots/2026-03/crm",
    } {
        required {
            /// An array of CrmObjectSnapshotRequest objects, each representing a request to
            /// create a snapshot for a specific CRM object. This property is required.
            snapshot_requests: Vec<CrmObjectSnapshotRequest>,
        }
    } -> 200 CrmObjectSnapshotBatchResponse;

    /// Get Existing Subscriptions.
    ///
    /// Fetch existing subscriptions for the authenticated app
    #[scopes("webhooks-journal-subscription-read")]
    pub endpoint ListSubscriptions: GET {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03",
    } {
    } -> 200 CollectionResponseSubscriptionResponseNoPaging;

    /// Upsert Subscription.
    ///
    /// Create or update an existing subscription by specifying the fields and shapes of what
    /// events you need to listen to. Full documentation on potential subscription types can be
    /// found on the overview documentation page.
    #[scopes("webhooks-journal-subscription-management")]
    pub endpoint CreateSubscription: POST {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03",
    } {
        body {
            body: SubscriptionUpsertRequest,
        }
    } -> 200 SubscriptionResponse1;

    /// Create Filter.
    ///
    /// Create a new filter for a webhook subscription in your HubSpot account. This endpoint
    /// allows you to define specific conditions that a webhook event must meet to trigger the
    /// subscription. It is useful for managing and customizing the behavior of webhook
    /// subscriptions based on specific criteria.
    #[scopes("webhooks-journal-subscription-management")]
    pub endpoint CreateFilter: POST {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03/filters",
    } {
        required {
            /// Defines a single condition for searching CRM objects, specifying the property to
            /// filter on, the operator to use (such as equals, greater than, or contains), and
            /// the value(s) to compare against.
            filter: Filter,
            /// The unique identifier of the subscription to which the filter will be applied.
            /// It is an integer formatted as int64.
            subscription_id: i64,
        }
    } -> 200 FilterCreateResponse;

    /// Retrieve Filters.
    ///
    /// Retrieve the filters associated with a specific webhook subscription in the HubSpot
    /// account. This endpoint is useful for obtaining detailed information about the filters
    /// applied to a given subscription, identified by its subscription ID.
    #[scopes("webhooks-journal-subscription-read")]
    pub endpoint ListSubscriptionFilters: GET {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03/filters/subscription/{subscriptionId}",
    } {
        path {
            /// The unique identifier of the subscription for which to retrieve filters.
            subscription_id: i64,
        }
    } -> 200 Vec<FilterResponse>;

    /// Delete filter.
    ///
    /// Delete a specific filter associated with a webhook journal subscription. This operation
    /// is useful for managing and cleaning up filters that are no longer needed in your
    /// subscription setup. The endpoint requires the unique identifier of the filter to be
    /// deleted.
    #[scopes("webhooks-journal-subscription-management")]
    pub endpoint DeleteFilter: DELETE {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03/filters/{filterId}",
    } {
        path {
            /// The unique identifier of the filter to delete.
            filter_id: i64,
        }
    } -> 204 ();

    /// Retrieve filter.
    ///
    /// Retrieve details of a specific filter associated with a webhook subscription in the
    /// HubSpot account. This endpoint is useful for accessing the configuration and conditions
    /// of a filter by its unique identifier.
    #[scopes("webhooks-journal-subscription-read")]
    pub endpoint GetFilter: GET {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03/filters/{filterId}",
    } {
        path {
            /// The unique identifier of the filter to retrieve.
            filter_id: i64,
        }
    } -> 200 FilterResponse;

    /// Delete subscription.
    ///
    /// Delete a webhook journal subscription for a specific portal. This operation removes the
    /// subscription associated with the given portalId, and no content is returned upon
    /// successful deletion.
    #[scopes("webhooks-journal-subscription-management")]
    pub endpoint DeletePortalSubscriptions: DELETE {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03/portals/{portalId}",
    } {
        path {
            /// The unique identifier of the portal whose webhook journal subscription is to be
            /// deleted.
            portal_id: i64,
        }
    } -> 204 ();

    /// Delete subscription.
    ///
    /// Delete a specific webhook journal subscription using its unique identifier. This
    /// operation is useful for managing and cleaning up subscriptions that are no longer needed
    /// or relevant.
    #[scopes("webhooks-journal-subscription-management")]
    pub endpoint DeleteSubscription: DELETE {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03/{subscriptionId}",
    } {
        path {
            /// The unique identifier of the subscription to delete.
            subscription_id: i64,
        }
    } -> 204 ();

    /// Retrieve subscription.
    ///
    /// Retrieve details of a specific webhook subscription using its unique identifier. This
    /// endpoint is useful for obtaining information about a particular subscription's
    /// configuration and status within the HubSpot account.
    #[scopes("webhooks-journal-subscription-read")]
    pub endpoint GetSubscription: GET {
        "2026-03" => "/webhooks-journal/subscriptions/2026-03/{subscriptionId}",
    } {
        path {
            /// The unique identifier of the subscription to retrieve. It must be an integer.
            subscription_id: i64,
        }
    } -> 200 SubscriptionResponse1;

    /// The `ActionOverrideRequest` object.
    pub object ActionOverrideRequest {
        optional {
            /// An array of strings, each representing an associated object type ID relevant to
            /// the action override.
            associated_object_type_ids: Vec<String>,
            /// An array of integers representing list IDs that are associated with the action
            /// override. The integers are in int64 format.
            list_ids: Vec<i64>,
            /// An array of integers, each representing an object ID for which the action
            /// override is applicable. The integers are in int64 format.
            object_ids: Vec<i64>,
            /// An array of strings representing the properties to be overridden in the action.
            /// Each string corresponds to a property name.
            properties: Vec<String>,
        }
    }

    /// The `AppLifecycleEventSubscriptionUpsertRequest` object.
    // `subscriptionType` is left out: the union that holds this object writes it.
    pub object AppLifecycleEventSubscriptionUpsertRequest {
        required {
            /// A string representing the unique identifier for the event type that the
            /// subscription pertains to. This value corresponds to an internal event
            /// classification at HubSpot.
            ///
            /// 4-1909196: App install event 4-1916193: App uninstall event
            event_type_id: String,
            /// An array of strings specifying the properties of the event associated with the
            /// subscription.
            properties: Vec<String>,
        }
    }

    /// The `AssociationSubscriptionUpsertRequest` object.
    // `subscriptionType` is left out: the union that holds this object writes it.
    pub object AssociationSubscriptionUpsertRequest {
        required {
            /// An array of strings specifying the actions that trigger the subscription. Valid
            /// actions include 'ASSOCIATION_ADDED' and 'ASSOCIATION_REMOVED'.
            actions: Vec<AssociationSubscriptionUpsertRequestActionsItem>,
            /// An array of strings representing the type identifiers of the associated objects
            /// involved in the subscription. If present, events will only fire if the TO
            /// objectTypeId in the association is included in this array.
            associated_object_type_ids: Vec<String>,
            /// An array of integers representing the unique identifiers of the objects involved
            /// in the subscription.
            object_ids: Vec<i64>,
            /// A string representing the type identifier of the object involved in the
            /// subscription. For example "0-1" for Contacts. This corresponds to the FROM side
            /// of the association. An objectTypeId of "0-1" would match a CONTACT_TO_COMPANY
            /// association change.
            object_type_id: String,
            /// An integer representing the unique identifier of the HubSpot portal.
            portal_id: i64,
        }
    }

    /// The values of `AssociationSubscriptionUpsertRequestActionsItem`.
    pub enum AssociationSubscriptionUpsertRequestActionsItem {
        CREATE,
        UPDATE,
        DELETE,
        MERGE,
        RESTORE,
        ASSOCIATION_ADDED,
        ASSOCIATION_REMOVED,
        SNAPSHOT,
        APP_INSTALL,
        APP_UNINSTALL,
        ADDED_TO_LIST,
        REMOVED_FROM_LIST,
        GDPR_DELETE,
    }

    /// The `BatchResponseJournalFetchResponse` object.
    pub object BatchResponseJournalFetchResponse {
        required {
            /// The date and time when the batch operation was completed, in ISO 8601 format.
            completed_at: DateTime,
            /// An array of results from the batch operation, each represented as a
            /// JournalFetchResponse object.
            results: Vec<JournalFetchResponse>,
            /// The date and time when the batch operation started, in ISO 8601 format.
            started_at: DateTime,
            /// The current status of the batch operation. Valid values include 'PENDING',
            /// 'PROCESSING', 'CANCELED', and 'COMPLETE'.
            status: BatchResponseJournalFetchResponseStatus,
        }
        optional {
            /// A map of link names to associated URIs related to the batch operation.
            links: HashMap<String, String>,
            /// The date and time when the batch operation was requested, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The current status of the batch operation. Valid values include 'PENDING', 'PROCESSING',
    /// 'CANCELED', and 'COMPLETE'.
    pub enum BatchResponseJournalFetchResponseStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// The `BatchResponseJournalFetchResponseWithErrors` object.
    pub object BatchResponseJournalFetchResponseWithErrors {
        required {
            /// The date and time when the batch process was completed, in ISO 8601 format.
            completed_at: DateTime,
            /// An array of journal fetch responses, each representing a result from the batch
            /// process.
            results: Vec<JournalFetchResponse>,
            /// The date and time when the batch process started, in ISO 8601 format.
            started_at: DateTime,
            /// The current status of the batch process. Valid values include 'PENDING',
            /// 'PROCESSING', 'CANCELED', and 'COMPLETE'.
            status: BatchResponseJournalFetchResponseWithErrorsStatus,
        }
        optional {
            /// An array of standard errors that occurred during the batch process, providing
            /// details about each error.
            errors: Vec<StandardError>,
            /// A map of link names to associated URIs, providing additional context or actions
            /// related to the batch process.
            links: HashMap<String, String>,
            /// The number of errors that occurred during the batch process.
            num_errors: i32,
            /// The date and time when the batch request was made, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The current status of the batch process. Valid values include 'PENDING', 'PROCESSING',
    /// 'CANCELED', and 'COMPLETE'.
    pub enum BatchResponseJournalFetchResponseWithErrorsStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// The `CollectionResponseSubscriptionResponseNoPaging` object.
    pub object CollectionResponseSubscriptionResponseNoPaging {
        required {
            /// An array of SubscriptionResponse objects, each representing a subscription's
            /// details such as actions, appId, createdAt, and other relevant properties.
            results: Vec<SubscriptionResponse1>,
        }
    }

    /// The `Condition` object.
    pub object Condition {
        required {
            /// A string indicating the type of filter being applied. Valid value is
            /// 'CRM_OBJECT_PROPERTY'.
            filter_type: ConditionFilterType,
            /// A string specifying the operation to be performed in the condition. Valid values
            /// include 'EQ', 'N_EQ', 'LT', 'GT', 'LTE', 'GTE', 'CONTAINS', 'STARTS_WITH',
            /// 'ENDS_WITH', 'IN', 'NOT_IN', 'IS_EMPTY', and 'IS_NOT_EMPTY'.
            operator: ConditionOperator,
            /// A string representing the specific property of the CRM object that the condition
            /// applies to.
            property: String,
        }
        optional {
            /// A string representing the value to be compared against the specified property
            /// when using single-value operators.
            value: String,
            /// An array of strings used to specify multiple values for comparison when using
            /// operators that support multiple values, such as 'IN' or 'NOT_IN'.
            values: Vec<String>,
        }
    }

    /// A string indicating the type of filter being applied. Valid value is
    /// 'CRM_OBJECT_PROPERTY'.
    pub enum ConditionFilterType {
        CRM_OBJECT_PROPERTY,
    }

    /// A string specifying the operation to be performed in the condition. Valid values include
    /// 'EQ', 'N_EQ', 'LT', 'GT', 'LTE', 'GTE', 'CONTAINS', 'STARTS_WITH', 'ENDS_WITH', 'IN',
    /// 'NOT_IN', 'IS_EMPTY', and 'IS_NOT_EMPTY'.
    pub enum ConditionOperator {
        CONTAINS,
        ENDS_WITH,
        EQ,
        GT,
        GTE,
        IN,
        IS_EMPTY,
        IS_NOT_EMPTY,
        LT,
        LTE,
        N_EQ,
        NOT_IN,
        STARTS_WITH,
    }

    /// The `CrmObjectSnapshotBatchResponse` object.
    pub object CrmObjectSnapshotBatchResponse {
        required {
            /// An array of CrmObjectSnapshotResponse objects, each representing the result of a
            /// snapshot operation for a specific CRM object. This property is required.
            snapshot_responses: Vec<CrmObjectSnapshotResponse>,
        }
    }

    /// The `CrmObjectSnapshotRequest` object.
    pub object CrmObjectSnapshotRequest {
        required {
            /// An integer representing the unique identifier of the CRM object for which the
            /// snapshot is requested.
            object_id: i64,
            /// A string representing the type identifier of the CRM object, specifying what
            /// kind of object it is within HubSpot.
            object_type_id: String,
            /// An integer representing the unique identifier of the HubSpot account (portal)
            /// where the CRM object resides.
            portal_id: i64,
            /// An array of strings, each representing a property of the CRM object that should
            /// be included in the snapshot.
            properties: Vec<String>,
        }
    }

    /// The `CrmObjectSnapshotResponse` object.
    pub object CrmObjectSnapshotResponse {
        required {
            /// An integer representing the unique identifier of the CRM object for which the
            /// snapshot is taken.
            object_id: i64,
            /// A string indicating the type of the CRM object, such as contact, company, or
            /// deal.
            object_type_id: String,
            /// An integer representing the unique identifier of the HubSpot portal associated
            /// with the CRM object.
            portal_id: i64,
            /// A UUID string representing the status identifier of the snapshot request,
            /// indicating the current state of the snapshot process.
            snapshot_status_id: String,
        }
    }

    /// The `ErrorDetail` object.
    pub object ErrorDetail {
        required {
            /// A human readable message describing the error along with remediation steps where
            /// appropriate. This is a required field.
            message: String,
        }
        optional {
            /// The status code associated with the error detail. This string provides a
            /// standardized error code for reference.
            code: String,
            /// Context about the error condition, represented as an object where each key is a
            /// context name and the value is an array of strings providing further details.
            context: HashMap<String, Vec<String>>,
            /// The name of the field or parameter in which the error was found. It is a string
            /// that helps identify the source of the error.
            r#in: String,
            /// A specific category that contains more specific detail about the error. This
            /// string helps further classify the error.
            sub_category: String,
        }
    }

    /// Defines a single condition for searching CRM objects, specifying the property to filter
    /// on, the operator to use (such as equals, greater than, or contains), and the value(s) to
    /// compare against.
    pub object Filter {
        required {
            /// An array of conditions that define the criteria for the filter. Each condition
            /// specifies a property, an operator, and optionally a value or values.
            conditions: Vec<Condition>,
        }
    }

    /// The `FilterCreateResponse` object.
    pub object FilterCreateResponse {
        required {
            /// The unique identifier for the created filter. It is an integer formatted as
            /// int64.
            filter_id: i64,
        }
    }

    /// The `FilterResponse` object.
    pub object FilterResponse {
        required {
            /// A Unix timestamp in milliseconds indicating when the filter was created.
            created_at: i64,
            /// Defines a single condition for searching CRM objects, specifying the property to
            /// filter on, the operator to use (such as equals, greater than, or contains), and
            /// the value(s) to compare against.
            filter: Filter,
            /// The unique identifier for the filter. It is an integer in int64 format.
            id: i64,
        }
    }

    /// The `GdprPrivacyDeletionSubscriptionUpsertRequest` object.
    // `subscriptionType` is left out: the union that holds this object writes it.
    pub object GdprPrivacyDeletionSubscriptionUpsertRequest {
        required {
            /// An array of strings specifying the actions that trigger the subscription. Valid
            /// action is 'GDPR_DELETE'.
            actions: Vec<GdprPrivacyDeletionSubscriptionUpsertRequestActionsItem>,
            /// A string representing the unique identifier for the type of object associated
            /// with the subscription.
            object_type_id: String,
            /// An integer representing the unique identifier for the HubSpot portal that is
            /// being listened to for changes.
            portal_id: i64,
        }
    }

    /// The values of `GdprPrivacyDeletionSubscriptionUpsertRequestActionsItem`.
    pub enum GdprPrivacyDeletionSubscriptionUpsertRequestActionsItem {
        CREATE,
        UPDATE,
        DELETE,
        MERGE,
        RESTORE,
        ASSOCIATION_ADDED,
        ASSOCIATION_REMOVED,
        SNAPSHOT,
        APP_INSTALL,
        APP_UNINSTALL,
        ADDED_TO_LIST,
        REMOVED_FROM_LIST,
        GDPR_DELETE,
    }

    /// The `JournalFetchResponse` object.
    pub object JournalFetchResponse {
        required {
            /// The unique identifier for the current offset of the journal entry, formatted as
            /// a UUID.
            current_offset: String,
            /// The date and time when the URL will expire, in ISO 8601 format.
            expires_at: DateTime,
            /// The Pre-signed S3 URL where the journal entry can be accessed. It is a string.
            url: String,
        }
    }

    /// The `ListMembershipSubscriptionUpsertRequest` object.
    // `subscriptionType` is left out: the union that holds this object writes it.
    pub object ListMembershipSubscriptionUpsertRequest {
        required {
            /// An array of strings specifying the actions that trigger the subscription. Valid
            /// actions include 'ADDED_TO_LIST', and 'REMOVED_FROM_LIST'
            actions: Vec<ListMembershipSubscriptionUpsertRequestActionsItem>,
            /// An array of integers representing the IDs of the lists involved in the
            /// subscription. Empty means listen to all lists.
            list_ids: Vec<i64>,
            /// An array of integers representing the IDs of the objects associated with the
            /// subscription. Empty means listen to all objectsIds.
            object_ids: Vec<i64>,
            /// An integer representing the ID of the portal where the subscription is being
            /// managed.
            portal_id: i64,
        }
    }

    /// The values of `ListMembershipSubscriptionUpsertRequestActionsItem`.
    pub enum ListMembershipSubscriptionUpsertRequestActionsItem {
        CREATE,
        UPDATE,
        DELETE,
        MERGE,
        RESTORE,
        ASSOCIATION_ADDED,
        ASSOCIATION_REMOVED,
        SNAPSHOT,
        APP_INSTALL,
        APP_UNINSTALL,
        ADDED_TO_LIST,
        REMOVED_FROM_LIST,
        GDPR_DELETE,
    }

    /// The `ObjectSubscriptionUpsertRequest` object.
    // `subscriptionType` is left out: the union that holds this object writes it.
    pub object ObjectSubscriptionUpsertRequest {
        required {
            /// An array of strings specifying the actions that trigger the subscription. Valid
            /// actions include 'CREATE', 'UPDATE', 'DELETE', 'MERGE', 'RESTORE'.
            actions: Vec<ObjectSubscriptionUpsertRequestActionsItem>,
            /// An array of integers representing the IDs of the objects involved in the
            /// subscription. Empty means listen to all objectIds.
            object_ids: Vec<i64>,
            /// A string that identifies the type of object for which the subscription is being
            /// created or updated. For example "0-1" for contacts.
            object_type_id: String,
            /// An integer representing the portal ID associated with the subscription.
            portal_id: i64,
            /// An array of strings listing the properties of the objects that are relevant to
            /// the subscription. Empty means listen to all properties.
            properties: Vec<String>,
        }
    }

    /// The values of `ObjectSubscriptionUpsertRequestActionsItem`.
    pub enum ObjectSubscriptionUpsertRequestActionsItem {
        CREATE,
        UPDATE,
        DELETE,
        MERGE,
        RESTORE,
        ASSOCIATION_ADDED,
        ASSOCIATION_REMOVED,
        SNAPSHOT,
        APP_INSTALL,
        APP_UNINSTALL,
        ADDED_TO_LIST,
        REMOVED_FROM_LIST,
        GDPR_DELETE,
    }

    /// The `SnapshotStatusResponse` object.
    pub object SnapshotStatusResponse {
        required {
            /// The unique identifier for the snapshot operation, represented as a UUID.
            id: String,
            /// The timestamp indicating when the snapshot operation was initiated, represented
            /// as a Unix timestamp in milliseconds.
            initiated_at: i64,
            /// The current status of the snapshot. Valid values include 'PENDING',
            /// 'IN_PROGRESS', 'COMPLETED', 'FAILED', and 'EXPIRED'.
            status: SnapshotStatusResponseStatus,
        }
        optional {
            /// The timestamp indicating when the snapshot operation was completed, represented
            /// as a Unix timestamp in milliseconds.
            completed_at: i64,
            /// A code representing the error that occurred, if any. Possible values are
            /// 'TIMEOUT', 'VALIDATION_ERROR', 'INTERNAL_ERROR', and 'PERMISSION_DENIED'.
            error_code: SnapshotStatusResponseErrorCode,
            /// A descriptive message providing additional information about the snapshot
            /// operation or error.
            message: String,
        }
    }

    /// A code representing the error that occurred, if any. Possible values are 'TIMEOUT',
    /// 'VALIDATION_ERROR', 'INTERNAL_ERROR', and 'PERMISSION_DENIED'.
    pub enum SnapshotStatusResponseErrorCode {
        INTERNAL_ERROR,
        PERMISSION_DENIED,
        TIMEOUT,
        VALIDATION_ERROR,
    }

    /// The current status of the snapshot. Valid values include 'PENDING', 'IN_PROGRESS',
    /// 'COMPLETED', 'FAILED', and 'EXPIRED'.
    pub enum SnapshotStatusResponseStatus {
        EXPIRED,
        FAILED,
        IN_PROGRESS,
        PENDING,
        SUCCESS,
    }

    /// Ye olde error
    pub object StandardError {
        required {
            /// A string indicating the category of the error.
            category: String,
            /// An object containing additional context about the error condition, with each
            /// property being an array of strings.
            context: HashMap<String, Vec<String>>,
            /// An array of ErrorDetail objects providing further information about the error.
            errors: Vec<ErrorDetail>,
            /// An object mapping link names to associated URIs that contain documentation about
            /// the error or recommended remediation steps.
            links: HashMap<String, String>,
            /// A string containing a human-readable message describing the error.
            message: String,
            /// A string representing the status of the error.
            status: String,
        }
        optional {
            /// A string that uniquely identifies the error instance.
            id: String,
            /// An object providing more specific categorization of the error.
            sub_category: HashMap<String, JsonValue>,
        }
    }

    /// The `SubscriptionResponse1` object.
    pub object SubscriptionResponse1 {
        required {
            /// A list of actions that trigger the subscription. Possible values include
            /// 'CREATE', 'UPDATE', 'DELETE', 'MERGE', 'RESTORE', 'ASSOCIATION_ADDED',
            /// 'ASSOCIATION_REMOVED', 'SNAPSHOT', 'APP_INSTALL', 'APP_UNINSTALL',
            /// 'ADDED_TO_LIST', 'REMOVED_FROM_LIST', and 'GDPR_DELETE'.
            actions: Vec<SubscriptionResponse1ActionsItem>,
            /// The unique identifier for the app associated with the subscription. It is an
            /// integer formatted as int64.
            app_id: i64,
            /// The date and time when the subscription was created, in ISO 8601 format.
            created_at: DateTime,
            /// The unique identifier for the subscription. It is an integer formatted as int64.
            id: i64,
            /// The identifier for the object type associated with the subscription. It is a
            /// string.
            object_type_id: String,
            /// The type of subscription, which can be one of the following: 'OBJECT',
            /// 'ASSOCIATION', 'EVENT', 'APP_LIFECYCLE_EVENT', 'LIST_MEMBERSHIP', or
            /// 'GDPR_PRIVACY_DELETION'.
            subscription_type: SubscriptionResponse1SubscriptionType,
            /// The date and time when the subscription was last updated, in ISO 8601 format.
            updated_at: DateTime,
        }
        optional {
            /// An object containing action overrides, where each key is an action and the value
            /// is an ActionOverrideRequest object.
            action_overrides: HashMap<String, ActionOverrideRequest>,
            /// A list of associated object type IDs. Each ID is a string.
            associated_object_type_ids: Vec<String>,
            /// The ID of the user who created the subscription. It is an integer formatted as
            /// int64.
            created_by: i64,
            /// The date and time when the subscription was deleted, in ISO 8601 format, if
            /// applicable.
            deleted_at: DateTime,
            /// A list of list IDs associated with the subscription. Each ID is an integer
            /// formatted as int64.
            list_ids: Vec<i64>,
            /// A list of object IDs associated with the subscription. Each ID is an integer
            /// formatted as int64.
            object_ids: Vec<i64>,
            /// The unique identifier for the portal associated with the subscription. It is an
            /// integer formatted as int64.
            portal_id: i64,
            /// A list of property names associated with the subscription. Each property is a
            /// string.
            properties: Vec<String>,
        }
    }

    /// The values of `SubscriptionResponse1ActionsItem`.
    pub enum SubscriptionResponse1ActionsItem {
        CREATE,
        UPDATE,
        DELETE,
        MERGE,
        RESTORE,
        ASSOCIATION_ADDED,
        ASSOCIATION_REMOVED,
        SNAPSHOT,
        APP_INSTALL,
        APP_UNINSTALL,
        ADDED_TO_LIST,
        REMOVED_FROM_LIST,
        GDPR_DELETE,
    }

    /// The type of subscription, which can be one of the following: 'OBJECT', 'ASSOCIATION',
    /// 'EVENT', 'APP_LIFECYCLE_EVENT', 'LIST_MEMBERSHIP', or 'GDPR_PRIVACY_DELETION'.
    pub enum SubscriptionResponse1SubscriptionType {
        APP_LIFECYCLE_EVENT,
        ASSOCIATION,
        EVENT,
        GDPR_PRIVACY_DELETION,
        LIST_MEMBERSHIP,
        OBJECT,
    }

    /// One of the `SubscriptionUpsertRequest` kinds, by `subscriptionType`.
    #[tag = "subscriptionType"]
    pub union SubscriptionUpsertRequest {
        OBJECT => ObjectSubscriptionUpsertRequest,
        ASSOCIATION => AssociationSubscriptionUpsertRequest,
        APP_LIFECYCLE_EVENT => AppLifecycleEventSubscriptionUpsertRequest,
        LIST_MEMBERSHIP => ListMembershipSubscriptionUpsertRequest,
        GDPR_PRIVACY_DELETION => GdprPrivacyDeletionSubscriptionUpsertRequest,
    }
}

/// Every endpoint this module declares, with each version's path: for tests and tooling.
pub const ENDPOINTS: &[&hubspot_runtime::schema::EndpointInfo] = &[
    ListJournalLocalBatchEarliest::METADATA,
    ListJournalLocalBatchLatest::METADATA,
    BatchReadJournalLocal::METADATA,
    ListJournalLocalBatchNext::METADATA,
    GetJournalLocalEarliest::METADATA,
    GetJournalLocalLatest::METADATA,
    GetJournalLocalOffsetNext::METADATA,
    GetJournalLocalStatus::METADATA,
    ListJournalBatchEarliest::METADATA,
    ListJournalBatchLatest::METADATA,
    BatchReadJournal::METADATA,
    ListJournalBatchNext::METADATA,
    GetJournalEarliest::METADATA,
    GetJournalLatest::METADATA,
    GetJournalOffsetNext::METADATA,
    GetJournalStatus::METADATA,
    CreateCrmSnapshot::METADATA,
    ListSubscriptions::METADATA,
    CreateSubscription::METADATA,
    CreateFilter::METADATA,
    ListSubscriptionFilters::METADATA,
    DeleteFilter::METADATA,
    GetFilter::METADATA,
    DeletePortalSubscriptions::METADATA,
    DeleteSubscription::METADATA,
    GetSubscription::METADATA,
];
