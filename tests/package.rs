//! What the packages rely on: `--version`, and one application id in every file the
//! desktop reads, each file the package metadata names being there.

use std::path::Path;
use std::process::Command;

use rightfirst::diagnostics::APP_ID;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn version_names_the_program_its_version_and_the_workspace_format() {
    let output = Command::new(env!("CARGO_BIN_EXE_rightfirst"))
        .arg("--version")
        .output()
        .expect("the binary runs");
    assert!(output.status.success());
    let said = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        said.trim_end(),
        format!(
            "rightfirst {} (reads and writes workspace format {})",
            env!("CARGO_PKG_VERSION"),
            rightfirst::model::FORMAT_VERSION
        )
    );
}

#[test]
fn the_desktop_files_carry_the_application_id_the_window_uses() {
    let desktop = read(&format!("assets/linux/{APP_ID}.desktop"));
    assert!(desktop.contains(&format!("\nIcon={APP_ID}\n")), "{desktop}");
    assert!(desktop.contains(&format!("\nStartupWMClass={APP_ID}\n")));
    assert!(desktop.contains("\nCategories=Office;\n"));
    assert!(desktop.contains("\nGenericName[nl]="));
    assert!(desktop.contains("\nComment[nl]="));
    let mime = read(&format!("assets/linux/{APP_ID}.xml"));
    let mime_type = "application/x-rightfirst-workspace";
    assert!(mime.contains(&format!("type=\"{mime_type}\"")));
    assert!(mime.contains("pattern=\"workspace.ron\""));
    assert!(desktop.contains(&format!("\nMimeType={mime_type};\n")));
    let metainfo = read(&format!("assets/linux/{APP_ID}.metainfo.xml"));
    assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
    assert!(metainfo.contains(&format!("\"desktop-id\">{APP_ID}.desktop<")));
    assert!(metainfo.contains(&format!(
        "<release version=\"{}\"",
        env!("CARGO_PKG_VERSION")
    )));
}

#[test]
fn every_file_the_packages_take_is_there() {
    let manifest = read("Cargo.toml");
    let mut named = 0;
    for quoted in manifest.split('"').skip(1).step_by(2) {
        if quoted.starts_with("assets/") || quoted == "README.md" {
            named += 1;
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(quoted);
            assert!(
                path.is_file(),
                "Cargo.toml packages {quoted}, which is not there"
            );
        }
    }
    assert!(named >= 2 * 12, "the .deb and the .rpm take 12 files each");
}
