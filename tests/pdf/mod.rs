//! Reading exported PDFs back as a reader's tools would, with poppler (poppler-utils;
//! `.ci/run` installs it): shared by the record and manual tests.
#![allow(dead_code)]

use std::process::Command;

use rightfirst::store::document::write_document;

/// Runs a poppler tool on `pdf` and returns what it printed.
pub fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("a temp folder");
    let path = dir.path().join("document.pdf");
    write_document(&path, pdf).expect("the PDF is written");
    let output = Command::new(tool)
        .args(extra)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} reads the PDF back; install poppler-utils: {e}"));
    assert!(
        output.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("poppler prints UTF-8")
}

/// The page count and the page size, as pdfinfo reports them.
pub fn page_info(pdf: &[u8]) -> (usize, String) {
    let info = poppler("pdfinfo", pdf, &[]);
    let field = |name: &str| {
        info.lines()
            .find_map(|line| line.strip_prefix(name))
            .map(str::trim)
            .unwrap_or_default()
            .to_owned()
    };
    let count = field("Pages:").parse().expect("pdfinfo counts pages");
    (count, field("Page size:"))
}
