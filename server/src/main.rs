//! `stoa`: the one binary that runs the shop. See `stoa --help`.

use clap::Parser;
use server::cli::{run, Cli};

/// mimalloc instead of glibc's malloc: page renders make many small, short-lived allocations,
/// and the catalogue load at start frees hundreds of megabytes at 100k products, which glibc's
/// per-thread arenas keep while mimalloc gives them back. Built with `override`, it also serves
/// C code's `malloc` (SQLite's page caches and statements), so no glibc arena holds memory
/// beside it. It is mimalloc's 2.x series without transparent huge pages: against 3.x with
/// them, a 10k shop served its product pages 40 % faster in 30 % less memory (measured in
/// `server/benches/RESULTS.md`, seventh round). `MIMALLOC_PURGE_DELAY=0` gives memory back at
/// once, for about 35 MB less after a run at 100k products, but costs uncached searches a
/// third of their speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp
                    | ErrorKind::DisplayVersion
                    | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) {
                let _ = e.print();
                return if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    std::process::ExitCode::from(2)
                } else {
                    std::process::ExitCode::SUCCESS
                };
            }
            // One clear line, not a wall of usage text.
            let rendered = e.to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or("invalid arguments")
                .trim();
            eprintln!(
                "stoa: {} (see `stoa --help`)",
                first.trim_start_matches("error: ")
            );
            return std::process::ExitCode::from(2);
        }
    };
    server::telemetry::init();
    match run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stoa: {}", e.0);
            std::process::ExitCode::FAILURE
        }
    }
}
