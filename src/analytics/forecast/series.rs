//! Series (placeholder).
/// A long-format series.
#[derive(Debug, Clone, Default)]
pub struct LongSeries {
    pub id: String,
}
