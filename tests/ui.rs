//! What users see when a request is incomplete or a declaration is wrong:
//! compile errors, snapshot-tested with trybuild. The snapshots are rustc
//! 1.95's wording, with every feature on as the README's test command builds
//! (rustc shortens a type's path only when no other item, in any module the
//! build has, shares its name: with the `crm` feature it writes
//! `std::string::String`); regenerate them with
//! `TRYBUILD=overwrite cargo test --all-features --test ui` after a toolchain
//! change, and read the diff.

#[test]
fn missing_required_fields_are_compile_errors() {
    trybuild::TestCases::new().compile_fail("tests/ui/missing/*.rs");
}

#[test]
fn bad_declarations_are_spanned_compile_errors() {
    trybuild::TestCases::new().compile_fail("tests/ui/dsl/*.rs");
}

/// The same for declarations `hubspot-declare` wrote (feature `crm`).
#[cfg(feature = "crm")]
#[test]
fn generated_endpoints_check_required_fields_too() {
    trybuild::TestCases::new().compile_fail("tests/ui/generated/*.rs");
}
