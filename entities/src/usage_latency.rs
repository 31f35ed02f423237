//! Latency distribution kept in the hourly rollups: one request counter per fixed log-scale
//! bucket, so percentiles over any range are a sum of counters (no raw rows needed) on SQLite and
//! Postgres alike. Bounds grow by ×2 and ×1.5 in turn (about ×√2), which keeps a percentile
//! within one bucket of the truth (at most a third of its value) from 2 ms to 6.5 minutes.

/// Number of buckets (columns `lat_b00` … `lat_b35` of `usage_hourly`).
pub const BUCKETS: usize = 36;

/// Exclusive upper bound in ms of every bucket but the last, which is open-ended.
pub const UPPER_MS: [i64; BUCKETS - 1] = [
    2, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1_024, 1_536, 2_048,
    3_072, 4_096, 6_144, 8_192, 12_288, 16_384, 24_576, 32_768, 49_152, 65_536, 98_304, 131_072,
    196_608, 262_144, 393_216,
];

/// Column names, in bucket order.
pub const COLUMNS: [&str; BUCKETS] = [
    "lat_b00", "lat_b01", "lat_b02", "lat_b03", "lat_b04", "lat_b05", "lat_b06", "lat_b07",
    "lat_b08", "lat_b09", "lat_b10", "lat_b11", "lat_b12", "lat_b13", "lat_b14", "lat_b15",
    "lat_b16", "lat_b17", "lat_b18", "lat_b19", "lat_b20", "lat_b21", "lat_b22", "lat_b23",
    "lat_b24", "lat_b25", "lat_b26", "lat_b27", "lat_b28", "lat_b29", "lat_b30", "lat_b31",
    "lat_b32", "lat_b33", "lat_b34", "lat_b35",
];

/// The bucket a latency falls in.
pub fn bucket_of(latency_ms: i64) -> usize {
    UPPER_MS.partition_point(|&upper| upper <= latency_ms)
}

/// `[lower, upper)` of a bucket in ms; the last bucket reports its lower bound twice.
pub fn bounds(bucket: usize) -> (i64, i64) {
    let lower = match bucket {
        0 => 0,
        b => UPPER_MS
            .get(b - 1)
            .copied()
            .unwrap_or(UPPER_MS[BUCKETS - 2]),
    };
    let upper = UPPER_MS.get(bucket).copied().unwrap_or(lower);
    (lower, upper)
}

/// Request counts per latency bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Histogram(pub [i64; BUCKETS]);

impl Default for Histogram {
    fn default() -> Self {
        Self([0; BUCKETS])
    }
}

impl Histogram {
    pub fn record(&mut self, latency_ms: i64) {
        if let Some(count) = self.0.get_mut(bucket_of(latency_ms)) {
            *count += 1;
        }
    }

    pub fn merge(&mut self, other: &Histogram) {
        self.add_signed(other, 1);
    }

    pub fn add_signed(&mut self, other: &Histogram, sign: i64) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += sign * theirs;
        }
    }

    pub fn count(&self) -> i64 {
        self.0.iter().sum()
    }

    /// The `q`-quantile (0 < q ≤ 1) in ms, interpolated linearly inside its bucket; `None`
    /// when no request was counted.
    pub fn quantile(&self, q: f64) -> Option<i64> {
        let total = self.count();
        if total == 0 {
            return None;
        }
        let target = q.clamp(0.0, 1.0) * total as f64;
        let mut before = 0.0;
        for (bucket, &count) in self.0.iter().enumerate() {
            let count = count as f64;
            if count > 0.0 && before + count >= target {
                let (lower, upper) = bounds(bucket);
                let share = (target - before) / count;
                return Some((lower as f64 + (upper - lower) as f64 * share).round() as i64);
            }
            before += count;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_cover_every_latency_once() {
        assert_eq!(bucket_of(0), 0);
        assert_eq!(bucket_of(1), 0);
        assert_eq!(bucket_of(2), 1);
        assert_eq!(bucket_of(3), 1);
        assert_eq!(bucket_of(100), 11);
        assert_eq!(bounds(11), (96, 128));
        assert_eq!(bucket_of(393_215), 34);
        assert_eq!(bucket_of(393_216), 35);
        assert_eq!(bucket_of(i64::MAX), 35);
        assert_eq!(bounds(35), (393_216, 393_216));
        for (i, name) in COLUMNS.iter().enumerate() {
            assert_eq!(*name, format!("lat_b{i:02}"));
        }
    }

    #[test]
    fn quantiles_land_in_the_true_value_s_bucket() {
        let mut h = Histogram::default();
        for ms in 1..=1000 {
            h.record(ms);
        }
        let p50 = h.quantile(0.5).unwrap();
        let p95 = h.quantile(0.95).unwrap();
        assert_eq!(bucket_of(p50), bucket_of(500), "{p50}");
        assert_eq!(bucket_of(p95), bucket_of(950), "{p95}");
        // Uniform data interpolates to nearly the exact value.
        assert!((p50 - 500).abs() <= 3, "{p50}");
        assert_eq!(Histogram::default().quantile(0.5), None);
    }

    #[test]
    fn one_request_reports_a_value_inside_its_bucket() {
        let mut h = Histogram::default();
        h.record(100);
        let (lower, upper) = bounds(bucket_of(100));
        let p50 = h.quantile(0.5).unwrap();
        assert!(lower <= p50 && p50 < upper, "{p50}");
        let p95 = h.quantile(0.95).unwrap();
        assert!(p50 < p95 && p95 <= upper, "{p95}");
    }

    #[test]
    fn merging_adds_counts() {
        let (mut a, mut b) = (Histogram::default(), Histogram::default());
        a.record(5);
        b.record(5);
        b.record(5000);
        a.merge(&b);
        assert_eq!(a.count(), 3);
        assert_eq!(a.0[bucket_of(5)], 2);
    }
}
