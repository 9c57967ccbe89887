//! What a Rust developer would write by hand instead of client-lint: a serde
//! struct of the same fields, and the same struct validated with `garde`
//! (e-mail format, patterns, ranges, and the time zone through chrono-tz).
//! Peers for the benchmarks only; they check less than the linter (no
//! IDNA, no country list, no dates that do not exist, no positions).

use garde::Validate;
use serde::Deserialize;

/// garde's custom validators take this exact signature.
#[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]
fn zone(value: &Option<String>, _: &()) -> garde::Result {
    match value {
        Some(z) if z.parse::<chrono_tz::Tz>().is_err() => Err(garde::Error::new("unknown time zone")),
        _ => Ok(()),
    }
}

/// Every field of the resource, typed as serde reads it.
#[derive(Debug, Deserialize, Validate)]
#[allow(dead_code)]
pub struct HandClient {
    #[garde(range(min = 1))]
    pub id: Option<i64>,
    #[garde(length(max = 255))]
    pub name: Option<String>,
    #[serde(rename = "type")]
    #[garde(pattern(r"^[JF]$"))]
    pub client_type: Option<String>,
    #[garde(email)]
    pub email: Option<String>,
    #[garde(custom(zone))]
    pub timezone: Option<String>,
    #[garde(pattern(r"^[a-z]{2}$"))]
    pub language: Option<String>,
    #[garde(pattern(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"))]
    pub domain: Option<String>,
    #[garde(pattern(r"^[0-9]+$"))]
    pub domain_prefix: Option<String>,
    #[garde(pattern(r"^[0-9]+$"))]
    pub prefix: Option<String>,
    #[garde(pattern(r"^[234]$"))]
    pub extension_len: Option<String>,
    #[garde(pattern(r"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}$"))]
    pub create_date: Option<String>,
    #[garde(skip)]
    pub jur_address: Option<String>,
    #[garde(skip)]
    pub fact_address: Option<String>,
    #[garde(skip)]
    pub contact_phones: Option<String>,
    #[garde(skip)]
    pub ambassadors: Option<String>,
    #[garde(skip)]
    pub extra_params: Option<String>,
    #[garde(skip)]
    pub reg_status_log: Option<bool>,
    #[garde(pattern(r"^(\*|[A-Z]{2}( [A-Z]{2})*)$"))]
    pub geo_list: Option<String>,
    #[garde(range(min = 1))]
    pub dial_rule_id: Option<i64>,
    #[garde(range(min = 1))]
    pub hold_music: Option<i64>,
    #[garde(range(min = 1))]
    pub sip_network_permission_id: Option<i64>,
    #[garde(email)]
    pub disk_space_notify_email: Option<String>,
    #[garde(range(min = 0, max = 100))]
    pub disk_space_notify_threshold: Option<i64>,
    #[garde(skip)]
    pub did_as_transfer_caller_id: Option<String>,
}
