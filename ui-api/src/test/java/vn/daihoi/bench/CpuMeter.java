package vn.daihoi.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went during a phase, from Linux's /proc and the JVM's thread clocks: the whole machine, this JVM
 * (split by thread: load client, Tomcat request threads, Axon event processors, other Java threads, and the JVM's
 * own GC/JIT threads as the remainder), all PostgreSQL processes, and everything else.
 */
final class CpuMeter {

    static final long TICKS_PER_SECOND = ticksPerSecond();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static {
        if (THREADS.isThreadCpuTimeSupported()) THREADS.setThreadCpuTimeEnabled(true);
    }

    /** Counters at one instant. */
    record Sample(long nanos, long machineTotal, long machineIdle, long machineIowait, long machineSteal, long jvm, long children,
                  long postgres, Map<Long, Long> threadCpu, Map<Long, String> threadCategory) {}

    /** Average busy cores over an interval, by consumer. */
    record Usage(double seconds, double machineCores, double busyCores, double iowaitCores, double stealCores, double jvmCores,
                 double childCores, double postgresCores, Map<String, Double> jvmByCategory) {
        double otherCores() {
            return Math.max(0, busyCores - jvmCores - childCores - postgresCores);
        }

        double busyShare() {
            return machineCores == 0 ? 0 : busyCores / machineCores;
        }
    }

    static Sample sample() {
        long[] cpu = machine();
        Map<Long, Long> threadCpu = new HashMap<>();
        Map<Long, String> category = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) continue;
            long ns = THREADS.getThreadCpuTime(t.getThreadId());
            if (ns < 0) continue;
            threadCpu.put(t.getThreadId(), ns);
            category.put(t.getThreadId(), category(t.getThreadName()));
        }
        long[] self = processTicks(Path.of("/proc/self/stat"));
        return new Sample(System.nanoTime(), cpu[0], cpu[1], cpu[2], cpu[3], self[0], self[1], postgresTicks(), threadCpu, category);
    }

    static String category(String name) {
        if (name.startsWith("bench-worker") || name.startsWith("HttpClient")) return "load client";
        if (name.startsWith("bench-")) return "setup client";
        if (name.startsWith("http-nio")) return "Tomcat request threads";
        if (name.startsWith("EventProcessor")) return "Axon event processors";
        return "other Java threads";
    }

    static Usage between(Sample a, Sample b) {
        double s = (b.nanos() - a.nanos()) / 1e9;
        double tick = TICKS_PER_SECOND * s;
        long total = b.machineTotal() - a.machineTotal();
        long idle = b.machineIdle() - a.machineIdle();
        long iowait = b.machineIowait() - a.machineIowait();
        Map<String, Double> byCategory = new LinkedHashMap<>();
        for (String c : new String[]{"load client", "setup client", "Tomcat request threads", "Axon event processors", "other Java threads"}) {
            byCategory.put(c, 0.0);
        }
        double threads = 0;
        for (Map.Entry<Long, Long> e : b.threadCpu().entrySet()) {
            long before = a.threadCpu().getOrDefault(e.getKey(), 0L);
            double cores = Math.max(0, e.getValue() - before) / 1e9 / s;
            threads += cores;
            byCategory.merge(b.threadCategory().get(e.getKey()), cores, Double::sum);
        }
        double jvm = (b.jvm() - a.jvm()) / tick;
        byCategory.put("JVM internals (GC, JIT; remainder)", Math.max(0, jvm - threads));
        return new Usage(s, total / tick, (total - idle - iowait) / tick, iowait / tick, (b.machineSteal() - a.machineSteal()) / tick,
                jvm, (b.children() - a.children()) / tick, (b.postgres() - a.postgres()) / tick, byCategory);
    }

    /** total, idle, iowait, steal jiffies of the "cpu" line of /proc/stat. */
    private static long[] machine() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]); // user..steal; guest is inside user
            return new long[]{total, Long.parseLong(f[4]), Long.parseLong(f[5]), f.length > 8 ? Long.parseLong(f[8]) : 0};
        } catch (IOException | RuntimeException e) {
            return new long[4];
        }
    }

    /** utime + stime of one process, and cutime + cstime of its children that ended, in clock ticks. */
    private static long[] processTicks(Path stat) {
        try {
            String s = Files.readString(stat);
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state); utime is field 14.
            return new long[]{Long.parseLong(f[11]) + Long.parseLong(f[12]), Long.parseLong(f[13]) + Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    private static long postgresTicks() {
        long sum = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) continue;
                try {
                    if (!Files.readString(p.resolve("comm")).strip().equals("postgres")) continue;
                } catch (IOException gone) {
                    continue;
                }
                long[] t = processTicks(p.resolve("stat"));
                sum += t[0] + t[1]; // the postmaster's children are the backends that ended
            }
        } catch (IOException e) {
            return 0;
        }
        return sum;
    }

    private static long ticksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return Long.parseLong(out);
        } catch (Exception e) {
            return 100;
        }
    }
}
