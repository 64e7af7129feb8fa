//! Writes the man pages and shell completions of `fishd` and `fishctl`
//! from their clap definitions (`src/cli/`) into the directory given
//! (default `target/assets`). Run by `packaging/build`.
//!
//!     cargo run --example gen-assets -- target/assets

use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::Shell;

fn main() -> std::io::Result<()> {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "target/assets".into()));
    let commands = [fish::cli::fishd::Cli::command(), fish::cli::fishctl::Cli::command()];
    std::fs::create_dir_all(out.join("man"))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        std::fs::create_dir_all(out.join("completions").join(shell.to_string()))?;
    }
    for cmd in commands {
        let name = cmd.get_name().to_string();
        let mut page = Vec::new();
        clap_mangen::Man::new(cmd.clone()).section("1").render(&mut page)?;
        std::fs::write(out.join("man").join(format!("{name}.1")), page)?;
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let dir = out.join("completions").join(shell.to_string());
            clap_complete::generate_to(shell, &mut cmd.clone(), &name, &dir)?;
        }
    }
    eprintln!("wrote man pages and completions to {}", out.display());
    Ok(())
}
