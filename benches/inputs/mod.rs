//! Deterministic benchmark inputs, shared by every benchmark group.
// Each bench target uses a different subset of these inputs.
#![allow(dead_code)]

/// A typical valid client: every field set, about 600 bytes.
pub fn typical() -> String {
    r#"{"id":1042,"name":"Acme Telecom","type":"J","email":"admin@acme.example","timezone":"Europe/Moscow","language":"ru","domain":"acme.pbx.example","domain_prefix":"12345","prefix":"2566","extension_len":"3","create_date":"2024-02-29 10:15:00","jur_address":"Moscow, Tverskaya 1","fact_address":"Moscow, Tverskaya 1","contact_phones":"+7 495 123-45-67, +7 495 765-43-21","ambassadors":"Ivan Petrov","extra_params":"{\"crm_id\": \"A-17\"}","reg_status_log":true,"geo_list":"RU BY KZ","dial_rule_id":3,"hold_music":12,"sip_network_permission_id":null,"disk_space_notify_email":"ops@acme.example","disk_space_notify_threshold":90,"did_as_transfer_caller_id":"+74951234567"}"#
        .to_string()
}

/// A small valid client: four fields.
pub fn small() -> String {
    r#"{"name":"Acme","type":"F","timezone":"UTC","geo_list":"*"}"#.to_string()
}

/// A client with ten different errors.
pub fn ten_errors() -> String {
    r#"{"type":"X","email":"joe..bloggs@example.com","timezone":"Europe/Moskow","domain":"pbx_01.example.com","domain_prefix":"12-345","extension_len":"5","geo_list":"* RU","hold_music":0,"disk_space_notify_email":"ops@acme.example","disk_space_notify_threshold":150,"language":"ru","name":"Acme\u0007"}"#
        .to_string()
}

/// The README's example of a client with mistakes (18 findings).
pub fn example_with_mistakes() -> String {
    include_str!("../../examples/client-with-mistakes.json").to_string()
}

/// An NDJSON batch of `n` records: mostly valid, some with errors, varied
/// deterministically (a linear congruential generator, no randomness).
pub fn batch(n: usize) -> String {
    let zones = [
        "Europe/Moscow",
        "Asia/Yekaterinburg",
        "UTC",
        "Europe/Kiev",
        "America/New_York",
        "europe/minsk",
    ];
    let geos = ["RU", "RU BY KZ", "*", "ru, by", "RU UK"];
    let types = ["J", "F", "j", "X"];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |m: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % m
    };
    let mut out = String::with_capacity(n * 260);
    for i in 0..n {
        let (z, g, t) = (
            zones[next(zones.len())],
            geos[next(geos.len())],
            types[next(types.len())],
        );
        let threshold = next(120);
        out.push_str(&format!(
            r#"{{"name":"Client {i}","type":"{t}","email":"user{i}@example.com","timezone":"{z}","geo_list":"{g}","domain":"c{i}.pbx.example","extension_len":"3","hold_music":{},"disk_space_notify_email":"ops{i}@example.com","disk_space_notify_threshold":{threshold}}}"#,
            next(5)
        ));
        out.push('\n');
    }
    out
}
