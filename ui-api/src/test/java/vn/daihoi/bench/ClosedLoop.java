package vn.daihoi.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A closed-loop load client: exactly {@code concurrency} requests in flight (one per worker thread, each sending its
 * next request as soon as the previous one answered) until the list is exhausted. Every request's latency is the
 * time from just before it is handed to the HTTP client to the moment its whole answer has been read.
 */
final class ClosedLoop implements AutoCloseable {

    private final HttpClient client;
    private final int concurrency;
    private final ExecutorService workers;

    ClosedLoop(HttpClient client, int concurrency) {
        this.client = client;
        this.concurrency = concurrency;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "bench-worker-" + concurrency + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    int concurrency() {
        return concurrency;
    }

    HttpClient client() {
        return client;
    }

    /** What one run measured; arrays are indexed by dispatch order. */
    static final class Run {
        final int count;
        final long startNanos;
        long endNanos;
        final long[] sentNanos;
        final long[] doneNanos;
        final int[] status;
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final List<String> errorSamples = java.util.Collections.synchronizedList(new ArrayList<>());
        final int expected;

        Run(int count, int expected) {
            this.count = count;
            this.expected = expected;
            this.sentNanos = new long[count];
            this.doneNanos = new long[count];
            this.status = new int[count];
            this.startNanos = System.nanoTime();
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        long latencyNanos(int i) {
            return doneNanos[i] - sentNanos[i];
        }

        int errors() {
            int e = 0;
            for (int s : status) if (s != expected) e++;
            return e;
        }

        Map<Integer, Integer> statusCounts() {
            return new TreeMap<>(statuses);
        }
    }

    Run run(List<HttpRequest> requests, int expectedStatus) {
        return run(requests, expectedStatus, null);
    }

    /** The status {@link #run(List, int, Predicate)} records for an answer of the expected status whose body is not the expected one. */
    static final int WRONG_BODY = -2;

    /**
     * As {@link #run(List, int)}; an answer of the expected status whose body {@code bodyOk} refuses (when given) is
     * recorded as {@link #WRONG_BODY}, an error.
     */
    Run run(List<HttpRequest> requests, int expectedStatus, Predicate<byte[]> bodyOk) {
        Run run = new Run(requests.size(), expectedStatus);
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(concurrency, requests.size());
        CountDownLatch done = new CountDownLatch(threads);
        for (int w = 0; w < threads; w++) {
            workers.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        run.sentNanos[i] = System.nanoTime();
                        int status;
                        try {
                            HttpResponse<byte[]> r = client.send(requests.get(i), HttpResponse.BodyHandlers.ofByteArray());
                            status = r.statusCode();
                            if (status == expectedStatus && bodyOk != null && !bodyOk.test(r.body())) status = WRONG_BODY;
                            if (status != expectedStatus && run.errorSamples.size() < 5) {
                                run.errorSamples.add(status + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        } catch (Exception e) {
                            status = -1;
                            if (run.errorSamples.size() < 5) run.errorSamples.add(e.toString());
                            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
                        }
                        run.doneNanos[i] = System.nanoTime();
                        run.status[i] = status;
                        run.statuses.merge(status, 1, Integer::sum);
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        run.endNanos = System.nanoTime();
        return run;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
