//! Every input that once crashed a target, replayed: `regressions/TARGET/`
//! holds them, one file each, named after what they found. And every seed,
//! so that a target that panics on ordinary input fails here first.

use tenure_fuzz_lite::{run, seeds::seeds, Target};

#[test]
fn every_seed_runs_without_a_panic() {
    for target in Target::ALL {
        for seed in seeds(target) {
            run(target, &seed);
        }
    }
}

#[test]
fn every_saved_crash_runs_without_a_panic() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("regressions");
    let mut replayed = 0;
    for target in Target::ALL {
        let Ok(dir) = std::fs::read_dir(root.join(target.name())) else { continue };
        for entry in dir {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            if std::panic::catch_unwind(|| run(target, &bytes)).is_err() {
                panic!("{} crashes {} again", path.display(), target.name());
            }
            replayed += 1;
        }
    }
    eprintln!("{replayed} saved crash inputs replayed");
}
