//! Contacts, declared from HubSpot's OpenAPI specs.
//!
//! Versions `2026-03`, `2026-09`. Written by `hubspot-declare` from
//! `crm/contacts.2026-03.json`, `crm/companies.2026-03.json`, `crm/contacts.2026-09.json`,
//! `crm/companies.2026-09.json`: regenerate it rather than edit it. Declarations that differ
//! between versions are in the `vYYYY_MM` submodules.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    /// `PUT
    /// /crm/objects/2026-03/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}`.
    #[scopes(
        "crm.objects.appointments.read",
        "crm.objects.appointments.sensitive.read.v2",
        "crm.objects.appointments.sensitive.write.v2",
        "crm.objects.appointments.write",
        "crm.objects.calls.read",
        "crm.objects.carts.read",
        "crm.objects.carts.write",
        "crm.objects.commercepayments.read",
        "crm.objects.commercepayments.write",
        "crm.objects.companies.highly_sensitive.read.v2",
        "crm.objects.companies.highly_sensitive.write.v2",
        "crm.objects.companies.read",
        "crm.objects.companies.sensitive.read.v2",
        "crm.objects.companies.sensitive.write.v2",
        "crm.objects.companies.write",
        "crm.objects.contacts.highly_sensitive.read.v2",
        "crm.objects.contacts.highly_sensitive.write.v2",
        "crm.objects.contacts.read",
        "crm.objects.contacts.sensitive.read.v2",
        "crm.objects.contacts.sensitive.write.v2",
        "crm.objects.contacts.write",
        "crm.objects.courses.read",
        "crm.objects.courses.write",
        "crm.objects.custom.highly_sensitive.read.v2",
        "crm.objects.custom.highly_sensitive.write.v2",
        "crm.objects.custom.read",
        "crm.objects.custom.sensitive.read.v2",
        "crm.objects.custom.sensitive.write.v2",
        "crm.objects.custom.write",
        "crm.objects.deals.highly_sensitive.read.v2",
        "crm.objects.deals.highly_sensitive.write.v2",
        "crm.objects.deals.read",
        "crm.objects.deals.sensitive.read.v2",
        "crm.objects.deals.sensitive.write.v2",
        "crm.objects.deals.write",
        "crm.objects.emails.read",
        "crm.objects.goals.read",
        "crm.objects.goals.write",
        "crm.objects.invoices.read",
        "crm.objects.invoices.write",
        "crm.objects.leads.read",
        "crm.objects.leads.write",
        "crm.objects.line_items.read",
        "crm.objects.line_items.write",
        "crm.objects.listings.read",
        "crm.objects.listings.write",
        "crm.objects.meetings.read",
        "crm.objects.notes.read",
        "crm.objects.orders.read",
        "crm.objects.orders.write",
        "crm.objects.partner-clients.read",
        "crm.objects.partner-clients.write",
        "crm.objects.partner-services.read",
        "crm.objects.partner-services.write",
        "crm.objects.products.read",
        "crm.objects.products.write",
        "crm.objects.projects.highly_sensitive.read",
        "crm.objects.projects.highly_sensitive.write",
        "crm.objects.projects.read",
        "crm.objects.projects.sensitive.read",
        "crm.objects.projects.sensitive.write",
        "crm.objects.projects.write",
        "crm.objects.quotes.read",
        "crm.objects.quotes.write",
        "crm.objects.services.read",
        "crm.objects.services.write",
        "crm.objects.subscriptions.read",
        "crm.objects.subscriptions.write",
        "crm.objects.tasks.read",
        "crm.objects.users.read",
        "crm.objects.users.write",
        "e-commerce",
        "media_bridge.read",
        "oauth",
        "tickets",
        "tickets.highly_sensitive.v2",
        "tickets.sensitive.v2",
    )]
    pub endpoint CreateDefaultAssociation: PUT {
        "2026-03" => "/crm/objects/2026-03/{fromObjectType}/{fromObjectId}/associations/default/{toObjectType}/{toObjectId}",
    } {
        path {
            from_object_id: String,
            from_object_type: String,
            to_object_id: String,
            to_object_type: String,
        }
    } -> 200 BatchResponsePublicDefaultAssociation;

    /// `DELETE
    /// /crm/objects/2026-03/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}`.
    #[scopes(
        "crm.objects.appointments.read",
        "crm.objects.appointments.sensitive.read.v2",
        "crm.objects.appointments.sensitive.write.v2",
        "crm.objects.appointments.write",
        "crm.objects.calls.read",
        "crm.objects.carts.read",
        "crm.objects.carts.write",
        "crm.objects.commercepayments.read",
        "crm.objects.commercepayments.write",
        "crm.objects.companies.highly_sensitive.read.v2",
        "crm.objects.companies.highly_sensitive.write.v2",
        "crm.objects.companies.read",
        "crm.objects.companies.sensitive.read.v2",
        "crm.objects.companies.sensitive.write.v2",
        "crm.objects.companies.write",
        "crm.objects.contacts.highly_sensitive.read.v2",
        "crm.objects.contacts.highly_sensitive.write.v2",
        "crm.objects.contacts.read",
        "crm.objects.contacts.sensitive.read.v2",
        "crm.objects.contacts.sensitive.write.v2",
        "crm.objects.contacts.write",
        "crm.objects.courses.read",
        "crm.objects.courses.write",
        "crm.objects.custom.highly_sensitive.read.v2",
        "crm.objects.custom.highly_sensitive.write.v2",
        "crm.objects.custom.read",
        "crm.objects.custom.sensitive.read.v2",
        "crm.objects.custom.sensitive.write.v2",
        "crm.objects.custom.write",
        "crm.objects.deals.highly_sensitive.read.v2",
        "crm.objects.deals.highly_sensitive.write.v2",
        "crm.objects.deals.read",
        "crm.objects.deals.sensitive.read.v2",
        "crm.objects.deals.sensitive.write.v2",
        "crm.objects.deals.write",
        "crm.objects.emails.read",
        "crm.objects.goals.read",
        "crm.objects.goals.write",
        "crm.objects.invoices.read",
        "crm.objects.invoices.write",
        "crm.objects.leads.read",
        "crm.objects.leads.write",
        "crm.objects.line_items.read",
        "crm.objects.line_items.write",
        "crm.objects.listings.read",
        "crm.objects.listings.write",
        "crm.objects.meetings.read",
        "crm.objects.notes.read",
        "crm.objects.orders.read",
        "crm.objects.orders.write",
        "crm.objects.partner-clients.read",
        "crm.objects.partner-clients.write",
        "crm.objects.partner-services.read",
        "crm.objects.partner-services.write",
        "crm.objects.products.read",
        "crm.objects.products.write",
        "crm.objects.projects.highly_sensitive.read",
        "crm.objects.projects.highly_sensitive.write",
        "crm.objects.projects.read",
        "crm.objects.projects.sensitive.read",
        "crm.objects.projects.sensitive.write",
        "crm.objects.projects.write",
        "crm.objects.quotes.read",
        "crm.objects.quotes.write",
        "crm.objects.services.read",
        "crm.objects.services.write",
        "crm.objects.subscriptions.read",
        "crm.objects.subscriptions.write",
        "crm.objects.tasks.read",
        "crm.objects.users.read",
        "crm.objects.users.write",
        "e-commerce",
        "media_bridge.read",
        "oauth",
        "tickets",
        "tickets.highly_sensitive.v2",
        "tickets.sensitive.v2",
    )]
    pub endpoint DeleteAssociations: DELETE {
        "2026-03" => "/crm/objects/2026-03/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}",
    } {
        path {
            object_id: String,
            object_type: String,
            to_object_id: String,
            to_object_type: String,
        }
    } -> 204 ();

    /// `PUT
    /// /crm/objects/2026-03/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}`.
    #[scopes(
        "crm.objects.appointments.read",
        "crm.objects.appointments.sensitive.read.v2",
        "crm.objects.appointments.sensitive.write.v2",
        "crm.objects.appointments.write",
        "crm.objects.calls.read",
        "crm.objects.carts.read",
        "crm.objects.carts.write",
        "crm.objects.commercepayments.read",
        "crm.objects.commercepayments.write",
        "crm.objects.companies.highly_sensitive.read.v2",
        "crm.objects.companies.highly_sensitive.write.v2",
        "crm.objects.companies.read",
        "crm.objects.companies.sensitive.read.v2",
        "crm.objects.companies.sensitive.write.v2",
        "crm.objects.companies.write",
        "crm.objects.contacts.highly_sensitive.read.v2",
        "crm.objects.contacts.highly_sensitive.write.v2",
        "crm.objects.contacts.read",
        "crm.objects.contacts.sensitive.read.v2",
        "crm.objects.contacts.sensitive.write.v2",
        "crm.objects.contacts.write",
        "crm.objects.courses.read",
        "crm.objects.courses.write",
        "crm.objects.custom.highly_sensitive.read.v2",
        "crm.objects.custom.highly_sensitive.write.v2",
        "crm.objects.custom.read",
        "crm.objects.custom.sensitive.read.v2",
        "crm.objects.custom.sensitive.write.v2",
        "crm.objects.custom.write",
        "crm.objects.deals.highly_sensitive.read.v2",
        "crm.objects.deals.highly_sensitive.write.v2",
        "crm.objects.deals.read",
        "crm.objects.deals.sensitive.read.v2",
        "crm.objects.deals.sensitive.write.v2",
        "crm.objects.deals.write",
        "crm.objects.emails.read",
        "crm.objects.goals.read",
        "crm.objects.goals.write",
        "crm.objects.invoices.read",
        "crm.objects.invoices.write",
        "crm.objects.leads.read",
        "crm.objects.leads.write",
        "crm.objects.line_items.read",
        "crm.objects.line_items.write",
        "crm.objects.listings.read",
        "crm.objects.listings.write",
        "crm.objects.meetings.read",
        "crm.objects.notes.read",
        "crm.objects.orders.read",
        "crm.objects.orders.write",
        "crm.objects.partner-clients.read",
        "crm.objects.partner-clients.write",
        "crm.objects.partner-services.read",
        "crm.objects.partner-services.write",
        "crm.objects.products.read",
        "crm.objects.products.write",
        "crm.objects.projects.highly_sensitive.read",
        "crm.objects.projects.highly_sensitive.write",
        "crm.objects.projects.read",
        "crm.objects.projects.sensitive.read",
        "crm.objects.projects.sensitive.write",
        "crm.objects.projects.write",
        "crm.objects.quotes.read",
        "crm.objects.quotes.write",
        "crm.objects.services.read",
        "crm.objects.services.write",
        "crm.objects.subscriptions.read",
        "crm.objects.subscriptions.write",
        "crm.objects.tasks.read",
        "crm.objects.users.read",
        "crm.objects.users.write",
        "e-commerce",
        "media_bridge.read",
        "oauth",
        "tickets",
        "tickets.highly_sensitive.v2",
        "tickets.sensitive.v2",
    )]
    pub endpoint CreateAssociation: PUT {
        "2026-03" => "/crm/objects/2026-03/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}",
    } {
        path {
            object_id: String,
            object_type: String,
            to_object_id: String,
            to_object_type: String,
        }
        body {
            body: Vec<AssociationSpec>,
        }
    } -> 201 LabelsBetweenObjectPair;

    /// Retrieve contacts.
    ///
    /// Retrieve all contacts, using query parameters to specify the information that gets
    /// returned.
    #[scopes("crm.objects.companies.read", "crm.objects.contacts.read")]
    #[paginated]
    pub endpoint ListObjects: GET {
        "2026-09" => "/crm/objects/2026-09/{objectType}",
    } {
        path {
            /// Object Type
            object_type: String,
        }
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            /// A comma separated list of object types to retrieve associated IDs for. If any of
            /// the specified associations do not exist, they will be ignored.
            associations: Option<Vec<String>>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            /// A comma separated list of the properties to be returned in the response. If any
            /// of the specified properties are not present on the requested object(s), they
            /// will be ignored.
            properties: Option<Vec<String>>,
            /// A comma separated list of the properties to be returned along with their history
            /// of previous values. If any of the specified properties are not present on the
            /// requested object(s), they will be ignored. Usage of this parameter will reduce
            /// the maximum number of contacts that can be read by a single request.
            properties_with_history: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseSimplePublicObjectWithAssociationsForwardPaging;

    /// Create a contact.
    ///
    /// Create a single contact. Include a `properties` object to define
    /// [property values](https://developers.hubspot.com/docs/guides/api/crm/properties) for the
    /// contact, along with an `associations` array to define
    /// [associations](https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4)
    /// with other CRM records.
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    pub endpoint CreateObject: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}",
    } {
        path {
            object_type: String,
        }
        required {
            associations: Vec<PublicAssociationsForObject>,
            /// Key-value pairs for setting properties for the new object.
            properties: HashMap<String, String>,
        }
    } -> 201 SimplePublicObject;

    /// Archive a batch of contacts by ID. Archived contacts can be restored within 90 days of
    /// deletion. Learn more about the
    /// [data impacted by contact deletions](https://knowledge.hubspot.com/privacy-and-consent/understand-restorable-and-permanent-contact-deletions)
    /// and how to
    /// [restore archived records](https://knowledge.hubspot.com/records/restore-deleted-records).
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    pub endpoint BatchArchiveObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/batch/archive",
    } {
        path {
            object_type: String,
        }
        required {
            inputs: Vec<SimplePublicObjectId>,
        }
    } -> 204 ();

    /// Create a batch of contacts. The `inputs` array can contain a `properties` object to
    /// define property values for each record, along with an `associations` array to define
    /// [associations](https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4)
    /// with other CRM records.
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    pub endpoint BatchCreateObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/batch/create",
    } {
        path {
            /// Object Type
            object_type: String,
        }
        required {
            inputs: Vec<SimplePublicObjectBatchInputForCreate>,
        }
    } -> 201 BatchResponseSimplePublicObject;

    /// Retrieve a batch of contacts by ID (`contactId`) or unique property value
    /// (`idProperty`).
    #[scopes("crm.objects.companies.read", "crm.objects.contacts.read")]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint BatchReadObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/batch/read",
    } {
        path {
            object_type: String,
        }
        query {
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
        }
        required {
            inputs: Vec<SimplePublicObjectId>,
            /// Key-value pairs for setting properties for the new object.
            properties: Vec<String>,
            /// Key-value pairs for setting properties for the new object and their histories.
            properties_with_history: Vec<String>,
        }
        optional {
            /// When using a custom unique value property to retrieve records, the name of the
            /// property. Do not include this parameter if retrieving by record ID.
            id_property: String,
        }
    } -> 200 BatchResponseSimplePublicObject;

    /// Update a batch of contacts by ID (`contactId`) or unique property value (`idProperty`).
    /// Provided property values will be overwritten. Read-only and non-existent properties will
    /// result in an error. Properties values can be cleared by passing an empty string.
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    pub endpoint BatchUpdateObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/batch/update",
    } {
        path {
            /// Object Type
            object_type: String,
        }
        required {
            inputs: Vec<SimplePublicObjectBatchInput>,
        }
    } -> 200 BatchResponseSimplePublicObject;

    /// Create or update a batch of contacts.
    ///
    /// Upsert a batch of contacts. The `inputs` array can contain a `properties` object to
    /// define property values for each record.
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    pub endpoint BatchUpsertObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/batch/upsert",
    } {
        path {
            /// Object Type
            object_type: String,
        }
        required {
            inputs: Vec<SimplePublicObjectBatchInputUpsert>,
        }
    } -> 200 BatchResponseSimplePublicUpsertObject;

    /// Permanently delete a contact (GDPR-compliant).
    ///
    /// Permanently delete a contact and all associated content to follow GDPR. Use optional
    /// property `idProperty` set to `email` to identify contact by email address. If email
    /// address is not found, the email address will be added to a blocklist and prevent it from
    /// being used in the future. Learn more about
    /// [permanently deleting contacts](https://knowledge.hubspot.com/privacy-and-consent/how-do-i-perform-a-gdpr-delete-in-hubspot).
    #[scopes("crm.objects.contacts.write")]
    pub endpoint GdprDeleteObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/gdpr-delete",
    } {
        path {
            /// Object Type
            object_type: String,
        }
        required {
            /// The ID of the contact to permanently delete.
            object_id: String,
        }
        optional {
            /// The name of a property whose values are unique for this object. An alternative
            /// to identifying a contact by ID.
            id_property: String,
        }
    } -> 204 ();

    /// Merge two contacts.
    ///
    /// Merge two contact records. Learn more about
    /// [merging records](https://knowledge.hubspot.com/records/merge-records).
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    pub endpoint MergeObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/merge",
    } {
        path {
            object_type: String,
        }
        required {
            /// The object ID of the record that the merge will not set as the current value
            /// after the merge.
            object_id_to_merge: String,
            /// The object ID of the record that the merge will generally set as the current
            /// value after the merge.
            primary_object_id: String,
        }
    } -> 200 SimplePublicObject;

    /// Search for contacts by filtering on properties, searching through associations, and
    /// sorting results. Learn more about
    /// [CRM search](https://developers.hubspot.com/docs/guides/api/crm/search#make-a-search-request).
    #[scopes("crm.objects.companies.read", "crm.objects.contacts.read")]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint SearchObjects: POST {
        "2026-09" => "/crm/objects/2026-09/{objectType}/search",
    } {
        path {
            /// Object Type
            object_type: String,
        }
        required {
            /// A paging cursor token for retrieving subsequent pages.
            after: String,
            /// Up to 6 groups of filters defining additional query criteria.
            filter_groups: Vec<FilterGroup>,
            /// The maximum results to return, up to 200 objects.
            limit: i32,
            /// A list of property names to include in the response.
            properties: Vec<String>,
            /// Specifies sorting order based on object properties.
            sorts: Vec<String>,
        }
        optional {
            /// The search query string, up to 3000 characters.
            query: String,
        }
    } -> 200 CollectionResponseWithTotalSimplePublicObject;

    /// Archive a contact.
    ///
    /// Delete a contact by ID. Deleted contacts can be restored within 90 days of deletion.
    /// Learn more about the
    /// [data impacted by contact deletions](https://knowledge.hubspot.com/privacy-and-consent/understand-restorable-and-permanent-contact-deletions)
    /// and how to
    /// [restore archived records](https://knowledge.hubspot.com/records/restore-deleted-records).
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    pub endpoint DeleteObject: DELETE {
        "2026-09" => "/crm/objects/2026-09/{objectType}/{objectId}",
    } {
        path {
            /// The ID of the contact to delete.
            object_id: String,
            /// Object Type
            object_type: String,
        }
    } -> 204 ();

    /// Retrieve a contact by its ID (`contactId`) or by a unique property (`idProperty`). You
    /// can specify what is returned using the `properties` query parameter.
    #[scopes("crm.objects.companies.read", "crm.objects.contacts.read")]
    pub endpoint GetObject: GET {
        "2026-09" => "/crm/objects/2026-09/{objectType}/{objectId}",
    } {
        path {
            /// The ID of the contact to retrieve.
            object_id: String,
            /// Object Type
            object_type: String,
        }
        query {
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            /// A comma separated list of object types to retrieve associated IDs for. If any of
            /// the specified associations do not exist, they will be ignored.
            associations: Option<Vec<String>>,
            /// The name of a property whose values are unique for this object
            id_property: Option<String>,
            /// A comma separated list of the properties to be returned in the response. If any
            /// of the specified properties are not present on the requested object(s), they
            /// will be ignored.
            properties: Option<Vec<String>>,
            /// A comma separated list of the properties to be returned along with their history
            /// of previous values. If any of the specified properties are not present on the
            /// requested object(s), they will be ignored.
            properties_with_history: Option<Vec<String>>,
        }
    } -> 200 SimplePublicObjectWithAssociations;

    /// Update a contact by ID (`contactId`) or unique property value (`idProperty`). Provided
    /// property values will be overwritten. Read-only and non-existent properties will result
    /// in an error. Properties values can be cleared by passing an empty string.
    #[scopes("crm.objects.companies.write", "crm.objects.contacts.write")]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateObject: PATCH {
        "2026-09" => "/crm/objects/2026-09/{objectType}/{objectId}",
    } {
        path {
            /// The ID of the contact to update.
            object_id: String,
            object_type: String,
        }
        query {
            /// The name of a property whose values are unique for this object.
            id_property: Option<String>,
        }
        required {
            /// Key value pairs representing the properties of the object.
            properties: HashMap<String, String>,
        }
    } -> 200 SimplePublicObject;

    /// Contains the id and type of an association
    pub object AssociatedId {
        required {
            /// The ID for the association type.
            id: String,
            /// The type of associations.
            r#type: String,
        }
    }

    /// Defines the type, direction, and details of the relationship between two CRM objects.
    pub object AssociationSpec {
        required {
            /// The category of the association, such as "HUBSPOT_DEFINED".
            association_category: AssociationSpecAssociationCategory,
            /// The ID representing the specific type of association.
            association_type_id: i32,
        }
    }

    /// The category of the association, such as "HUBSPOT_DEFINED".
    pub enum AssociationSpecAssociationCategory {
        HUBSPOT_DEFINED,
        INTEGRATOR_DEFINED,
        USER_DEFINED,
        WORK,
    }

    /// The response returned after performing a batch operation on associations.
    pub object BatchResponsePublicDefaultAssociation {
        required {
            /// The timestamp when the batch process was completed, in ISO 8601 format.
            completed_at: DateTime,
            results: Vec<PublicDefaultAssociation>,
            /// The timestamp when the batch process began execution, in ISO 8601 format.
            started_at: DateTime,
            /// The status of the batch processing request. Can be: "PENDING", "PROCESSING",
            /// "CANCELED", or "COMPLETE".
            status: BatchResponsePublicDefaultAssociationStatus,
        }
        optional {
            errors: Vec<StandardError>,
            /// An object containing relevant links related to the batch request.
            links: HashMap<String, String>,
            /// The total number of errors that occurred during the operation.
            num_errors: i32,
            /// The timestamp when the batch process was initiated, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The status of the batch processing request. Can be: "PENDING", "PROCESSING", "CANCELED",
    /// or "COMPLETE".
    pub enum BatchResponsePublicDefaultAssociationStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// A public object batch response object
    pub object BatchResponseSimplePublicObject {
        required {
            /// The timestamp when the batch processing was completed, in ISO 8601 format.
            completed_at: DateTime,
            results: Vec<SimplePublicObject>,
            /// The timestamp when the batch processing began, in ISO 8601 format.
            started_at: DateTime,
            /// The status of the batch processing request. The expected value is "COMPLETE".
            status: BatchResponseSimplePublicObjectStatus,
        }
        optional {
            errors: Vec<StandardError>,
            /// An object containing relevant links related to the batch request.
            links: HashMap<String, String>,
            /// The total number of errors that occurred during the batch operation.
            num_errors: i32,
            /// The timestamp when the batch request was initially made, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The status of the batch processing request. The expected value is "COMPLETE".
    pub enum BatchResponseSimplePublicObjectStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// Represents the result of a batch upsert operation, including the operation’s status,
    /// timestamps, and a list of successfully created or updated objects.
    pub object BatchResponseSimplePublicUpsertObject {
        required {
            /// The timestamp when the batch process was completed, in ISO 8601 format.
            completed_at: DateTime,
            results: Vec<SimplePublicUpsertObject>,
            /// The timestamp when the batch process began execution, in ISO 8601 format.
            started_at: DateTime,
            /// The status of the batch processing request. Can be: "PENDING", "PROCESSING",
            /// "CANCELED", or "COMPLETE".
            status: BatchResponseSimplePublicUpsertObjectStatus,
        }
        optional {
            errors: Vec<StandardError>,
            /// An object containing relevant links related to the batch request.
            links: HashMap<String, String>,
            /// The total number of errors that occurred during the operation.
            num_errors: i32,
            /// The timestamp when the batch process was initiated, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The status of the batch processing request. Can be: "PENDING", "PROCESSING", "CANCELED",
    /// or "COMPLETE".
    pub enum BatchResponseSimplePublicUpsertObjectStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// The `CollectionResponseAssociatedId` object.
    pub object CollectionResponseAssociatedId {
        required {
            results: Vec<AssociatedId>,
        }
        optional {
            paging: Paging,
        }
    }

    /// The `CollectionResponseSimplePublicObjectWithAssociationsForwardPaging` object.
    #[page]
    pub object CollectionResponseSimplePublicObjectWithAssociationsForwardPaging {
        required {
            results: Vec<SimplePublicObjectWithAssociations>,
        }
        optional {
            paging: ForwardPaging,
        }
    }

    /// Represents a list of simple objects returned from an API request, along with the total
    /// count of objects available.
    pub object CollectionResponseWithTotalSimplePublicObject {
        required {
            results: Vec<SimplePublicObject>,
            /// The number of available results
            total: i32,
        }
        optional {
            paging: Paging,
        }
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

    /// Defines a single condition for searching CRM objects, specifying the property to filter
    /// on, the operator to use (such as equals, greater than, or contains), and the value(s) to
    /// compare against.
    pub object Filter {
        required {
            /// null
            operator: FilterOperator,
            /// The name of the property to apply the filter to.
            property_name: String,
        }
        optional {
            /// The upper boundary value when using ranged-based filters.
            high_value: String,
            /// The value to match against the property.
            value: String,
            /// The values to match against the property.
            values: Vec<String>,
        }
    }

    /// The `FilterGroup` object.
    pub object FilterGroup {
        required {
            filters: Vec<Filter>,
        }
    }

    /// null
    pub enum FilterOperator {
        BETWEEN,
        CONTAINS_TOKEN,
        EQ,
        GT,
        GTE,
        HAS_PROPERTY,
        IN,
        LT,
        LTE,
        NEQ,
        NOT_CONTAINS_TOKEN,
        NOT_HAS_PROPERTY,
        NOT_IN,
    }

    /// The `ForwardPaging` object.
    pub object ForwardPaging {
        optional {
            /// Specifies the paging information needed to retrieve the next set of results in a
            /// paginated API response
            next: NextPage,
        }
    }

    /// The relationship descriptors applicable between two object types.
    pub object LabelsBetweenObjectPair {
        required {
            /// Source unique ID of the object.
            from_object_id: String,
            /// Source object type.
            from_object_type_id: String,
            labels: Vec<String>,
            /// Target unique ID of the object.
            to_object_id: String,
            /// Target object type.
            to_object_type_id: String,
        }
    }

    /// Specifies the paging information needed to retrieve the next set of results in a
    /// paginated API response
    pub object NextPage {
        required {
            /// A paging cursor token for retrieving subsequent pages.
            after: String,
        }
        optional {
            /// A URL that can be used to retrieve the next page results.
            link: String,
        }
    }

    /// The `Paging` object.
    pub object Paging {
        optional {
            /// Specifies the paging information needed to retrieve the next set of results in a
            /// paginated API response
            next: NextPage,
            /// specifies the paging information needed to retrieve the previous set of results
            /// in a paginated API response
            prev: PreviousPage,
        }
    }

    /// specifies the paging information needed to retrieve the previous set of results in a
    /// paginated API response
    pub object PreviousPage {
        required {
            /// A paging cursor token for retrieving previous pages.
            before: String,
        }
        optional {
            /// A URL that can be used to retrieve the previous pages' results.
            link: String,
        }
    }

    /// The `PublicAssociationsForObject` object.
    pub object PublicAssociationsForObject {
        required {
            /// Contains the Id of a Public Object
            to: PublicObjectId,
            types: Vec<AssociationSpec>,
        }
    }

    /// The `PublicDefaultAssociation` object.
    pub object PublicDefaultAssociation {
        required {
            /// Defines the type, direction, and details of the relationship between two CRM
            /// objects.
            association_spec: AssociationSpec,
            /// Contains the Id of a Public Object
            from: PublicObjectId,
            /// Contains the Id of a Public Object
            to: PublicObjectId,
        }
    }

    /// Contains the Id of a Public Object
    pub object PublicObjectId {
        required {
            /// The unique ID of the object.
            id: String,
        }
    }

    /// A simple public object.
    pub object SimplePublicObject {
        required {
            /// Whether the object is archived.
            archived: bool,
            /// The timestamp when the object was created, in ISO 8601 format.
            created_at: DateTime,
            /// The unique ID of the object.
            id: String,
            /// Key-value pairs representing the properties of the object.
            properties: HashMap<String, String>,
            /// The timestamp when the object was last updated, in ISO 8601 format.
            updated_at: DateTime,
        }
        optional {
            /// The timestamp when the object was archived, in ISO 8601 format.
            archived_at: DateTime,
            /// An identifier used for tracing the write request for the object.
            object_write_trace_id: String,
            /// Key-value pairs representing the properties of the object along with their
            /// history.
            properties_with_history: HashMap<String, Vec<ValueWithTimestamp>>,
            /// The URL associated with the object.
            url: String,
        }
    }

    /// Contains an array of CRM object records to be processed in a batch operation, each
    /// defined by their ID and properties.
    pub object SimplePublicObjectBatchInput {
        required {
            /// The ID of the contact to update. This can be the object ID, or the unique
            /// property value of the `idProperty` property.
            id: String,
            /// Key-value pairs representing the properties of the object.
            properties: HashMap<String, String>,
        }
        optional {
            /// The name of a unique property, when identifying records by property.
            id_property: String,
            /// A unique identifier for tracing the request.
            object_write_trace_id: String,
        }
    }

    /// An input object that contains a collection of objects to be created together in a batch.
    pub object SimplePublicObjectBatchInputForCreate {
        required {
            associations: Vec<PublicAssociationsForObject>,
            /// Key value pairs representing the properties of the object.
            properties: HashMap<String, String>,
        }
        optional {
            /// An identifier used for tracing the creation or update request of the object.
            object_write_trace_id: String,
        }
    }

    /// Represents an object used in batch upsert operations, containing an object’s unique
    /// identifier, its properties, and optionally the unique property name and a write trace
    /// ID.
    pub object SimplePublicObjectBatchInputUpsert {
        required {
            /// The unique ID of the object.
            id: String,
            /// Key value pairs representing the properties of the object.
            properties: HashMap<String, String>,
        }
        optional {
            /// The name of a property whose values are unique for this object
            id_property: String,
            /// An identifier for tracing the creation request.
            object_write_trace_id: String,
        }
    }

    /// Contains the Id of a Public Object
    pub object SimplePublicObjectId {
        required {
            /// The unique ID of the object.
            id: String,
        }
    }

    /// Represents a CRM object along with its properties, timestamps, and a set of associated
    /// object IDs grouped by association type.
    pub object SimplePublicObjectWithAssociations {
        required {
            /// Whether the object is archived.
            archived: bool,
            /// The timestamp when the object was created, in ISO 8601 format.
            created_at: DateTime,
            /// The unique ID of the object.
            id: String,
            /// Key value pairs representing the properties of the object.
            properties: HashMap<String, String>,
            /// The timestamp when the object was last updated, in ISO 8601 format.
            updated_at: DateTime,
        }
        optional {
            /// The timestamp when the object was archived, in ISO 8601 format.
            archived_at: DateTime,
            /// A list defining relationships with other objects.
            associations: HashMap<String, CollectionResponseAssociatedId>,
            /// An identifier used for tracing the creation or update request of the object.
            object_write_trace_id: String,
            /// Key-value pairs representing the properties of the object along with their
            /// history.
            properties_with_history: HashMap<String, Vec<ValueWithTimestamp>>,
            /// The URL on the API that provide direct navigation to the corresponding UI pages
            /// for the connectors.
            url: String,
        }
    }

    /// Represents a CRM object that has either been created or updated (upserted)
    pub object SimplePublicUpsertObject {
        required {
            /// Whether the object is archived.
            archived: bool,
            /// The timestamp when the object was created, in ISO 8601 format.
            created_at: DateTime,
            /// The unique ID of the object.
            id: String,
            /// Whether the property is new.
            new: bool,
            /// Key value pairs representing the properties of the object.
            properties: HashMap<String, String>,
            /// The timestamp when the object was last updated, in ISO 8601 format.
            updated_at: DateTime,
        }
        optional {
            /// The timestamp when the object was archived, in ISO 8601 format.
            archived_at: DateTime,
            /// An identifier for tracing the creation request.
            object_write_trace_id: String,
            /// Key-value pairs representing the properties of the object along with their
            /// history.
            properties_with_history: HashMap<String, Vec<ValueWithTimestamp>>,
            /// The URL associated with the object.
            url: String,
        }
    }

    /// Represents a standard error response in the HubSpot API, providing detailed information
    /// about an error that occurred during an API request.
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

    /// Property model that includes timestamp.
    pub object ValueWithTimestamp {
        required {
            /// The property type.
            source_type: String,
            /// The timestamp when the property was updated, in ISO 8601 format.
            timestamp: DateTime,
            /// The property value.
            value: String,
        }
        optional {
            /// The unique ID of the property.
            source_id: String,
            /// A human-readable label.
            source_label: String,
            /// The ID of the user who last updated the property.
            updated_by_user_id: i32,
        }
    }
}

/// Every endpoint this module declares, with each version's path: for tests and tooling.
pub const ENDPOINTS: &[&hubspot_runtime::schema::EndpointInfo] = &[
    CreateDefaultAssociation::METADATA,
    DeleteAssociations::METADATA,
    CreateAssociation::METADATA,
    ListObjects::METADATA,
    CreateObject::METADATA,
    BatchArchiveObjects::METADATA,
    BatchCreateObjects::METADATA,
    BatchReadObjects::METADATA,
    BatchUpdateObjects::METADATA,
    BatchUpsertObjects::METADATA,
    GdprDeleteObjects::METADATA,
    MergeObjects::METADATA,
    SearchObjects::METADATA,
    DeleteObject::METADATA,
    GetObject::METADATA,
    UpdateObject::METADATA,
];
