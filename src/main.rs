//! `tenure`: the command line over the tenure libraries.
//!
//! This file only parses arguments, runs a command and maps its outcome to an
//! exit code: 0 done, 1 nothing could be done (every input failed, or the
//! query found no database), 2 bad usage.

mod cli;
mod cmd;
mod output;
mod pipeline;
mod progress;

use clap::Parser;

// Extraction makes many small, short-lived allocations (names, drafts,
// vectors of candidates), spread over every core: mimalloc serves them in a
// fraction of the instructions of the system allocator, with thread-local
// free lists instead of arenas shared under a lock.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    restore_sigpipe();
    let args = cli::Cli::parse();
    let code = match cmd::run(args) {
        Ok(code) => code,
        Err(e) => {
            output::error(&format!("{e:#}"));
            1
        }
    };
    std::process::exit(code);
}

/// `tenure events | head` must end quietly when `head` stops reading, as
/// command-line tools do: Rust ignores SIGPIPE by default, which turns the
/// closed pipe into a panic on the next print.
#[cfg(unix)]
fn restore_sigpipe() {
    // SAFETY: called first in main, before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn restore_sigpipe() {}
