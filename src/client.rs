//! A typed model of the client resource, for servers.

use serde::{Deserialize, Serialize};

/// The client resource as JSON types. Every field is optional: a request may
/// send any subset, and `null` means "not set".
///
/// Deserialising checks JSON types only; run [`crate::lint_str`] or
/// [`crate::lint_value`] for the field rules, and the `parse_*` functions for
/// typed values.
///
/// ```
/// let client: client_lint::Client =
///     serde_json::from_str(r#"{"name": "Acme", "type": "J", "hold_music": 7}"#).unwrap();
/// assert_eq!(client.client_type.as_deref(), Some("J"));
/// assert_eq!(client.hold_music, Some(7));
/// let back = serde_json::to_string(&client).unwrap();
/// assert_eq!(back, r#"{"name":"Acme","type":"J","hold_music":7}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Client {
    /// Client id, server-assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Client name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `J` legal entity, `F` individual.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub client_type: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// IANA time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// Interface language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// SIP domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Digits dialled before an extension.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_prefix: Option<String>,
    /// Client prefix, server-assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefix: Option<String>,
    /// Extension length: `"2"`, `"3"` or `"4"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_len: Option<String>,
    /// Creation time, server-assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_date: Option<String>,
    /// Legal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jur_address: Option<String>,
    /// Actual address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fact_address: Option<String>,
    /// Contact phone numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phones: Option<String>,
    /// Contact persons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambassadors: Option<String>,
    /// Additional parameters (opaque).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_params: Option<String>,
    /// Whether registration statistics are kept; set by the provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reg_status_log: Option<bool>,
    /// Allowed countries: `*` or ISO 3166-1 alpha-2 codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo_list: Option<String>,
    /// Outgoing-call rule id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dial_rule_id: Option<i64>,
    /// Sound file id for music on hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_music: Option<i64>,
    /// Trusted network id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sip_network_permission_id: Option<i64>,
    /// Where to mail when disk use reaches the threshold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_space_notify_email: Option<String>,
    /// Percent of disk use that triggers that mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disk_space_notify_threshold: Option<i64>,
    /// External number shown when a call is forwarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub did_as_transfer_caller_id: Option<String>,
}
