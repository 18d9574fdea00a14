//! Conversations Custom Channels, declared from HubSpot's OpenAPI specs.
//!
//! Versions `v3`, `2025-09`, `2026-03`, `2026-09`. Written by `hubspot-declare` from
//! `custom-channels.v3.json`, `conversations-other-versions/custom-channels.2025-09.json`,
//! `custom-channels.2026-03.json`, `custom-channels.2026-09.json`: regenerate it rather than
//! edit it. Declarations that differ between versions are in the `vYYYY_MM` submodules.

use std::collections::HashMap;

use hubspot_runtime::{DateTime, JsonValue, hubspot_endpoint};

hubspot_endpoint! {
    // Note (v3, 2026-03): the spec lists no credentials; the credentials are those the
    // `2026-09` spec lists for this operation.
    /// `GET /conversations/custom-channels/2026-09`.
    #[auth(developer_key)]
    #[paginated]
    pub endpoint ListCustomChannels: GET {
        v3        => "/conversations/custom-channels/v3",
        "2025-09" => "/conversations/custom-channels/2025-09",
        "2026-03" => "/conversations/custom-channels/2026-03",
        "2026-09" => "/conversations/custom-channels/2026-09",
    } {
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            default_page_length: Option<i32>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicChannelIntegrationChannel;

    // Note (v3, 2026-03): the spec lists no credentials; the credentials are those the
    // `2026-09` spec lists for this operation.
    /// `POST /conversations/custom-channels/2026-09`.
    #[auth(developer_key)]
    pub endpoint CreateCustomChannel: POST {
        v3        => "/conversations/custom-channels/v3",
        "2025-09" => "/conversations/custom-channels/2025-09",
        "2026-03" => "/conversations/custom-channels/2026-03",
        "2026-09" => "/conversations/custom-channels/2026-09",
    } {
        required {
            capabilities: HashMap<String, HashMap<String, JsonValue>>,
            name: String,
        }
        optional {
            channel_account_connection_redirect_url: String,
            channel_description: String,
            channel_logo_url: String,
            webhook_url: String,
        }
    } -> 201 PublicChannelIntegrationChannel;

    // Note (v3, 2026-03): the spec lists no credentials; the credentials are those the
    // `2026-09` spec lists for this operation.
    /// `DELETE /conversations/custom-channels/2026-09/{channelId}`.
    #[auth(developer_key)]
    pub endpoint DeleteCustomChannel: DELETE {
        v3        => "/conversations/v3/custom-channels/{channelId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}",
    } {
        path {
            channel_id: i32,
        }
    } -> 204 ();

    // Note (v3, 2026-03): the spec lists no credentials; the credentials are those the
    // `2026-09` spec lists for this operation.
    /// `GET /conversations/custom-channels/2026-09/{channelId}`.
    #[auth(developer_key)]
    pub endpoint GetCustomChannel: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}",
    } {
        path {
            channel_id: i32,
        }
    } -> 200 PublicChannelIntegrationChannel;

    // Note (v3, 2026-03): the spec lists no credentials; the credentials are those the
    // `2026-09` spec lists for this operation.
    /// `PATCH /conversations/custom-channels/2026-09/{channelId}`.
    #[auth(developer_key)]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateCustomChannel: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}",
    } {
        path {
            channel_id: i32,
        }
        required {
            capabilities: HashMap<String, HashMap<String, JsonValue>>,
            channel_account_connection_redirect_url: HashMap<String, JsonValue>,
            channel_description: HashMap<String, JsonValue>,
            channel_logo_url: HashMap<String, JsonValue>,
            name: HashMap<String, JsonValue>,
            webhook_url: HashMap<String, JsonValue>,
        }
    } -> 200 PublicChannelIntegrationChannel;

    /// Update a channel account staging token's account name and delivery identifier. This
    /// information will be applied to the channel account created from this staging token. This
    /// is used for public apps.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateChannelAccountStagingToken: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-account-staging-tokens/{accountToken}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-account-staging-tokens/{accountToken}",
    } {
        path {
            account_token: String,
            channel_id: i32,
        }
        optional {
            account_name: String,
            delivery_identifier: PublicDeliveryIdentifier,
        }
    } -> 200 PublicChannelAccountStagingToken;

    /// `GET /conversations/custom-channels/2026-09/{channelId}/channel-accounts`.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    #[paginated]
    pub endpoint ListChannelAccounts: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts",
    } {
        path {
            channel_id: i32,
        }
        query {
            /// The paging cursor token of the last successfully read resource will be returned
            /// as the `paging.next.after` JSON property of a paged response containing more
            /// results.
            after: Option<String>,
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
            default_page_length: Option<i32>,
            delivery_identifier_type: Option<Vec<ListChannelAccountsDeliveryIdentifierTypeItem>>,
            delivery_identifier_value: Option<Vec<String>>,
            /// The maximum number of results to display per page.
            limit: Option<i32>,
            sort: Option<Vec<String>>,
        }
    } -> 200 CollectionResponseWithTotalPublicChannelAccount;

    /// `POST /conversations/custom-channels/2026-09/{channelId}/channel-accounts`.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    pub endpoint CreateChannelAccount: POST {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts",
    } {
        path {
            channel_id: i32,
        }
        required {
            authorized: bool,
            inbox_id: String,
            name: String,
        }
        optional {
            delivery_identifier: PublicDeliveryIdentifier,
        }
    } -> 201 PublicChannelAccount;

    /// `GET
    /// /conversations/custom-channels/2026-09/{channelId}/channel-accounts/{channelAccountId}`.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    pub endpoint GetChannelAccount: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts/{channelAccountId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts/{channelAccountId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts/{channelAccountId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts/{channelAccountId}",
    } {
        path {
            channel_account_id: i64,
            channel_id: i32,
        }
        query {
            /// Whether to return only results that have been archived.
            archived: Option<bool>,
        }
    } -> 200 PublicChannelAccount;

    /// `PATCH
    /// /conversations/custom-channels/2026-09/{channelId}/channel-accounts/{channelAccountId}`.
    #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateChannelAccount: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}/channel-accounts/{channelAccountId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-accounts/{channelAccountId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/channel-accounts/{channelAccountId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-accounts/{channelAccountId}",
    } {
        path {
            channel_account_id: i64,
            channel_id: i32,
        }
        optional {
            authorized: bool,
            name: String,
        }
    } -> 200 PublicChannelAccount;

    /// Publish a message over your custom channel
    #[scopes("conversations.custom_channels.write")]
    #[idempotency_key(integration_idempotency_id)]
    pub endpoint CreateMessage: POST {
        v3        => "/conversations/v3/custom-channels/{channelId}/messages",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/messages",
    } {
        path {
            channel_id: i32,
        }
        required {
            attachments: Vec<ChannelIntegrationMessageEggAttachmentsItem>,
            channel_account_id: String,
            message_direction: ChannelIntegrationMessageEggMessageDirection,
            recipients: Vec<ChannelIntegrationParticipant>,
            senders: Vec<ChannelIntegrationParticipant>,
            text: String,
            timestamp: DateTime,
        }
        optional {
            associate_with_contact_id: i64,
            in_reply_to_id: String,
            integration_idempotency_id: String,
            integration_thread_id: String,
            pre_resolved_contacts: PreResolvedContacts,
            rich_text: String,
        }
    } -> 201 PublicConversationsMessage;

    /// `GET /conversations/custom-channels/2026-09/{channelId}/messages/{messageId}`.
    #[scopes("conversations.custom_channels.read")]
    pub endpoint GetMessage: GET {
        v3        => "/conversations/v3/custom-channels/{channelId}/messages/{messageId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}",
    } {
        path {
            channel_id: i32,
            message_id: String,
        }
    } -> 200 PublicConversationsMessage;

    /// `PATCH /conversations/custom-channels/2026-09/{channelId}/messages/{messageId}`.
    #[scopes("conversations.custom_channels.write")]
    // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
    #[idempotent]
    pub endpoint UpdateMessage: PATCH {
        v3        => "/conversations/v3/custom-channels/{channelId}/messages/{messageId}",
        "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/messages/{messageId}",
        "2026-03" => "/conversations/custom-channels/2026-03/{channelId}/messages/{messageId}",
        "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/messages/{messageId}",
    } {
        path {
            channel_id: i32,
            message_id: String,
        }
        required {
            /// Valid status are SENT, FAILED, and READ
            status_type: PublicChannelIntegrationMessageUpdateRequestStatusType,
        }
        optional {
            error_message: String,
        }
    } -> 200 PublicConversationsMessage;

    /// One of the `ChannelIntegrationMessageEggAttachmentsItem` kinds, by `type`.
    pub union ChannelIntegrationMessageEggAttachmentsItem {
        FILE => FileAttachment,
        LOCATION => LocationAttachment,
        CONTACT => ContactAttachment,
        UNSUPPORTED_CONTENT => UnsupportedContentAttachment,
        MESSAGE_HEADER => MessageHeaderAttachment,
        QUICK_REPLIES => QuickRepliesAttachment,
        SOCIAL_MEDIA_METADATA => SocialMetadataIntegrationAttachment,
    }

    /// The values of `ChannelIntegrationMessageEggMessageDirection`.
    pub enum ChannelIntegrationMessageEggMessageDirection {
        INCOMING,
        OUTGOING,
    }

    /// The `ChannelIntegrationParticipant` object.
    pub object ChannelIntegrationParticipant {
        required {
            delivery_identifier: PublicDeliveryIdentifier,
        }
        optional {
            name: String,
            sender_actor_id: String,
        }
    }

    /// The `CollectionResponseWithTotalPublicChannelAccount` object.
    #[page]
    pub object CollectionResponseWithTotalPublicChannelAccount {
        required {
            results: Vec<PublicChannelAccount>,
            total: i32,
        }
        optional {
            paging: Paging,
        }
    }

    /// The `CollectionResponseWithTotalPublicChannelIntegrationChannel` object.
    #[page]
    pub object CollectionResponseWithTotalPublicChannelIntegrationChannel {
        required {
            results: Vec<PublicChannelIntegrationChannel>,
            total: i32,
        }
        optional {
            paging: Paging,
        }
    }

    /// The `ContactAddress` object.
    pub object ContactAddress {
        optional {
            city: String,
            country: String,
            country_code: String,
            state: String,
            street: String,
            r#type: ContactAddressType,
            zip: String,
        }
    }

    /// The values of `ContactAddressType`.
    pub enum ContactAddressType {
        HOME,
        WORK,
    }

    /// The `ContactAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object ContactAttachment {
        required {
            contact_profile: ContactProfile,
        }
    }

    /// The `ContactEmail` object.
    pub object ContactEmail {
        required {
            email: String,
        }
        optional {
            r#type: ContactEmailType,
        }
    }

    /// The values of `ContactEmailType`.
    pub enum ContactEmailType {
        HOME,
        WORK,
    }

    /// The `ContactName` object.
    pub object ContactName {
        optional {
            first_name: String,
            last_name: String,
            middle_name: String,
            prefix: String,
            suffix: String,
        }
    }

    /// The `ContactOrg` object.
    pub object ContactOrg {
        optional {
            company: String,
            department: String,
            title: String,
        }
    }

    /// The `ContactPhone` object.
    pub object ContactPhone {
        required {
            phone: String,
        }
        optional {
            r#type: ContactPhoneType,
        }
    }

    /// The values of `ContactPhoneType`.
    pub enum ContactPhoneType {
        CELL,
        HOME,
        MAIN,
        WORK,
    }

    /// The `ContactProfile` object.
    pub object ContactProfile {
        required {
            addresses: Vec<ContactAddress>,
            emails: Vec<ContactEmail>,
            phones: Vec<ContactPhone>,
            urls: Vec<ContactUrl>,
        }
        optional {
            name: ContactName,
            org: ContactOrg,
        }
    }

    /// The `ContactUrl` object.
    pub object ContactUrl {
        required {
            url: String,
        }
        optional {
            r#type: ContactUrlType,
        }
    }

    /// The values of `ContactUrlType`.
    pub enum ContactUrlType {
        HOME,
        WORK,
    }

    /// The `FileAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object FileAttachment {
        required {
            file_id: String,
        }
        optional {
            file_usage_type: FileAttachmentFileUsageType,
        }
    }

    /// The values of `FileAttachmentFileUsageType`.
    pub enum FileAttachmentFileUsageType {
        AUDIO,
        IMAGE,
        OTHER,
        STICKER,
        VOICE_RECORDING,
    }

    /// The values of `ListChannelAccountsDeliveryIdentifierTypeItem`.
    pub enum ListChannelAccountsDeliveryIdentifierTypeItem {
        HS_EMAIL_ADDRESS,
        HS_PHONE_NUMBER,
        HS_SHORT_CODE,
        CHANNEL_SPECIFIC_OPAQUE_ID,
    }

    /// The `LocationAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object LocationAttachment {
        required {
            latitude: f64,
            longitude: f64,
        }
        optional {
            address: String,
            name: String,
            url: String,
        }
    }

    /// The `MessageHeaderAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object MessageHeaderAttachment {
        optional {
            file_id: i64,
            text: String,
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

    /// The `PreResolvedContact` object.
    pub object PreResolvedContact {
        required {
            contact_properties_leading_to_match: Vec<PreResolvedContactContactPropertiesLeadingToMatchItem>,
            contact_vid: i64,
        }
    }

    /// The values of `PreResolvedContactContactPropertiesLeadingToMatchItem`.
    pub enum PreResolvedContactContactPropertiesLeadingToMatchItem {
        address,
        annualrevenue,
        associatedcompanyid,
        associatedcompanylastupdated,
        city,
        closedate,
        company,
        company_size,
        country,
        createdate,
        currentlyinworkflow,
        date_of_birth,
        days_to_close,
        degree,
        email,
        engagements_last_meeting_booked,
        engagements_last_meeting_booked_campaign,
        engagements_last_meeting_booked_medium,
        engagements_last_meeting_booked_source,
        fax,
        field_of_study,
        first_conversion_date,
        first_conversion_event_name,
        first_deal_created_date,
        firstname,
        followercount,
        gender,
        graduation_date,
        hs_active_contracts_arr,
        hs_active_contracts_mrr,
        hs_active_contracts_tcv,
        hs_additional_emails,
        hs_all_contact_vids,
        hs_analytics_average_page_views,
        hs_analytics_first_referrer,
        hs_analytics_first_timestamp,
        hs_analytics_first_touch_converting_campaign,
        hs_analytics_first_url,
        hs_analytics_first_visit_timestamp,
        hs_analytics_last_referrer,
        hs_analytics_last_timestamp,
        hs_analytics_last_touch_converting_campaign,
        hs_analytics_last_url,
        hs_analytics_last_visit_timestamp,
        hs_analytics_num_event_completions,
        hs_analytics_num_page_views,
        hs_analytics_num_visits,
        hs_analytics_revenue,
        hs_analytics_source,
        hs_analytics_source_composite_data,
        hs_analytics_source_data_1,
        hs_analytics_source_data_2,
        hs_associated_target_accounts,
        hs_avatar_filemanager_key,
        hs_bing_ad_clicked,
        hs_bing_click_id,
        hs_buying_role,
        hs_calculated_form_submissions,
        hs_calculated_merged_vids,
        hs_calculated_mobile_number,
        hs_calculated_phone_number,
        hs_calculated_phone_number_area_code,
        hs_calculated_phone_number_country_code,
        hs_calculated_phone_number_region_code,
        hs_chat_assistant_iql_date,
        hs_chat_assistant_source,
        hs_chat_assistant_summary,
        hs_chatgpt_ad_clicked,
        hs_chatgpt_click_id,
        hs_clicked_linkedin_ad,
        hs_contact_creation_legal_basis_source_instance_id,
        hs_contact_enrichment_opt_out,
        hs_contact_enrichment_opt_out_timestamp,
        hs_content_membership_email,
        hs_content_membership_email_confirmed,
        hs_content_membership_follow_up_enqueued_at,
        hs_content_membership_notes,
        hs_content_membership_registered_at,
        hs_content_membership_registration_domain_sent_to,
        hs_content_membership_registration_email_sent_at,
        hs_content_membership_status,
        hs_conversations_visitor_email,
        hs_count_is_unworked,
        hs_count_is_worked,
        hs_country_region_code,
        hs_created_by_conversations,
        hs_cross_account_note,
        hs_cross_sell_opportunity,
        hs_current_customer,
        hs_currently_enrolled_in_prospecting_agent,
        hs_customer_agent_lead_status,
        hs_data_privacy_ads_consent,
        hs_date_entered_customer,
        hs_date_entered_evangelist,
        hs_date_entered_lead,
        hs_date_entered_marketingqualifiedlead,
        hs_date_entered_opportunity,
        hs_date_entered_other,
        hs_date_entered_salesqualifiedlead,
        hs_date_entered_subscriber,
        hs_date_exited_customer,
        hs_date_exited_evangelist,
        hs_date_exited_lead,
        hs_date_exited_marketingqualifiedlead,
        hs_date_exited_opportunity,
        hs_date_exited_other,
        hs_date_exited_salesqualifiedlead,
        hs_date_exited_subscriber,
        hs_document_last_revisited,
        hs_email_bad_address,
        hs_email_bounce,
        hs_email_click,
        hs_email_communication_subscriptions_opted_in,
        hs_email_communication_subscriptions_opted_out,
        hs_email_customer_quarantined_reason,
        hs_email_delivered,
        hs_email_domain,
        hs_email_engagement_likelihood_category,
        hs_email_first_click_date,
        hs_email_first_open_date,
        hs_email_first_reply_date,
        hs_email_first_send_date,
        hs_email_hard_bounce_reason,
        hs_email_hard_bounce_reason_enum,
        hs_email_is_ineligible,
        hs_email_last_click_date,
        hs_email_last_email_name,
        hs_email_last_open_date,
        hs_email_last_reply_date,
        hs_email_last_send_date,
        hs_email_live_sourcing_restricted,
        hs_email_open,
        hs_email_optimal_send_day_of_week,
        hs_email_optimal_send_time_of_day,
        hs_email_optout,
        hs_email_optout_survey_reason,
        hs_email_quarantined,
        hs_email_quarantined_reason,
        hs_email_recipient_fatigue_recovery_time,
        hs_email_replied,
        hs_email_sends_since_last_engagement,
        hs_email_type,
        hs_emailconfirmationstatus,
        hs_employment_change_detected_date,
        hs_enforce_double_opt_in,
        hs_enriched_email_bounce_detected,
        hs_excluded_from_cross_account_data_mirroring,
        hs_facebook_ad_clicked,
        hs_facebook_click_id,
        hs_facebookid,
        hs_feedback_last_ces_survey_date,
        hs_feedback_last_ces_survey_follow_up,
        hs_feedback_last_ces_survey_rating,
        hs_feedback_last_csat_survey_date,
        hs_feedback_last_csat_survey_follow_up,
        hs_feedback_last_csat_survey_rating,
        hs_feedback_last_nps_follow_up,
        hs_feedback_last_nps_rating,
        hs_feedback_last_nps_rating_number,
        hs_feedback_last_survey_date,
        hs_feedback_show_nps_web_survey,
        hs_first_closed_order_id,
        hs_first_engagement_object_id,
        hs_first_order_closed_date,
        hs_first_outreach_date,
        hs_first_subscription_create_date,
        hs_full_name_or_email,
        hs_geohash_1,
        hs_geohash_2,
        hs_geohash_3,
        hs_geohash_4,
        hs_geohash_5,
        hs_geohash_6,
        hs_google_click_id,
        hs_googleplusid,
        hs_gps_coordinates,
        hs_gps_error,
        hs_gps_latitude,
        hs_gps_longitude,
        hs_has_active_subscription,
        hs_inferred_language_codes,
        hs_intent_paid_up_to_date,
        hs_intent_signals_enabled,
        hs_ip_timezone,
        hs_is_contact,
        hs_is_enriched,
        hs_is_mass_marketing_activation_disallowed,
        hs_is_merge_revertible,
        hs_is_unworked,
        hs_job_change_detected_date,
        hs_journey_stage,
        hs_language,
        hs_last_metered_enrichment_timestamp,
        hs_last_sales_activity_date,
        hs_last_sales_activity_timestamp,
        hs_last_sales_activity_type,
        hs_last_sms_send_date,
        hs_last_sms_send_name,
        hs_latest_disqualified_lead_date,
        hs_latest_meeting_activity,
        hs_latest_open_lead_date,
        hs_latest_qualified_lead_date,
        hs_latest_sequence_ended_date,
        hs_latest_sequence_enrolled,
        hs_latest_sequence_enrolled_date,
        hs_latest_sequence_finished_date,
        hs_latest_sequence_unenrolled_date,
        hs_latest_source,
        hs_latest_source_composite_data,
        hs_latest_source_data_1,
        hs_latest_source_data_2,
        hs_latest_source_timestamp,
        hs_latest_subscription_create_date,
        hs_latitude,
        hs_lead_status,
        hs_legal_basis,
        hs_lifecyclestage_customer_date,
        hs_lifecyclestage_evangelist_date,
        hs_lifecyclestage_lead_date,
        hs_lifecyclestage_marketingqualifiedlead_date,
        hs_lifecyclestage_opportunity_date,
        hs_lifecyclestage_other_date,
        hs_lifecyclestage_salesqualifiedlead_date,
        hs_lifecyclestage_subscriber_date,
        hs_linkedin_ad_clicked,
        hs_linkedin_click_id,
        hs_linkedin_url,
        hs_linkedinid,
        hs_live_enrichment_deadline,
        hs_longitude,
        hs_manual_campaign_ids,
        hs_marketable_reason_id,
        hs_marketable_reason_type,
        hs_marketable_status,
        hs_marketable_until_renewal,
        hs_membership_has_accessed_private_content,
        hs_membership_last_private_content_access_date,
        hs_messaging_engagement_score,
        hs_mobile_sdk_push_tokens,
        hs_next_renewal_date,
        hs_notes_last_activity,
        hs_notes_next_activity,
        hs_notes_next_activity_type,
        hs_num_active_contracts,
        hs_num_associated_open_deals,
        hs_persona,
        hs_pinned_engagement_id,
        hs_pipeline,
        hs_predictivecontactscore,
        hs_predictivecontactscore_tmp,
        hs_predictivecontactscore_v2,
        hs_predictivecontactscorebucket,
        hs_predictivescoringtier,
        hs_predictivescoringtier_tmp,
        hs_prospecting_agent_activation_email_id,
        hs_prospecting_agent_activation_status,
        hs_prospecting_agent_actively_enrolled_count,
        hs_prospecting_agent_enrollment_status,
        hs_prospecting_agent_enrollment_status_raw,
        hs_prospecting_agent_last_enrolled,
        hs_prospecting_agent_sender,
        hs_prospecting_agent_total_enrolled_count,
        hs_quarantined_emails,
        hs_recent_closed_order_date,
        hs_reddit_ad_clicked,
        hs_reddit_click_id,
        hs_registered_member,
        hs_registration_method,
        hs_returning_to_office_detected_date,
        hs_role,
        hs_sa_first_engagement_date,
        hs_sa_first_engagement_descr,
        hs_sa_first_engagement_object_type,
        hs_sales_email_last_clicked,
        hs_sales_email_last_opened,
        hs_sales_email_last_replied,
        hs_searchable_calculated_international_mobile_number,
        hs_searchable_calculated_international_phone_number,
        hs_searchable_calculated_mobile_number,
        hs_searchable_calculated_phone_number,
        hs_seniority,
        hs_sequences_actively_enrolled_count,
        hs_sequences_enrolled_count,
        hs_sequences_is_enrolled,
        hs_social_facebook_clicks,
        hs_social_google_plus_clicks,
        hs_social_last_engagement,
        hs_social_linkedin_clicks,
        hs_social_num_broadcast_clicks,
        hs_social_twitter_clicks,
        hs_source_object_id,
        hs_source_portal_id,
        hs_sourced_contact_origin,
        hs_state_code,
        hs_sub_role,
        hs_testpurge,
        hs_testrollback,
        hs_tiktok_ad_clicked,
        hs_tiktok_click_id,
        hs_time_between_contact_creation_and_deal_close,
        hs_time_between_contact_creation_and_deal_creation,
        hs_time_in_customer,
        hs_time_in_evangelist,
        hs_time_in_lead,
        hs_time_in_marketingqualifiedlead,
        hs_time_in_opportunity,
        hs_time_in_other,
        hs_time_in_salesqualifiedlead,
        hs_time_in_subscriber,
        hs_time_to_first_engagement,
        hs_time_to_move_from_lead_to_customer,
        hs_time_to_move_from_marketingqualifiedlead_to_customer,
        hs_time_to_move_from_opportunity_to_customer,
        hs_time_to_move_from_salesqualifiedlead_to_customer,
        hs_time_to_move_from_subscriber_to_customer,
        hs_timezone,
        hs_twitterid,
        hs_user_ids_of_all_notification_recipients,
        hs_v2_cumulative_time_in_customer,
        hs_v2_cumulative_time_in_evangelist,
        hs_v2_cumulative_time_in_lead,
        hs_v2_cumulative_time_in_marketingqualifiedlead,
        hs_v2_cumulative_time_in_opportunity,
        hs_v2_cumulative_time_in_other,
        hs_v2_cumulative_time_in_salesqualifiedlead,
        hs_v2_cumulative_time_in_subscriber,
        hs_v2_date_entered_current_stage,
        hs_v2_date_entered_customer,
        hs_v2_date_entered_evangelist,
        hs_v2_date_entered_lead,
        hs_v2_date_entered_marketingqualifiedlead,
        hs_v2_date_entered_opportunity,
        hs_v2_date_entered_other,
        hs_v2_date_entered_salesqualifiedlead,
        hs_v2_date_entered_subscriber,
        hs_v2_date_exited_customer,
        hs_v2_date_exited_evangelist,
        hs_v2_date_exited_lead,
        hs_v2_date_exited_marketingqualifiedlead,
        hs_v2_date_exited_opportunity,
        hs_v2_date_exited_other,
        hs_v2_date_exited_salesqualifiedlead,
        hs_v2_date_exited_subscriber,
        hs_v2_latest_time_in_customer,
        hs_v2_latest_time_in_evangelist,
        hs_v2_latest_time_in_lead,
        hs_v2_latest_time_in_marketingqualifiedlead,
        hs_v2_latest_time_in_opportunity,
        hs_v2_latest_time_in_other,
        hs_v2_latest_time_in_salesqualifiedlead,
        hs_v2_latest_time_in_subscriber,
        hs_v2_time_in_current_stage,
        hs_whatsapp_bsuids,
        hs_whatsapp_phone_number,
        hs_why_this_contact,
        hubspot_owner_id,
        hubspotscore,
        industry,
        ip_city,
        ip_country,
        ip_country_code,
        ip_latlon,
        ip_state,
        ip_state_code,
        ip_zipcode,
        job_function,
        jobtitle,
        kloutscoregeneral,
        lastmodifieddate,
        lastname,
        lifecyclestage,
        linkedinbio,
        linkedinconnections,
        marital_status,
        message,
        military_status,
        mobilephone,
        notes_last_contacted,
        notes_last_updated,
        notes_next_activity_date,
        num_associated_deals,
        num_contacted_notes,
        num_conversion_events,
        num_notes,
        num_unique_conversion_events,
        numemployees,
        owneremail,
        ownername,
        phone,
        photo,
        recent_conversion_date,
        recent_conversion_event_name,
        recent_deal_amount,
        recent_deal_close_date,
        relationship_status,
        salutation,
        school,
        seniority,
        start_date,
        state,
        surveymonkeyeventlastupdated,
        total_revenue,
        twitterbio,
        twitterhandle,
        twitterprofilephoto,
        webinareventlastupdated,
        website,
        work_email,
        zip,
    }

    /// The `PreResolvedContacts` object.
    pub object PreResolvedContacts {
        required {
            contacts: Vec<PreResolvedContact>,
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

    /// The `PublicChannelAccount` object.
    pub object PublicChannelAccount {
        required {
            active: bool,
            archived: bool,
            authorized: bool,
            channel_id: String,
            created_at: DateTime,
            id: String,
            inbox_id: String,
            name: String,
        }
        optional {
            archived_at: DateTime,
            delivery_identifier: PublicDeliveryIdentifier,
        }
    }

    /// The `PublicChannelAccountStagingToken` object.
    pub object PublicChannelAccountStagingToken {
        required {
            account_token: String,
            created_at: DateTime,
            generic_channel_id: i32,
            inbox_id: i32,
            user_id: i32,
        }
        optional {
            account_name: String,
            delivery_identifier: PublicDeliveryIdentifier,
        }
    }

    /// The `PublicChannelIntegrationChannel` object.
    pub object PublicChannelIntegrationChannel {
        required {
            capabilities: HashMap<String, HashMap<String, JsonValue>>,
            created_at: DateTime,
            id: String,
            name: String,
        }
        optional {
            channel_account_connection_redirect_url: String,
            channel_description: String,
            channel_logo_url: String,
            webhook_url: String,
        }
    }

    /// Valid status are SENT, FAILED, and READ
    pub enum PublicChannelIntegrationMessageUpdateRequestStatusType {
        FAILED,
        READ,
        SENT,
    }

    /// The `PublicClient` object.
    pub object PublicClient {
        required {
            client_type: PublicClientClientType,
        }
        optional {
            integration_app_id: i32,
        }
    }

    /// The values of `PublicClientClientType`.
    pub enum PublicClientClientType {
        HUBSPOT,
        INTEGRATION,
        SYSTEM,
        UnknownValue = "UNKNOWN",
    }

    /// The `PublicContact` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicContact {
        required {
            contact_profile: ContactProfile,
        }
    }

    /// The `PublicConversationsMessage` object.
    pub object PublicConversationsMessage {
        required {
            archived: bool,
            attachments: Vec<PublicConversationsMessageAttachmentsItem>,
            channel_account_id: String,
            channel_id: String,
            client: PublicClient,
            conversations_thread_id: String,
            created_at: DateTime,
            created_by: String,
            direction: PublicConversationsMessageDirection,
            id: String,
            recipients: Vec<PublicRecipient>,
            senders: Vec<PublicSender>,
            text: String,
            truncation_status: PublicConversationsMessageTruncationStatus,
            r#type: PublicConversationsMessageType,
        }
        optional {
            in_reply_to_id: String,
            rich_text: String,
            status: PublicMessageStatus,
            subject: String,
            updated_at: DateTime,
        }
    }

    /// One of the `PublicConversationsMessageAttachmentsItem` kinds, by `type`.
    pub union PublicConversationsMessageAttachmentsItem {
        FILE => PublicFile,
        LOCATION => PublicLocation,
        CONTACT => PublicContact,
        UNSUPPORTED_CONTENT => PublicUnsupportedContent,
        MESSAGE_HEADER => PublicMessageHeader,
        QUICK_REPLIES => PublicQuickReplies,
        WHATSAPP_TEMPLATE_METADATA => PublicWhatsAppTemplateMetadata,
        SOCIAL_MEDIA_METADATA => PublicSocialMetadataAttachment,
    }

    /// The values of `PublicConversationsMessageDirection`.
    pub enum PublicConversationsMessageDirection {
        INCOMING,
        OUTGOING,
    }

    /// The values of `PublicConversationsMessageTruncationStatus`.
    pub enum PublicConversationsMessageTruncationStatus {
        NOT_TRUNCATED,
        TRUNCATED,
        TRUNCATED_TO_MOST_RECENT_REPLY,
    }

    /// The values of `PublicConversationsMessageType`.
    pub enum PublicConversationsMessageType {
        MESSAGE,
    }

    /// The `PublicDeliveryIdentifier` object.
    pub object PublicDeliveryIdentifier {
        required {
            r#type: PublicDeliveryIdentifierType,
            value: String,
        }
    }

    /// The values of `PublicDeliveryIdentifierType`.
    pub enum PublicDeliveryIdentifierType {
        CHANNEL_SPECIFIC_OPAQUE_ID,
        HS_EMAIL_ADDRESS,
        HS_PHONE_NUMBER,
        HS_SHORT_CODE,
    }

    /// The `PublicFile` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicFile {
        required {
            file_id: String,
            file_usage_type: PublicFileFileUsageType,
        }
        optional {
            name: String,
            url: String,
        }
    }

    /// The values of `PublicFileFileUsageType`.
    pub enum PublicFileFileUsageType {
        AUDIO,
        IMAGE,
        OTHER,
        STICKER,
        VOICE_RECORDING,
    }

    /// The `PublicLocation` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicLocation {
        required {
            latitude: f64,
            longitude: f64,
        }
        optional {
            address: String,
            name: String,
            url: String,
        }
    }

    /// The `PublicMessageFailureDetails` object.
    pub object PublicMessageFailureDetails {
        required {
            error_message_tokens: HashMap<String, String>,
        }
        optional {
            error_message: String,
        }
    }

    /// The `PublicMessageHeader` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicMessageHeader {
        optional {
            file_id: i64,
            text: String,
        }
    }

    /// The `PublicMessageStatus` object.
    pub object PublicMessageStatus {
        required {
            status_type: PublicMessageStatusStatusType,
        }
        optional {
            failure_details: PublicMessageFailureDetails,
        }
    }

    /// The values of `PublicMessageStatusStatusType`.
    pub enum PublicMessageStatusStatusType {
        FAILED,
        READ,
        RECEIVED,
        SENT,
    }

    /// The `PublicQuickReplies` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicQuickReplies {
        required {
            allow_multi_select: bool,
            allow_user_input: bool,
            quick_replies: Vec<QuickReply>,
        }
    }

    /// The `PublicRecipient` object.
    pub object PublicRecipient {
        required {
            delivery_identifier: PublicDeliveryIdentifier,
        }
        optional {
            actor_id: String,
            name: String,
            recipient_field: String,
        }
    }

    /// The `PublicSender` object.
    pub object PublicSender {
        optional {
            actor_id: String,
            delivery_identifier: PublicDeliveryIdentifier,
            name: String,
            sender_field: String,
        }
    }

    /// The `PublicSocialMetadataAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicSocialMetadataAttachment {
        required {
            social_metadata: SocialMetadata,
        }
    }

    /// The `PublicUnsupportedContent` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicUnsupportedContent {}

    /// The `PublicWhatsAppTemplateMetadata` object.
    // `type` is left out: the union that holds this object writes it.
    pub object PublicWhatsAppTemplateMetadata {
        required {
            crm_object_ids: HashMap<String, i64>,
            parameters: HashMap<String, String>,
        }
        optional {
            content_id: i64,
            mapped_template_id: i64,
            root_mic_id: i64,
        }
    }

    /// The `QuickRepliesAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object QuickRepliesAttachment {
        required {
            quick_replies: Vec<QuickReply>,
        }
    }

    /// The `QuickReply` object.
    pub object QuickReply {
        required {
            value: String,
            value_type: QuickReplyValueType,
        }
        optional {
            label: String,
        }
    }

    /// The values of `QuickReplyValueType`.
    pub enum QuickReplyValueType {
        TEXT,
        URL,
    }

    /// The `SocialMetadata` object.
    pub object SocialMetadata {
        required {
            media_type: SocialMetadataMediaType,
        }
        optional {
            description: String,
            id: String,
            media_title: String,
            media_url: String,
            media_url_string: String,
            thumbnail_url: String,
        }
    }

    /// The `SocialMetadataIntegrationAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object SocialMetadataIntegrationAttachment {
        required {
            social_metadata: SocialMetadata,
        }
    }

    /// The values of `SocialMetadataMediaType`.
    pub enum SocialMetadataMediaType {
        ARTICLE,
        AUDIO,
        CAROUSEL,
        DOCUMENT,
        GIF,
        LINK,
        NONE,
        PHOTO,
        POLL,
        STORY,
        VIDEO,
    }

    /// The `UnsupportedContentAttachment` object.
    // `type` is left out: the union that holds this object writes it.
    pub object UnsupportedContentAttachment {}
}

/// What differs from `2025-09` on: the declarations and types of these versions.
pub mod v2025_09 {
    pub use super::{
        ChannelIntegrationMessageEggAttachmentsItem, ChannelIntegrationMessageEggMessageDirection,
        PublicChannelAccountStagingToken, PublicConversationsMessage, PublicDeliveryIdentifier,
    };
    use hubspot_runtime::{DateTime, hubspot_endpoint};

    hubspot_endpoint! {
        /// `PATCH
        /// /conversations/custom-channels/2026-09/{channelId}/channel-account-staging-tokens/{accountToken}`.
        #[scopes("conversations.custom_channels.read", "conversations.custom_channels.write")]
        // Idempotent: a PATCH sets the fields it carries, so sending it twice has the effect of sending it once.
        #[idempotent]
        pub endpoint UpdateChannelAccountStagingToken: PATCH {
            "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/channel-account-staging-tokens/{accountToken}",
            "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/channel-account-staging-tokens/{accountToken}",
        } {
            path {
                account_token: String,
                channel_id: i32,
            }
            required {
                account_name: String,
                delivery_identifier: PublicDeliveryIdentifier,
            }
        } -> 200 PublicChannelAccountStagingToken;

        /// `POST /conversations/custom-channels/2026-09/{channelId}/messages`.
        #[scopes("conversations.custom_channels.write")]
        #[idempotency_key(integration_idempotency_id)]
        pub endpoint CreateMessage: POST {
            "2025-09" => "/conversations/custom-channels/2025-09/{channelId}/messages",
            "2026-09" => "/conversations/custom-channels/2026-09/{channelId}/messages",
        } {
            path {
                channel_id: i32,
            }
            required {
                attachments: Vec<ChannelIntegrationMessageEggAttachmentsItem>,
                channel_account_id: String,
                message_direction: ChannelIntegrationMessageEggMessageDirection,
                recipients: Vec<ChannelIntegrationParticipant>,
                senders: Vec<ChannelIntegrationParticipant>,
                text: String,
                timestamp: DateTime,
            }
            optional {
                associate_with_contact_id: i64,
                in_reply_to_id: String,
                integration_idempotency_id: String,
                integration_thread_id: String,
                pre_resolved_contacts: PreResolvedContacts,
                rich_text: String,
            }
        } -> 201 PublicConversationsMessage;

        /// The `ChannelIntegrationParticipant` object.
        pub object ChannelIntegrationParticipant {
            required {
                delivery_identifier: PublicDeliveryIdentifier,
            }
            optional {
                name: String,
            }
        }

        /// The `PreResolvedContact` object.
        pub object PreResolvedContact {
            required {
                contact_properties_leading_to_match: Vec<PreResolvedContactContactPropertiesLeadingToMatchItem>,
                contact_vid: i32,
            }
        }

        /// The values of `PreResolvedContactContactPropertiesLeadingToMatchItem`.
        pub enum PreResolvedContactContactPropertiesLeadingToMatchItem {
            address,
            annualrevenue,
            associatedcompanyid,
            associatedcompanylastupdated,
            city,
            closedate,
            company,
            company_size,
            country,
            createdate,
            currentlyinworkflow,
            date_of_birth,
            days_to_close,
            degree,
            email,
            engagements_last_meeting_booked,
            engagements_last_meeting_booked_campaign,
            engagements_last_meeting_booked_medium,
            engagements_last_meeting_booked_source,
            fax,
            field_of_study,
            first_conversion_date,
            first_conversion_event_name,
            first_deal_created_date,
            firstname,
            followercount,
            gender,
            graduation_date,
            hs_additional_emails,
            hs_all_contact_vids,
            hs_analytics_average_page_views,
            hs_analytics_first_referrer,
            hs_analytics_first_timestamp,
            hs_analytics_first_touch_converting_campaign,
            hs_analytics_first_url,
            hs_analytics_first_visit_timestamp,
            hs_analytics_last_referrer,
            hs_analytics_last_timestamp,
            hs_analytics_last_touch_converting_campaign,
            hs_analytics_last_url,
            hs_analytics_last_visit_timestamp,
            hs_analytics_num_event_completions,
            hs_analytics_num_page_views,
            hs_analytics_num_visits,
            hs_analytics_revenue,
            hs_analytics_source,
            hs_analytics_source_composite_data,
            hs_analytics_source_data_1,
            hs_analytics_source_data_2,
            hs_associated_target_accounts,
            hs_avatar_filemanager_key,
            hs_bing_ad_clicked,
            hs_bing_click_id,
            hs_buying_role,
            hs_calculated_form_submissions,
            hs_calculated_merged_vids,
            hs_calculated_mobile_number,
            hs_calculated_phone_number,
            hs_calculated_phone_number_area_code,
            hs_calculated_phone_number_country_code,
            hs_calculated_phone_number_region_code,
            hs_chat_assistant_iql_date,
            hs_chat_assistant_source,
            hs_chat_assistant_summary,
            hs_clicked_linkedin_ad,
            hs_contact_creation_legal_basis_source_instance_id,
            hs_contact_enrichment_opt_out,
            hs_contact_enrichment_opt_out_timestamp,
            hs_content_membership_email,
            hs_content_membership_email_confirmed,
            hs_content_membership_follow_up_enqueued_at,
            hs_content_membership_notes,
            hs_content_membership_registered_at,
            hs_content_membership_registration_domain_sent_to,
            hs_content_membership_registration_email_sent_at,
            hs_content_membership_status,
            hs_conversations_visitor_email,
            hs_count_is_unworked,
            hs_count_is_worked,
            hs_country_region_code,
            hs_created_by_conversations,
            hs_cross_account_note,
            hs_cross_sell_opportunity,
            hs_current_customer,
            hs_currently_enrolled_in_prospecting_agent,
            hs_customer_agent_lead_status,
            hs_data_privacy_ads_consent,
            hs_date_entered_customer,
            hs_date_entered_evangelist,
            hs_date_entered_lead,
            hs_date_entered_marketingqualifiedlead,
            hs_date_entered_opportunity,
            hs_date_entered_other,
            hs_date_entered_salesqualifiedlead,
            hs_date_entered_subscriber,
            hs_date_exited_customer,
            hs_date_exited_evangelist,
            hs_date_exited_lead,
            hs_date_exited_marketingqualifiedlead,
            hs_date_exited_opportunity,
            hs_date_exited_other,
            hs_date_exited_salesqualifiedlead,
            hs_date_exited_subscriber,
            hs_document_last_revisited,
            hs_email_bad_address,
            hs_email_bounce,
            hs_email_click,
            hs_email_customer_quarantined_reason,
            hs_email_delivered,
            hs_email_domain,
            hs_email_first_click_date,
            hs_email_first_open_date,
            hs_email_first_reply_date,
            hs_email_first_send_date,
            hs_email_hard_bounce_reason,
            hs_email_hard_bounce_reason_enum,
            hs_email_is_ineligible,
            hs_email_last_click_date,
            hs_email_last_email_name,
            hs_email_last_open_date,
            hs_email_last_reply_date,
            hs_email_last_send_date,
            hs_email_open,
            hs_email_optimal_send_day_of_week,
            hs_email_optimal_send_time_of_day,
            hs_email_optout,
            hs_email_optout_survey_reason,
            hs_email_quarantined,
            hs_email_quarantined_reason,
            hs_email_recipient_fatigue_recovery_time,
            hs_email_replied,
            hs_email_sends_since_last_engagement,
            hs_email_type,
            hs_emailconfirmationstatus,
            hs_employment_change_detected_date,
            hs_enriched_email_bounce_detected,
            hs_facebook_ad_clicked,
            hs_facebook_click_id,
            hs_facebookid,
            hs_feedback_last_ces_survey_date,
            hs_feedback_last_ces_survey_follow_up,
            hs_feedback_last_ces_survey_rating,
            hs_feedback_last_csat_survey_date,
            hs_feedback_last_csat_survey_follow_up,
            hs_feedback_last_csat_survey_rating,
            hs_feedback_last_nps_follow_up,
            hs_feedback_last_nps_rating,
            hs_feedback_last_nps_rating_number,
            hs_feedback_last_survey_date,
            hs_feedback_show_nps_web_survey,
            hs_first_closed_order_id,
            hs_first_engagement_object_id,
            hs_first_order_closed_date,
            hs_first_outreach_date,
            hs_first_subscription_create_date,
            hs_full_name_or_email,
            hs_google_click_id,
            hs_googleplusid,
            hs_gps_coordinates,
            hs_gps_error,
            hs_gps_latitude,
            hs_gps_longitude,
            hs_has_active_subscription,
            hs_inferred_language_codes,
            hs_intent_paid_up_to_date,
            hs_intent_signals_enabled,
            hs_ip_timezone,
            hs_is_contact,
            hs_is_enriched,
            hs_is_merge_revertible,
            hs_is_unworked,
            hs_job_change_detected_date,
            hs_journey_stage,
            hs_language,
            hs_last_metered_enrichment_timestamp,
            hs_last_sales_activity_date,
            hs_last_sales_activity_timestamp,
            hs_last_sales_activity_type,
            hs_last_sms_send_date,
            hs_last_sms_send_name,
            hs_latest_disqualified_lead_date,
            hs_latest_meeting_activity,
            hs_latest_open_lead_date,
            hs_latest_qualified_lead_date,
            hs_latest_sequence_ended_date,
            hs_latest_sequence_enrolled,
            hs_latest_sequence_enrolled_date,
            hs_latest_sequence_finished_date,
            hs_latest_sequence_unenrolled_date,
            hs_latest_source,
            hs_latest_source_composite_data,
            hs_latest_source_data_1,
            hs_latest_source_data_2,
            hs_latest_source_timestamp,
            hs_latest_subscription_create_date,
            hs_latitude,
            hs_lead_status,
            hs_legal_basis,
            hs_lifecyclestage_customer_date,
            hs_lifecyclestage_evangelist_date,
            hs_lifecyclestage_lead_date,
            hs_lifecyclestage_marketingqualifiedlead_date,
            hs_lifecyclestage_opportunity_date,
            hs_lifecyclestage_other_date,
            hs_lifecyclestage_salesqualifiedlead_date,
            hs_lifecyclestage_subscriber_date,
            hs_linkedin_ad_clicked,
            hs_linkedin_click_id,
            hs_linkedin_url,
            hs_linkedinid,
            hs_live_enrichment_deadline,
            hs_longitude,
            hs_manual_campaign_ids,
            hs_marketable_reason_id,
            hs_marketable_reason_type,
            hs_marketable_status,
            hs_marketable_until_renewal,
            hs_membership_has_accessed_private_content,
            hs_membership_last_private_content_access_date,
            hs_messaging_engagement_score,
            hs_mobile_sdk_push_tokens,
            hs_notes_last_activity,
            hs_notes_next_activity,
            hs_notes_next_activity_type,
            hs_persona,
            hs_pinned_engagement_id,
            hs_pipeline,
            hs_predictivecontactscore,
            hs_predictivecontactscore_tmp,
            hs_predictivecontactscore_v2,
            hs_predictivecontactscorebucket,
            hs_predictivescoringtier,
            hs_predictivescoringtier_tmp,
            hs_prospecting_agent_actively_enrolled_count,
            hs_prospecting_agent_last_enrolled,
            hs_prospecting_agent_total_enrolled_count,
            hs_quarantined_emails,
            hs_recent_closed_order_date,
            hs_registered_member,
            hs_registration_method,
            hs_returning_to_office_detected_date,
            hs_role,
            hs_sa_first_engagement_date,
            hs_sa_first_engagement_descr,
            hs_sa_first_engagement_object_type,
            hs_sales_email_last_clicked,
            hs_sales_email_last_opened,
            hs_sales_email_last_replied,
            hs_searchable_calculated_international_mobile_number,
            hs_searchable_calculated_international_phone_number,
            hs_searchable_calculated_mobile_number,
            hs_searchable_calculated_phone_number,
            hs_seniority,
            hs_sequences_actively_enrolled_count,
            hs_sequences_enrolled_count,
            hs_sequences_is_enrolled,
            hs_social_facebook_clicks,
            hs_social_google_plus_clicks,
            hs_social_last_engagement,
            hs_social_linkedin_clicks,
            hs_social_num_broadcast_clicks,
            hs_social_twitter_clicks,
            hs_source_object_id,
            hs_source_portal_id,
            hs_state_code,
            hs_sub_role,
            hs_testpurge,
            hs_testrollback,
            hs_tiktok_ad_clicked,
            hs_tiktok_click_id,
            hs_time_between_contact_creation_and_deal_close,
            hs_time_between_contact_creation_and_deal_creation,
            hs_time_in_customer,
            hs_time_in_evangelist,
            hs_time_in_lead,
            hs_time_in_marketingqualifiedlead,
            hs_time_in_opportunity,
            hs_time_in_other,
            hs_time_in_salesqualifiedlead,
            hs_time_in_subscriber,
            hs_time_to_first_engagement,
            hs_time_to_move_from_lead_to_customer,
            hs_time_to_move_from_marketingqualifiedlead_to_customer,
            hs_time_to_move_from_opportunity_to_customer,
            hs_time_to_move_from_salesqualifiedlead_to_customer,
            hs_time_to_move_from_subscriber_to_customer,
            hs_timezone,
            hs_twitterid,
            hs_v2_cumulative_time_in_customer,
            hs_v2_cumulative_time_in_evangelist,
            hs_v2_cumulative_time_in_lead,
            hs_v2_cumulative_time_in_marketingqualifiedlead,
            hs_v2_cumulative_time_in_opportunity,
            hs_v2_cumulative_time_in_other,
            hs_v2_cumulative_time_in_salesqualifiedlead,
            hs_v2_cumulative_time_in_subscriber,
            hs_v2_date_entered_current_stage,
            hs_v2_date_entered_customer,
            hs_v2_date_entered_evangelist,
            hs_v2_date_entered_lead,
            hs_v2_date_entered_marketingqualifiedlead,
            hs_v2_date_entered_opportunity,
            hs_v2_date_entered_other,
            hs_v2_date_entered_salesqualifiedlead,
            hs_v2_date_entered_subscriber,
            hs_v2_date_exited_customer,
            hs_v2_date_exited_evangelist,
            hs_v2_date_exited_lead,
            hs_v2_date_exited_marketingqualifiedlead,
            hs_v2_date_exited_opportunity,
            hs_v2_date_exited_other,
            hs_v2_date_exited_salesqualifiedlead,
            hs_v2_date_exited_subscriber,
            hs_v2_latest_time_in_customer,
            hs_v2_latest_time_in_evangelist,
            hs_v2_latest_time_in_lead,
            hs_v2_latest_time_in_marketingqualifiedlead,
            hs_v2_latest_time_in_opportunity,
            hs_v2_latest_time_in_other,
            hs_v2_latest_time_in_salesqualifiedlead,
            hs_v2_latest_time_in_subscriber,
            hs_v2_time_in_current_stage,
            hs_whatsapp_phone_number,
            hubspot_owner_id,
            hubspotscore,
            industry,
            ip_city,
            ip_country,
            ip_country_code,
            ip_latlon,
            ip_state,
            ip_state_code,
            ip_zipcode,
            job_function,
            jobtitle,
            kloutscoregeneral,
            lastmodifieddate,
            lastname,
            lifecyclestage,
            linkedinbio,
            linkedinconnections,
            marital_status,
            message,
            military_status,
            mobilephone,
            notes_last_contacted,
            notes_last_updated,
            notes_next_activity_date,
            num_associated_deals,
            num_contacted_notes,
            num_conversion_events,
            num_notes,
            num_unique_conversion_events,
            numemployees,
            owneremail,
            ownername,
            phone,
            photo,
            recent_conversion_date,
            recent_conversion_event_name,
            recent_deal_amount,
            recent_deal_close_date,
            relationship_status,
            salutation,
            school,
            seniority,
            start_date,
            state,
            surveymonkeyeventlastupdated,
            total_revenue,
            twitterbio,
            twitterhandle,
            twitterprofilephoto,
            webinareventlastupdated,
            website,
            work_email,
            zip,
        }

        /// The `PreResolvedContacts` object.
        pub object PreResolvedContacts {
            required {
                contacts: Vec<PreResolvedContact>,
            }
        }
    }
}

/// Every endpoint this module declares, with each version's path: for tests and tooling.
pub const ENDPOINTS: &[&hubspot_runtime::schema::EndpointInfo] = &[
    ListCustomChannels::METADATA,
    CreateCustomChannel::METADATA,
    DeleteCustomChannel::METADATA,
    GetCustomChannel::METADATA,
    UpdateCustomChannel::METADATA,
    UpdateChannelAccountStagingToken::METADATA,
    ListChannelAccounts::METADATA,
    CreateChannelAccount::METADATA,
    GetChannelAccount::METADATA,
    UpdateChannelAccount::METADATA,
    CreateMessage::METADATA,
    GetMessage::METADATA,
    UpdateMessage::METADATA,
    v2025_09::UpdateChannelAccountStagingToken::METADATA,
    v2025_09::CreateMessage::METADATA,
];
