//! Product layer (placeholder).
