//! Randomness for backoff jitter and idempotency ids, from the operating
//! system's generator.

use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};

/// 64 random bits. From the OS generator; should it ever fail, from std's
/// randomly keyed SipHash over a process-wide counter and the clock, which
/// is still unpredictable and unique within the process.
pub(crate) fn random_u64() -> u64 {
    let mut bytes = [0u8; 8];
    if getrandom::getrandom(&mut bytes).is_ok() {
        return u64::from_le_bytes(bytes);
    }
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    hasher.write_u128(nanos);
    hasher.finish()
}

/// A uniformly random duration in `0..=max` (full jitter).
pub(crate) fn jitter(max: std::time::Duration) -> std::time::Duration {
    let nanos = u64::try_from(max.as_nanos()).unwrap_or(u64::MAX);
    if nanos == 0 {
        return max;
    }
    // The modulo bias over 64 random bits is far below anything that matters
    // for a backoff.
    std::time::Duration::from_nanos(random_u64() % nanos.saturating_add(1))
}

/// A random (version 4) UUID in its usual lower-case text form, e.g.
/// `0b6f5c1e-3c4f-4d7a-9a3e-1f2b3c4d5e6f`: 122 random bits, so two ids
/// never collide in practice, across processes and machines.
pub(crate) fn uuid_v4() -> String {
    let high = random_u64();
    let low = random_u64();
    let high = (high & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000; // version 4
    let low = (low & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000; // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;
    use std::time::Duration;

    #[test]
    fn uuids_are_version_4_and_distinct() {
        let ids: HashSet<String> = (0..1000).map(|_| uuid_v4()).collect();
        assert_eq!(ids.len(), 1000);
        for id in ids.iter().take(20) {
            let parts: Vec<&str> = id.split('-').collect();
            assert_eq!(
                parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
                [8, 4, 4, 4, 12]
            );
            assert!(parts[2].starts_with('4'), "{id}");
            assert!(matches!(&parts[3][..1], "8" | "9" | "a" | "b"), "{id}");
            assert!(id.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        }
    }

    #[test]
    fn jitter_stays_within_its_bound_and_varies() {
        let max = Duration::from_millis(100);
        let draws: Vec<Duration> = (0..200).map(|_| jitter(max)).collect();
        assert!(draws.iter().all(|d| *d <= max));
        let distinct: HashSet<Duration> = draws.iter().copied().collect();
        assert!(distinct.len() > 150, "{} distinct draws", distinct.len());
        assert_eq!(jitter(Duration::ZERO), Duration::ZERO);
    }
}
