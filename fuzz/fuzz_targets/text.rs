//! cargo fuzz run text: see crates/fuzz-lite for what the target does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tenure_fuzz_lite::{run, Target};

fuzz_target!(|data: &[u8]| {
    run(Target::Text, data);
});
