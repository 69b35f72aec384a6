//! Subcommands. Each lives in `cli/<name>.rs` with a `clap::Args` struct named `Args` and
//! `pub fn run(args: Args) -> Result<(), String>`; an error prints as one line on stderr and the
//! process exits with status 1.

use clap::{Parser, Subcommand};

mod abtest;
mod profile;

#[derive(Parser)]
#[command(name = "shoplens", version, about = "Private analytics for small online merchants")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import order files: the chosen column mapping, the cleaning report and the KPIs.
    Profile(profile::Args),
    /// A/B test: z-test or Welch t-test, Bayesian P(best), sample-ratio check, sample size.
    Abtest(abtest::Args),
}

pub fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Profile(a) => profile::run(a),
        Command::Abtest(a) => abtest::run(a),
    };
    if let Err(msg) = result {
        eprintln!("shoplens: {msg}");
        std::process::exit(1);
    }
}
