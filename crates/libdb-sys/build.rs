//! Builds Fish's Berkeley DB into `OUT_DIR`, as one static library:
//!
//! 1. copy `vendor/db-5.3.28` (upstream, trimmed to what the library needs)
//!    to `OUT_DIR/src`;
//! 2. apply `patches/series` in order with `patch -p1`;
//! 3. `dist/configure` in `OUT_DIR/build`: static, position-independent,
//!    no C++, Java, Tcl or SQL (transactions and the Replication Manager
//!    are on by default), with Debian's hardening flags;
//! 4. `make libdb.a` (no utilities, no install).
//!
//! Each step that fails stops the build with the step's name and the tail
//! of its log. Cargo reruns this only when the vendored sources, the
//! patches, this file or the compiler settings change. The Rust bindings
//! are not generated here: `src/bindings.rs` is committed (see
//! `regenerate-bindings`), so building needs no clang.

use std::path::{Path, PathBuf};
use std::process::Command;

const VERSION: &str = "db-5.3.28";

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let vendor = manifest.join("vendor").join(VERSION);
    let patches = manifest.join("patches");
    for path in [&vendor, &patches] {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    println!("cargo:rerun-if-changed=build.rs");
    for var in ["CC", "CFLAGS", "MAKEFLAGS"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    let target = std::env::var("TARGET").unwrap_or_default();
    if !(target.starts_with("x86_64-") && target.contains("-linux-")) {
        fail(
            "target",
            &format!(
                "src/bindings.rs was generated for x86_64 Linux, not {target}; \
                 regenerate it for this target with crates/libdb-sys/regenerate-bindings"
            ),
            None,
        );
    }

    let src = out.join("src");
    let build = out.join("build");
    for dir in [&src, &build] {
        if dir.exists() {
            std::fs::remove_dir_all(dir).unwrap_or_else(|e| fail("clean", &format!("{}: {e}", dir.display()), None));
        }
    }
    copy_tree(&vendor, &src)
        .unwrap_or_else(|e| fail("copy", &format!("{} → {}: {e}", vendor.display(), src.display()), None));

    let series = std::fs::read_to_string(patches.join("series"))
        .unwrap_or_else(|e| fail("patch", &format!("patches/series: {e}"), None));
    for name in series.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let log = out.join(format!("patch-{name}.log"));
        run(
            &format!("patch {name}"),
            Command::new("patch")
                .args(["-p1", "--batch", "--forward", "--no-backup-if-mismatch", "-d"])
                .arg(&src)
                .arg("-i")
                .arg(patches.join(name)),
            &log,
        );
    }

    std::fs::create_dir_all(&build).unwrap_or_else(|e| fail("configure", &format!("{}: {e}", build.display()), None));
    // Berkeley DB's own optimisation (-O3, what configure picks for gcc)
    // plus Debian's hardening flags: fortified libc calls abort instead of
    // overflowing (FD_SET on a descriptor above 1024, a memcpy past its
    // buffer), and the stack protector catches what is left. CFLAGS from
    // the environment come last (e.g. -fsanitize=address).
    let cflags = format!(
        "-O3 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -Wformat -Werror=format-security {}",
        std::env::var("CFLAGS").unwrap_or_default()
    );
    let mut configure = Command::new(src.join("dist").join("configure"));
    configure
        .env("CFLAGS", cflags.trim_end())
        .args([
            "--disable-shared",
            "--enable-static",
            "--with-pic",
            "--disable-cxx",
            "--disable-java",
            "--disable-tcl",
            "--disable-sql",
        ])
        .current_dir(&build);
    run("configure", &mut configure, &out.join("configure.log"));

    let jobs = std::env::var("NUM_JOBS").unwrap_or_else(|_| "1".into());
    run("make libdb.a", Command::new("make").args(["-j", &jobs, "libdb.a"]).current_dir(&build), &out.join("make.log"));

    println!("cargo:rustc-link-search=native={}", build.display());
    println!("cargo:rustc-link-lib=static=db");
    // For crates that compile C against this db.h (DEP_DB_INCLUDE).
    println!("cargo:include={}", build.display());
}

/// Runs one step with its output in `log`; fails the build naming the step.
fn run(step: &str, cmd: &mut Command, log: &Path) {
    let file = std::fs::File::create(log).unwrap_or_else(|e| fail(step, &format!("{}: {e}", log.display()), None));
    let err = file.try_clone().unwrap_or_else(|e| fail(step, &e.to_string(), None));
    match cmd.stdout(file).stderr(err).status() {
        Ok(s) if s.success() => {}
        Ok(s) => fail(step, &format!("exited with {s}"), Some(log)),
        Err(e) => fail(step, &format!("could not run {:?}: {e}", cmd.get_program()), Some(log)),
    }
}

fn fail(step: &str, why: &str, log: Option<&Path>) -> ! {
    let mut msg = format!("libdb-sys: building Berkeley DB failed at step \"{step}\": {why}");
    if let Some(log) = log {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = &lines[lines.len().saturating_sub(40)..];
        msg.push_str(&format!("\n--- last lines of {} ---\n{}", log.display(), tail.join("\n")));
    }
    panic!("{msg}");
}

/// Copies a directory tree, keeping the executable bits (configure).
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    Ok(())
}
