//! Feeds arbitrary bytes to every record reader, to `newer_format` and to `locate`.
//!
//! Nothing may panic or hang; a record that reads must write and read back unchanged,
//! and write the same bytes twice.
//!
//! Builds and runs on stable (no sanitizer, so no nightly flags are needed):
//!
//! ```sh
//! cargo install cargo-fuzz
//! cd fuzz
//! mkdir -p corpus/parse_records
//! find ../procedures -name '*.ron' -exec cp {} corpus/parse_records/ \;   # optional seeds
//! cargo fuzz run -s none parse_records -- -max_total_time=60 -timeout=5
//! ```

#![no_main]

use libfuzzer_sys::fuzz_target;
use rightfirst::model::{Checklist, Field, Order, Procedure, Training, Workspace};
use rightfirst::store::format::{newer_format, parse, print};
use rightfirst::store::locate::locate;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn read_write_read<T>(text: &str)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    if let Ok(record) = parse::<T>(text) {
        let written = print(&record);
        let back: T = parse(&written)
            .unwrap_or_else(|error| panic!("written text did not read: {error}\n{written}"));
        assert_eq!(back, record, "{written}");
        assert_eq!(print(&back), written);
    }
}

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    read_write_read::<Workspace>(&text);
    read_write_read::<Procedure>(&text);
    read_write_read::<Checklist>(&text);
    read_write_read::<Order>(&text);
    read_write_read::<Training>(&text);
    let _ = newer_format(&text);
    for field in [
        Field::at("id"),
        Field::at("steps").index(2).name("spec").name("max"),
        Field::at("defect_categories").index(3),
        Field::at("checks")
            .index(1)
            .name("results")
            .index(2)
            .name("outcome"),
    ] {
        let at = locate(&text, &field);
        assert!(at.line >= 1 && at.col >= 1);
        assert!(at.line <= text.matches('\n').count() + 1);
    }
});
