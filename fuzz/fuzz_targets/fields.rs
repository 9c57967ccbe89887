//! Every public field parser on arbitrary strings: no panic, and a value that
//! parses, printed canonically, parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Ok(tz) = client_lint::values::parse_timezone(s) {
        assert_eq!(client_lint::values::parse_timezone(tz.name()), Ok(tz));
    }
    if let Ok(g) = client_lint::values::parse_geo_list(s) {
        assert_eq!(client_lint::values::parse_geo_list(&g.to_string()), Ok(g));
    }
    if let Ok(e) = client_lint::values::parse_email(s) {
        let again = client_lint::values::parse_email(e.as_str()).unwrap();
        assert_eq!((again.local_part(), again.domain()), (e.local_part(), e.domain()));
    }
    if let Ok(d) = client_lint::values::parse_domain(s) {
        assert_eq!(client_lint::values::parse_domain(d.as_str()), Ok(d));
    }
    if let Ok(p) = client_lint::values::parse_threshold(s) {
        assert_eq!(client_lint::values::parse_threshold(&p.to_string()), Ok(p));
    }
    if let Ok(i) = client_lint::values::parse_id(s) {
        assert_eq!(client_lint::values::parse_id(&i.to_string()), Ok(i));
    }
    if let Ok(t) = client_lint::values::parse_client_type(s) {
        assert_eq!(client_lint::values::parse_client_type(t.as_str()), Ok(t));
    }
    if let Ok(d) = client_lint::values::parse_create_date(s) {
        assert_eq!(client_lint::values::parse_create_date(&d.to_string()), Ok(d));
    }
    if let Ok(l) = client_lint::values::parse_language(s) {
        assert_eq!(client_lint::values::parse_language(l.as_str()).as_ref(), Ok(&l));
    }
    if let Ok(p) = client_lint::values::parse_prefix(s) {
        assert_eq!(client_lint::values::parse_prefix(p.as_str()).as_ref(), Ok(&p));
    }
    if let Ok(n) = client_lint::values::parse_extension_len(s) {
        assert_eq!(client_lint::values::parse_extension_len(&n.to_string()), Ok(n));
    }
    let _ = client_lint::values::deprecated_timezone(s);
});
