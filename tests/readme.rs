//! The README's DSL reference is `macros/DSL.md` verbatim, the text the
//! macro's own rustdoc carries, so the two can never say different things.

#[test]
fn readme_carries_the_dsl_reference_verbatim() {
    let readme = include_str!("../README.md");
    let reference = include_str!("../macros/DSL.md");
    let start = "-->\n";
    let begin = readme
        .find("<!-- dsl-reference:start")
        .expect("README.md lost its `<!-- dsl-reference:start` marker");
    let body_start = begin + readme[begin..].find(start).unwrap() + start.len();
    let body_end = readme
        .find("<!-- dsl-reference:end -->")
        .expect("README.md lost its `<!-- dsl-reference:end -->` marker");
    assert_eq!(
        readme[body_start..body_end].trim_end(),
        reference.trim_end(),
        "README.md's DSL section differs from macros/DSL.md: copy macros/DSL.md between the markers"
    );
}
