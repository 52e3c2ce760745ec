//! Messages on stderr, colour only on a terminal and never with NO_COLOR.

use std::io::IsTerminal;

pub fn colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

pub fn error(msg: &str) {
    if colour() {
        eprintln!("\x1b[31merror\x1b[0m: {msg}");
    } else {
        eprintln!("error: {msg}");
    }
}

pub fn warn(msg: &str) {
    if colour() {
        eprintln!("\x1b[33mwarning\x1b[0m: {msg}");
    } else {
        eprintln!("warning: {msg}");
    }
}

pub fn note(msg: &str) {
    eprintln!("{msg}");
}
