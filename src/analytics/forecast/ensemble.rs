//! Ensembles (placeholder).
