//! Companies, declared from HubSpot's OpenAPI specs.
//!
//! Versions `v3`, `2026-03`. Written by `hubspot-declare` from `crm/companies.v3.json`,
//! `crm/companies.2026-03.json`: regenerate it rather than edit it. Declarations that differ
//! between versions are in the `vYYYY_MM` submodules.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    /// Retrieve companies.
    ///
    /// Retrieve all companies, using query parameters to control the information that gets
    /// returned.
    #[scopes("crm.objects.companies.read")]
    #[paginated]
    pub endpoint ListCompanies: GET {
        v3        => "/crm/v3/objects/companies",
        "2026-03" => "/crm/objects/2026-03/companies",
    } {
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
            /// the maximum number of companies that can be read by a single request.
            properties_with_history: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseSimplePublicObjectWithAssociationsForwardPaging;

    /// Create a company.
    ///
    /// Create a single company. Include a `properties` object to define
    /// [property values](https://developers.hubspot.com/docs/guides/api/crm/properties) for the
    /// company, along with an `associations` array to define
    /// [associations](https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4)
    /// with other CRM records.
    #[scopes("crm.objects.companies.write")]
    pub endpoint CreateCompany: POST {
        v3        => "/crm/v3/objects/companies",
        "2026-03" => "/crm/objects/2026-03/companies",
    } {
        required {
            associations: Vec<PublicAssociationsForObject>,
            /// The company property values to set.
            properties: HashMap<String, String>,
        }
    } -> 201 SimplePublicObject;

    /// Archive a batch of companies.
    ///
    /// Delete a batch of companies by ID. Deleted companies can be restored within 90 days of
    /// deletion. Learn more about
    /// [restoring records](https://knowledge.hubspot.com/records/restore-deleted-records).
    #[scopes("crm.objects.companies.write")]
    pub endpoint BatchArchiveCompanies: POST {
        v3        => "/crm/v3/objects/companies/batch/archive",
        "2026-03" => "/crm/objects/2026-03/companies/batch/archive",
    } {
        required {
            inputs: Vec<SimplePublicObjectId>,
        }
    } -> 204 ();

    /// Create a batch of companies. The `inputs` array can contain a `properties` object to
    /// define property values for each company, along with an `associations` array to define
    /// [associations](https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4)
    /// with other CRM records.
    #[scopes("crm.objects.companies.write")]
    pub endpoint BatchCreateCompanies: POST {
        v3        => "/crm/v3/objects/companies/batch/create",
        "2026-03" => "/crm/objects/2026-03/companies/batch/create",
    } {
        required {
            inputs: Vec<SimplePublicObjectBatchInputForCreate>,
        }
    } -> 201 BatchResponseSimplePublicObjectWithErrors;

    /// Retrieve a batch of companies by ID (`companyId`) or by a unique property
    /// (`idProperty`). You can specify what is returned using the `properties` query parameter.
    #[scopes("crm.objects.companies.read")]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint BatchReadCompanies: POST {
        v3        => "/crm/v3/objects/companies/batch/read",
        "2026-03" => "/crm/objects/2026-03/companies/batch/read",
    } {
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
    } -> 200 BatchResponseSimplePublicObjectWithErrors;

    /// Update a batch of companies by ID.
    #[scopes("crm.objects.companies.write")]
    pub endpoint BatchUpdateCompanies: POST {
        v3        => "/crm/v3/objects/companies/batch/update",
        "2026-03" => "/crm/objects/2026-03/companies/batch/update",
    } {
        required {
            inputs: Vec<SimplePublicObjectBatchInput>,
        }
    } -> 200 BatchResponseSimplePublicObjectWithErrors;

    /// Create or update a batch of companies by unique property values.
    ///
    /// Create or update companies identified by a unique property value as specified by the
    /// `idProperty` query parameter. `idProperty` query param refers to a property whose values
    /// are unique for the object.
    #[scopes("crm.objects.companies.write")]
    pub endpoint BatchUpsertCompanies: POST {
        v3        => "/crm/v3/objects/companies/batch/upsert",
        "2026-03" => "/crm/objects/2026-03/companies/batch/upsert",
    } {
        required {
            inputs: Vec<SimplePublicObjectBatchInputUpsert>,
        }
    } -> 200 BatchResponseSimplePublicUpsertObjectWithErrors;

    /// Merge two companies.
    ///
    /// Merge two company records. Learn more about
    /// [merging records](https://knowledge.hubspot.com/records/merge-records).
    #[scopes("crm.objects.companies.write")]
    pub endpoint MergeCompanies: POST {
        v3        => "/crm/v3/objects/companies/merge",
        "2026-03" => "/crm/objects/2026-03/companies/merge",
    } {
        required {
            /// The ID of the company to merge into the primary.
            object_id_to_merge: String,
            /// The ID of the primary company, which the other will merge into.
            primary_object_id: String,
        }
    } -> 200 SimplePublicObject;

    /// Search for companies by filtering on properties, searching through associations, and
    /// sorting results. Learn more about
    /// [CRM search](https://developers.hubspot.com/docs/guides/api/crm/search#make-a-search-request).
    #[scopes("crm.objects.companies.read")]
    // Idempotent: this POST only reads.
    #[idempotent]
    pub endpoint SearchCompanies: POST {
        v3        => "/crm/v3/objects/companies/search",
        "2026-03" => "/crm/objects/2026-03/companies/search",
    } {
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

    /// Archive a company.
    ///
    /// Delete a company by ID. Deleted companies can be restored within 90 days of deletion.
    /// Learn more about
    /// [restoring records](https://knowledge.hubspot.com/records/restore-deleted-records).
    #[scopes("crm.objects.companies.write")]
    pub endpoint ArchiveCompany: DELETE {
        v3        => "/crm/v3/objects/companies/{companyId}",
        "2026-03" => "/crm/objects/2026-03/companies/{companyId}",
    } {
        path {
            company_id: String,
        }
    } -> 204 ();

    /// Retrieve a company by its ID (`companyId`) or by a unique property (`idProperty`). You
    /// can specify what is returned using the `properties` query parameter.
    #[scopes("crm.objects.companies.read")]
    pub endpoint GetCompany: GET {
        v3        => "/crm/v3/objects/companies/{companyId}",
        "2026-03" => "/crm/objects/2026-03/companies/{companyId}",
    } {
        path {
            company_id: String,
        }
        query {
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            /// A comma separated list of object types to retrieve associated IDs for. If any of
            /// the specified associations do not exist, they will be ignored.
            associations: Option<Vec<String>>,
            /// The name of a property whose values are unique for this object type
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

    /// Update a company by ID (`companyId`) or unique property value (`idProperty`). Provided
    /// property values will be overwritten. Read-only and non-existent properties will result
    /// in an error. Properties values can be cleared by passing an empty string.
    #[scopes("crm.objects.companies.write")]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateCompany: PATCH {
        v3        => "/crm/v3/objects/companies/{companyId}",
        "2026-03" => "/crm/objects/2026-03/companies/{companyId}",
    } {
        path {
            company_id: String,
        }
        query {
            /// The name of a property whose values are unique for this object type
            id_property: Option<String>,
        }
        required {
            /// The company property values to set.
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
            /// For
            /// [labeled associations](https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4#associate-records-with-a-label),
            /// the category of the association.
            association_category: AssociationSpecAssociationCategory,
            /// The
            /// [association type ID](https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4#association-type-id-values)
            /// (e.g., `4` for contact-to-company associations).
            association_type_id: i32,
        }
    }

    /// For
    /// [labeled associations](https://developers.hubspot.com/docs/guides/api/crm/associations/associations-v4#associate-records-with-a-label),
    /// the category of the association.
    pub enum AssociationSpecAssociationCategory {
        HUBSPOT_DEFINED,
        INTEGRATOR_DEFINED,
        USER_DEFINED,
        WORK,
    }

    /// Represents the result of a batch operation on CRM objects, including the processing
    /// status, batch results, timestamps, and a list of any errors encountered during the
    /// operation.
    pub object BatchResponseSimplePublicObjectWithErrors {
        required {
            /// The timestamp when the batch process was completed, in ISO 8601 format.
            completed_at: DateTime,
            results: Vec<SimplePublicObject>,
            /// The timestamp when the batch process began execution, in ISO 8601 format.
            started_at: DateTime,
            /// The status of the batch processing request - "PENDING", "PROCESSING",
            /// "CANCELLED", or "COMPLETE"
            status: BatchResponseSimplePublicObjectWithErrorsStatus,
        }
        optional {
            errors: Vec<StandardError>,
            /// An object containing relevant links related to the batch request.
            links: HashMap<String, String>,
            /// The number of errors encountered during the batch process.
            num_errors: i32,
            /// The timestamp when the batch process was initiated, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The status of the batch processing request - "PENDING", "PROCESSING", "CANCELLED", or
    /// "COMPLETE"
    pub enum BatchResponseSimplePublicObjectWithErrorsStatus {
        CANCELED,
        COMPLETE,
        PENDING,
        PROCESSING,
    }

    /// Represents the response from a batch upsert operation, including the status, timestamps,
    /// successfully processed objects, and any errors that occurred during processing.
    pub object BatchResponseSimplePublicUpsertObjectWithErrors {
        required {
            /// The timestamp when the batch process was completed, in ISO 8601 format.
            completed_at: DateTime,
            results: Vec<SimplePublicUpsertObject>,
            /// The timestamp when the batch process began execution, in ISO 8601 format.
            started_at: DateTime,
            /// The status of the batch processing request. Can be: "PENDING", "PROCESSING",
            /// "CANCELLED", or "COMPLETE".
            status: BatchResponseSimplePublicUpsertObjectWithErrorsStatus,
        }
        optional {
            errors: Vec<StandardError>,
            /// An object containing relevant links related to the batch request.
            links: HashMap<String, String>,
            /// The number of errors encountered during the batch process.
            num_errors: i32,
            /// The timestamp when the batch process was initiated, in ISO 8601 format.
            requested_at: DateTime,
        }
    }

    /// The status of the batch processing request. Can be: "PENDING", "PROCESSING",
    /// "CANCELLED", or "COMPLETE".
    pub enum BatchResponseSimplePublicUpsertObjectWithErrorsStatus {
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
            /// The comparison operator used in the filter, such as "EQ" or "GT".
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

    /// The comparison operator used in the filter, such as "EQ" or "GT".
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

    /// Contains the Id of a Public Object
    pub object PublicObjectId {
        required {
            /// The ID of the target record to associate.
            id: String,
        }
    }

    /// The `PublicObjectWarning` object.
    pub object PublicObjectWarning {
        required {
            category: String,
            context: HashMap<String, String>,
            message: String,
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
            warnings: Vec<PublicObjectWarning>,
        }
    }

    /// Contains an array of CRM object records to be processed in a batch operation, each
    /// defined by their ID and properties.
    pub object SimplePublicObjectBatchInput {
        required {
            /// The ID to be updated. This can be the object ID, or the unique property value of
            /// the `idProperty` property.
            id: String,
            /// The company property values to set.
            properties: HashMap<String, String>,
        }
        optional {
            /// The name of a property whose values are unique for this object
            id_property: String,
            /// In each input object, set this field to a unique ID value to enable more
            /// granular debugging for error responses. Learn more about
            /// [multi-status errors](https://developers.hubspot.com/docs/reference/api/other-resources/error-handling#multi-status-errors).
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
            /// The ID of the company to update.
            id: String,
            /// The company property values to set.
            properties: HashMap<String, String>,
        }
        optional {
            /// The name of a property whose values are unique for this object
            id_property: String,
            /// In each input object, set this field to a unique ID value to enable more
            /// granular debugging for error responses. Learn more about
            /// [multi-status errors](https://developers.hubspot.com/docs/reference/api/other-resources/error-handling#multi-status-errors).
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
            warnings: Vec<PublicObjectWarning>,
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
            /// An identifier used for tracing the write request for the object.
            object_write_trace_id: String,
            /// Key-value pairs representing the properties of the object along with their
            /// history.
            properties_with_history: HashMap<String, Vec<ValueWithTimestamp>>,
            /// The URL associated with the object.
            url: String,
            warnings: Vec<PublicObjectWarning>,
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
    ListCompanies::METADATA,
    CreateCompany::METADATA,
    BatchArchiveCompanies::METADATA,
    BatchCreateCompanies::METADATA,
    BatchReadCompanies::METADATA,
    BatchUpdateCompanies::METADATA,
    BatchUpsertCompanies::METADATA,
    MergeCompanies::METADATA,
    SearchCompanies::METADATA,
    ArchiveCompany::METADATA,
    GetCompany::METADATA,
    UpdateCompany::METADATA,
];
