package io.prompd.generator.serve;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK server's workers, each exchange under a time limit. The JDK reads a request and writes its answer on
 * the worker's blocking socket channel, so interrupting the worker closes that channel and frees the worker. The
 * JDK's own limits ({@code sun.net.httpserver.maxReqTime}, {@code maxRspTime}) would cut off a whole answer that
 * takes long rather than a pause in it, and they are read once per process, into constants, so one server's
 * settings could not differ from another's.
 */
final class TimedWorkers implements Executor, AutoCloseable {

    private final ServeSettings settings;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService alarms;
    private final ThreadLocal<Watch> watched = new ThreadLocal<>();

    TimedWorkers(ServeSettings settings) {
        this.settings = settings;
        // started one by one as requests come, up to the cap, and ended again when idle
        this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>());
        workers.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "prompd-serve-time-limits");
            thread.setDaemon(true);
            return thread;
        });
        // an alarm is moved at each part of a download sent: the ones moved from must not pile up until due
        alarms.setRemoveOnCancelPolicy(true);
        this.alarms = alarms;
    }

    /** Runs one of the JDK's exchanges, which starts by reading the request, under the request's time limit. */
    @Override
    public void execute(Runnable exchange) {
        workers.execute(() -> {
            Watch watch = new Watch(Thread.currentThread());
            watched.set(watch);
            watch.limit(settings.requestTime());
            try {
                exchange.run();
            } finally {
                watch.end();
                watched.remove();
                // an alarm that rang as the exchange ended must not cut the next one short
                Thread.interrupted();
            }
        });
    }

    /**
     * Called by the handler on the exchange's worker once the request has arrived, and again after each part of the
     * answer the client has taken: the client then has the send time to take the next part.
     */
    void answering() {
        watched.get().limit(settings.sendTime());
    }

    @Override
    public void close() {
        workers.shutdownNow();
        alarms.shutdownNow();
    }

    /** One exchange's alarm, which can only interrupt its worker while that exchange runs. */
    private final class Watch {

        private final Thread worker;
        private ScheduledFuture<?> alarm;
        private boolean ended;

        Watch(Thread worker) {
            this.worker = worker;
        }

        synchronized void limit(Duration time) {
            if (alarm != null) {
                alarm.cancel(false);
            }
            alarm = alarms.schedule(this::ring, time.toMillis(), TimeUnit.MILLISECONDS);
        }

        private synchronized void ring() {
            if (!ended) {
                worker.interrupt();
            }
        }

        synchronized void end() {
            ended = true;
            alarm.cancel(false);
        }
    }
}
