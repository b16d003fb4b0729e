package vn.daihoi.bench;

import java.util.Arrays;

/** Exact percentiles (nearest rank) of recorded latencies. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void add(long n) {
        if (size == nanos.length) nanos = Arrays.copyOf(nanos, size * 2);
        nanos[size++] = n;
    }

    void addAll(ClosedLoop.Run run) {
        for (int i = 0; i < run.count; i++) add(run.latencyNanos(i));
    }

    int size() {
        return size;
    }

    /** @param p 0..100 */
    double percentileMs(double p) {
        if (size == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    double meanMs() {
        if (size == 0) return Double.NaN;
        double s = 0;
        for (int i = 0; i < size; i++) s += nanos[i];
        return s / size / 1e6;
    }

    double maxMs() {
        return percentileMs(100);
    }
}
