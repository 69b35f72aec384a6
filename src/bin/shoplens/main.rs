//! `shoplens`: the native command-line tool, a thin layer over the same core as the web app.
//! The CLI itself is in `cli.rs` (native only); on wasm32 this binary is empty.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    cli::main();
}
