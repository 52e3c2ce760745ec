//! The progress bar of `extract` and `ingest` on stderr: documents done,
//! bytes read, bytes per second and, when the size of the inputs is known, a
//! bar and an ETA by bytes (documents vary too much in length for a count to
//! predict anything).
//!
//! Hidden when stderr is not a terminal (a log file wants no redraws) or
//! with `--quiet`. Warnings go through [`Progress::warn`], which lifts the bar
//! while printing, so a message never lands in the middle of it.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::output;

pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar on stderr when `wanted` and stderr is a terminal, else an
    /// invisible one. `total_bytes` is the size of the inputs, when known.
    pub fn new(wanted: bool, total_bytes: Option<u64>) -> Progress {
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress::hidden();
        }
        // Colour follows the rule of every other message (NO_COLOR, terminal).
        let bar_spec = if output::colour() { "{wide_bar:.cyan/blue}" } else { "{wide_bar}" };
        let (bar, template) = match total_bytes {
            Some(total) => (
                ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr()),
                format!("{{spinner}} {{msg}} {bar_spec} {{decimal_bytes}}/{{decimal_total_bytes}} ({{decimal_bytes_per_sec}}, ETA {{eta}})"),
            ),
            None => (ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()), "{spinner} {msg}, {decimal_bytes} read ({decimal_bytes_per_sec})".to_string()),
        };
        let style = ProgressStyle::with_template(&template).expect("the template is valid");
        bar.set_style(style);
        bar.set_message("0 documents");
        // Redraws (and keeps the rate moving) while a long document is read.
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar }
    }

    pub fn hidden() -> Progress {
        Progress { bar: ProgressBar::hidden() }
    }

    /// `documents` done so far and `bytes_read` from the inputs.
    pub fn update(&self, documents: usize, bytes_read: u64) {
        self.bar.set_position(bytes_read);
        self.bar.set_message(format!("{documents} documents"));
    }

    /// A warning on stderr, printed above the bar.
    pub fn warn(&self, msg: &str) {
        self.bar.suspend(|| output::warn(msg));
    }

    /// Removes the bar, before the summary or the output is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
