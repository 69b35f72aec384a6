//! Seeded random draws shared by the pillars' models (k-means++ seeding, NNAR's starting
//! weights and simulated futures). Everything random in `analytics` takes a seed and draws
//! from a [`ChaCha8Rng`], so a run is reproducible on every platform.

use rand_chacha::rand_core::RngCore;
use rand_chacha::ChaCha8Rng;

/// Uniform in [0, 1): the top 53 bits of one 64-bit draw, scaled by 2⁻⁵³ (every value a
/// multiple of 2⁻⁵³, as `rand`'s standard `f64`).
pub(crate) fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;

    #[test]
    fn uniform_is_the_top_53_bits() {
        let mut a = ChaCha8Rng::seed_from_u64(1);
        let mut b = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..1000 {
            let u = uniform(&mut a);
            assert!((0.0..1.0).contains(&u));
            assert_eq!(u, (b.next_u64() >> 11) as f64 / 9_007_199_254_740_992.0);
        }
    }
}
