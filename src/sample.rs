//! The sample business bundled into the binary: what a new user sees first.

/// Every file of the sample workspace: path relative to the workspace, and its bytes.
pub const FILES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/sample.rs"));

/// The sample business's name, as its `workspace.ron` says.
fn name() -> Option<&'static str> {
    static NAME: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    NAME.get_or_init(|| {
        let (_, bytes) = FILES.iter().find(|(path, _)| *path == "workspace.ron")?;
        let text = std::str::from_utf8(bytes).ok()?;
        let workspace: crate::model::Workspace = crate::store::format::parse(text).ok()?;
        Some(workspace.name)
    })
    .as_deref()
}

/// Whether `workspace` is the sample business (a copy of it, under its own name), so the
/// window can say so and offer to start one's own.
pub fn is_sample(workspace: &crate::model::Workspace) -> bool {
    name().is_some_and(|name| name == workspace.name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bundled_sample_is_known_as_the_sample_and_a_new_business_is_not() {
        let name = super::name().expect("the sample's workspace.ron reads");
        assert_eq!(name, "Bell's Quayside Ices & Sandwiches");
        let sample = crate::model::Workspace::new(name);
        assert!(super::is_sample(&sample));
        assert!(!super::is_sample(&crate::model::Workspace::new(
            "Bakkerij Jansen"
        )));
    }
}
