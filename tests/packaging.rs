//! What the packages ship agrees with the repository: one version for the
//! crate, the Python package and the npm package; the same licence texts in
//! each; a changelog entry for the version. In the crate as published (where
//! `crates/` is not packaged), what it holds itself is checked.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The checkout, as opposed to the crate unpacked from crates.io (which
/// carries `Cargo.toml.orig` and no `crates/`).
fn in_checkout() -> bool {
    let packaged = root().join("Cargo.toml.orig").exists();
    assert!(
        packaged || root().join("crates").is_dir(),
        "neither a checkout (crates/) nor a packaged crate (Cargo.toml.orig)"
    );
    !packaged
}

#[test]
fn the_crate_carries_both_licences_and_a_changelog_entry() {
    let mit = read(&root().join("LICENSE-MIT"));
    let apache = read(&root().join("LICENSE-APACHE"));
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    assert!(apache.contains("Apache License") && apache.contains("Version 2.0, January 2004"));
    assert_eq!(env!("CARGO_PKG_LICENSE"), "MIT OR Apache-2.0");
    let changelog = read(&root().join("CHANGELOG.md"));
    assert!(
        changelog.contains(&format!("## [{}]", env!("CARGO_PKG_VERSION"))),
        "CHANGELOG.md has no section for {}",
        env!("CARGO_PKG_VERSION")
    );
}

#[test]
fn every_package_has_the_crate_s_version_and_licences() {
    if !in_checkout() {
        return;
    }
    let version = env!("CARGO_PKG_VERSION");
    // The Rust packages inherit the workspace's version.
    for manifest in [
        "crates/client-lint-py/Cargo.toml",
        "crates/client-lint-wasm/Cargo.toml",
    ] {
        let text = read(&root().join(manifest));
        let doc: toml::Value = toml::from_str(&text).unwrap();
        assert_eq!(
            doc["package"]["version"]["workspace"].as_bool(),
            Some(true),
            "{manifest}"
        );
        assert_eq!(
            doc["package"]["license"].as_str(),
            Some("MIT OR Apache-2.0"),
            "{manifest}"
        );
    }
    // The Python package takes its version from its Cargo.toml.
    let pyproject: toml::Value =
        toml::from_str(&read(&root().join("crates/client-lint-py/pyproject.toml"))).unwrap();
    let project = &pyproject["project"];
    assert_eq!(
        project["dynamic"].as_array().unwrap()[0].as_str(),
        Some("version")
    );
    assert!(project.get("version").is_none());
    assert_eq!(project["license"].as_str(), Some("MIT OR Apache-2.0"));
    // The npm package states it.
    let package: serde_json::Value =
        serde_json::from_str(&read(&root().join("crates/client-lint-wasm/package.json"))).unwrap();
    assert_eq!(package["version"], version);
    assert_eq!(package["license"], "MIT OR Apache-2.0");
    // The same licence texts in each package.
    for dir in ["crates/client-lint-py/licenses", "crates/client-lint-wasm"] {
        for file in ["LICENSE-MIT", "LICENSE-APACHE"] {
            assert_eq!(
                read(&root().join(dir).join(file)),
                read(&root().join(file)),
                "{dir}/{file}"
            );
        }
    }
}
