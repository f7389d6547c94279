package io.ksr.bench;

/**
 * Counts latencies in microseconds: exactly below 2,048 µs, and above that in buckets 1/1,024 of a
 * power of two wide, so a percentile is off by at most 0.1% without keeping every sample.
 */
final class LatencyHistogram {
  private static final int EXACT = 2048;
  private static final int SUB_BUCKETS = 1024;
  private static final int EXACT_BITS = 11;
  private static final int MAX_EXPONENT = 40;

  private final long[] counts = new long[EXACT + (MAX_EXPONENT - EXACT_BITS + 1) * SUB_BUCKETS];
  private long total;

  void record(final long micros) {
    counts[index(Math.max(0, micros))]++;
    total++;
  }

  void add(final LatencyHistogram other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
  }

  long total() {
    return total;
  }

  /** The latency at or under which {@code percentile} percent of the recorded ones are. */
  long percentile(final double percentile) {
    if (total == 0) {
      return 0;
    }
    final long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return upperBound(i);
      }
    }
    return upperBound(counts.length - 1);
  }

  private static int index(final long micros) {
    if (micros < EXACT) {
      return (int) micros;
    }
    final int exponent = Math.min(MAX_EXPONENT, 63 - Long.numberOfLeadingZeros(micros));
    final int shift = exponent - (EXACT_BITS - 1);
    final long sub = Math.min(2L * SUB_BUCKETS - 1, micros >> shift) - SUB_BUCKETS;
    return EXACT + (exponent - EXACT_BITS) * SUB_BUCKETS + (int) sub;
  }

  private static long upperBound(final int index) {
    if (index < EXACT) {
      return index;
    }
    final int exponent = (index - EXACT) / SUB_BUCKETS + EXACT_BITS;
    final long sub = (index - EXACT) % SUB_BUCKETS + SUB_BUCKETS;
    final int shift = exponent - (EXACT_BITS - 1);
    return ((sub + 1) << shift) - 1;
  }
}
