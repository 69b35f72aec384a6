//! The web app entry point (trunk builds this binary for wasm32). Thin: mounts the UI.

fn main() {
    #[cfg(target_arch = "wasm32")]
    shoplens::ui::mount();
}
