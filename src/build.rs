//! Bundles the sample workspace in `procedures/` into the binary, so `rightfirst new`
//! and the first start of the app work from the binary alone.

use std::fs;
use std::path::Path;

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.extension().is_some_and(|ext| ext == "ron") {
            let relative = path.strip_prefix(root).expect("inside the sample folder");
            files.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest).join("procedures");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut code = String::from("&[\n");
    for file in &files {
        println!("cargo:rerun-if-changed={}", root.join(file).display());
        code.push_str(&format!(
            "    ({file:?}, include_bytes!({:?})),\n",
            root.join(file).display().to_string()
        ));
    }
    code.push(']');
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("sample.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
