//! Seasonal ARIMA (placeholder, filled in below).
