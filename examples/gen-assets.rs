//! Writes the man pages (`packaging/man/render.rs`) and the shell
//! completions of `fishd` and `fishctl` from their clap definitions
//! (`src/cli/`) into the directory given (default `target/assets`). Run by
//! `packaging/build`.
//!
//!     cargo run --example gen-assets -- target/assets

use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::Shell;

#[path = "../packaging/man/render.rs"]
mod man;

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/assets".into()));
    std::fs::create_dir_all(out.join("man"))?;
    for (name, page) in man::pages() {
        std::fs::write(out.join("man").join(name), page)?;
    }
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let dir = out.join("completions").join(shell.to_string());
        std::fs::create_dir_all(&dir)?;
        for mut cmd in [fish::cli::fishd::Cli::command(), fish::cli::fishctl::Cli::command()] {
            let name = cmd.get_name().to_string();
            clap_complete::generate_to(shell, &mut cmd, &name, &dir)?;
        }
    }
    eprintln!("wrote man pages and completions to {}", out.display());
    Ok(())
}
