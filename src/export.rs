//! CSV export shared by the UI and the CLI.
