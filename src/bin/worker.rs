//! The Web Worker entry point (trunk: data-type="worker"). Thin: starts the worker loop.

fn main() {
    #[cfg(target_arch = "wasm32")]
    shoplens::worker::start();
}
