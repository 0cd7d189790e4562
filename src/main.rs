//! The `rightfirst` binary; the command line is in `cli`.

mod cli;

/// A faster allocator for many small, short-lived strings on several cores.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
