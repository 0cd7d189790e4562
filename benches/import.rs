//! How long importing a till's CSV takes; filled in with the import itself.

fn main() {}
