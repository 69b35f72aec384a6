//! Regression (placeholder).
