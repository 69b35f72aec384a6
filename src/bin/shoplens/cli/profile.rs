//! `shoplens profile FILE... [--json]` (written by the ingestion work).

#[derive(clap::Args)]
pub struct Args {
    /// Order files (CSV, optionally .csv.gz).
    #[arg(required = true)]
    pub files: Vec<std::path::PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(_args: Args) -> Result<(), String> {
    Err("profile: not implemented yet".into())
}
