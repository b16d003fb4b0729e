package vn.daihoi.common.infra;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The thread that takes snapshots ({@link Snapshots}), off the thread of the command that crossed the threshold: the
 * command answers without waiting for its aggregate to be read again and written as a snapshot. One thread, stopped
 * with the application context (a snapshot under way may finish; one not yet begun is dropped — it is only a
 * shortcut, the events are the record).
 */
@Component
public class SnapshotTaker implements Executor, DisposableBean {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "snapshot-taker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable snapshot) {
        try {
            thread.execute(snapshot);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The context is closing: no snapshot now; the next load reads the events instead.
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }
}
