//! `tenure-fuzz-lite`: a mutation fuzzer on the stable toolchain, for where
//! cargo-fuzz (nightly, libFuzzer) is not available.
//!
//! It has no coverage feedback: it keeps an input in its corpus when the
//! target's output signature (documents, events, kinds of problem) is new.
//! That finds less than libFuzzer, but the same panics in the parsers'
//! shallow and middle layers, and runs anywhere `cargo test` runs.
//!
//! ```text
//! tenure-fuzz-lite [--seconds N] [--seed S] [--corpus DIR] [--artifacts DIR] TARGET
//! tenure-fuzz-lite --replay TARGET FILE...
//! tenure-fuzz-lite --write-seeds DIR TARGET   # seed a libFuzzer corpus
//! ```
//!
//! A panic is written to `ARTIFACTS/TARGET/crash-HASH` and counted, and the
//! run goes on; an input that runs for over a minute is written to
//! `slow-HASH` and the process aborts (a hang cannot be interrupted). The
//! exit code is 1 when anything crashed.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tenure_fuzz_lite::mutate::{mutate, Rng};
use tenure_fuzz_lite::{fnv, run, seeds::seeds, Target};

const HANG: Duration = Duration::from_secs(60);
const MAX_CORPUS: usize = 4096;

struct Options {
    target: Target,
    seconds: u64,
    seed: u64,
    corpus: Option<PathBuf>,
    artifacts: PathBuf,
    replay: Vec<PathBuf>,
    write_seeds: Option<PathBuf>,
}

fn usage() -> ! {
    let names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
    eprintln!("usage: tenure-fuzz-lite [--seconds N] [--seed S] [--corpus DIR] [--artifacts DIR] TARGET\n       tenure-fuzz-lite --replay TARGET FILE...\n       tenure-fuzz-lite --write-seeds DIR TARGET\ntargets: {}", names.join(", "));
    std::process::exit(2)
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let (mut target, mut seconds, mut seed, mut corpus, mut artifacts, mut replay, mut replaying) =
        (None, 60, 0x5eed, None, PathBuf::from("fuzz/artifacts"), Vec::new(), false);
    let mut write_seeds = None;
    while let Some(a) = args.next() {
        let mut value = || args.next().unwrap_or_else(|| usage());
        match a.as_str() {
            "--seconds" => seconds = value().parse().unwrap_or_else(|_| usage()),
            "--seed" => seed = value().parse().unwrap_or_else(|_| usage()),
            "--corpus" => corpus = Some(PathBuf::from(value())),
            "--artifacts" => artifacts = PathBuf::from(value()),
            "--replay" => replaying = true,
            "--write-seeds" => write_seeds = Some(PathBuf::from(value())),
            _ if target.is_none() => target = Some(Target::from_name(&a).unwrap_or_else(|| usage())),
            _ if replaying => replay.push(PathBuf::from(a)),
            _ => usage(),
        }
    }
    let target = target.unwrap_or_else(|| usage());
    if replaying && replay.is_empty() {
        usage();
    }
    Options { target, seconds, seed, corpus, artifacts, replay, write_seeds }
}

/// The panic message of the last panic on this process, kept by the hook so
/// that a crash can be reported with it.
static LAST_PANIC: Mutex<String> = Mutex::new(String::new());

fn main() {
    let o = options();
    std::panic::set_hook(Box::new(|info| {
        *LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()) = info.to_string();
    }));
    if let Some(dir) = &o.write_seeds {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for seed in seeds(o.target) {
            save(dir, "seed", &seed);
        }
        return;
    }
    if !o.replay.is_empty() {
        let mut failed = false;
        for path in &o.replay {
            let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            if catch_unwind(|| run(o.target, &bytes)).is_err() {
                eprintln!("{}: CRASH: {}", path.display(), LAST_PANIC.lock().unwrap());
                failed = true;
            } else {
                eprintln!("{}: ok", path.display());
            }
        }
        std::process::exit(i32::from(failed));
    }
    std::process::exit(fuzz(&o));
}

fn fuzz(o: &Options) -> i32 {
    let name = o.target.name();
    let mut corpus = seeds(o.target);
    let seed_count = corpus.len();
    if let Some(dir) = &o.corpus {
        std::fs::create_dir_all(dir).expect("the corpus folder can be made");
        let mut saved: Vec<PathBuf> = std::fs::read_dir(dir).expect("the corpus folder reads").filter_map(|e| e.ok().map(|e| e.path())).collect();
        saved.sort();
        corpus.extend(saved.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    // The input being run, for the watchdog to save if it hangs.
    let current: Arc<Mutex<(Instant, Vec<u8>)>> = Arc::new(Mutex::new((Instant::now(), Vec::new())));
    let artifacts = o.artifacts.join(name);
    {
        let (current, artifacts) = (Arc::clone(&current), artifacts.clone());
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_secs(1));
            let (started, input) = &*current.lock().unwrap_or_else(|e| e.into_inner());
            if started.elapsed() > HANG {
                let path = save(&artifacts, "slow", input);
                eprintln!("{name}: an input ran for over {HANG:?}: {}", path.display());
                std::process::abort();
            }
        });
    }
    let mut signatures = std::collections::HashSet::new();
    let mut rng = Rng::new(o.seed);
    let (mut execs, mut crashes, mut slowest) = (0u64, 0u64, Duration::ZERO);
    let start = Instant::now();
    let deadline = Duration::from_secs(o.seconds);
    let mut queue: Vec<Vec<u8>> = corpus.clone();
    while start.elapsed() < deadline || !queue.is_empty() {
        // Every seed and saved input runs once first, then mutations.
        let input = match queue.pop() {
            Some(seeded) => seeded,
            None => {
                let a = &corpus[rng.below(corpus.len())];
                let b = &corpus[rng.below(corpus.len())];
                mutate(&mut rng, a, b)
            }
        };
        {
            let mut c = current.lock().unwrap_or_else(|e| e.into_inner());
            *c = (Instant::now(), input.clone());
        }
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| run(o.target, &input)));
        slowest = slowest.max(t.elapsed());
        execs += 1;
        match outcome {
            Ok(sig) => {
                if signatures.insert(sig) && execs > seed_count as u64 && corpus.len() < MAX_CORPUS {
                    if let Some(dir) = &o.corpus {
                        save(dir, "input", &input);
                    }
                    corpus.push(input);
                }
            }
            Err(_) => {
                crashes += 1;
                let path = save(&artifacts, "crash", &input);
                eprintln!("{name}: CRASH ({}) saved to {}", LAST_PANIC.lock().unwrap_or_else(|e| e.into_inner()), path.display());
            }
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name}: {execs} execs in {secs:.0} s ({:.0} execs/s), corpus {} ({seed_count} seeds), {crashes} crashes, slowest input {} ms",
        execs as f64 / secs,
        corpus.len(),
        slowest.as_millis()
    );
    i32::from(crashes > 0)
}

fn save(dir: &Path, kind: &str, input: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(dir);
    let path = dir.join(format!("{kind}-{:016x}", fnv(input.iter().copied())));
    let _ = std::fs::write(&path, input);
    path
}
