//! Messages between the UI (main thread) and the Web Worker.
