//! The domain of an e-mail address: an address literal (`[192.0.2.1]`,
//! `[IPv6:…]`) or a host name with a dot, and the special-use names mail to
//! which is never delivered.

use std::net::{Ipv4Addr, Ipv6Addr};

use crate::error::HostProblem;

pub(crate) fn domain_error(domain: &str) -> Option<HostProblem> {
    if let Some(literal) = domain.strip_prefix('[') {
        let Some(inner) = literal.strip_suffix(']') else {
            return Some(HostProblem::LiteralUnclosed);
        };
        // ABNF literals are case-insensitive: `IPv6:`, `ipv6:`, `IPV6:`.
        let v6 = inner
            .get(..5)
            .filter(|p| p.eq_ignore_ascii_case("IPv6:"))
            .map(|_| &inner[5..]);
        return if let Some(v6) = v6 {
            v6.parse::<Ipv6Addr>().err().map(|_| HostProblem::LiteralIpv6)
        } else if inner.parse::<Ipv4Addr>().is_ok() {
            None
        } else {
            Some(HostProblem::LiteralKind)
        };
    }
    if let Some(problem) = super::domain::host_error(domain) {
        return Some(problem);
    }
    if !domain.contains('.') {
        return Some(HostProblem::NoDot);
    }
    None
}

/// The special-use name an address's domain falls under, if any (RFC 6761,
/// 6762, 7686): mail to it is never delivered.
pub(crate) fn special_use(domain: &str) -> Option<&'static str> {
    let d = domain.trim_end_matches('.');
    if d.eq_ignore_ascii_case("localhost.localdomain") {
        return Some("localhost.localdomain");
    }
    let tld = d.rsplit('.').next()?;
    ["invalid", "test", "localhost", "local", "onion", "arpa"]
        .into_iter()
        .find(|s| s.eq_ignore_ascii_case(tld))
}
