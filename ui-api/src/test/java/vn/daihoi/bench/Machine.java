package vn.daihoi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine the benchmark ran on, as Linux and the JVM report it. */
final class Machine {

    private Machine() {}

    static Map<String, String> facts() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("CPUs (`nproc`)", command("nproc") + " (JVM sees " + Runtime.getRuntime().availableProcessors() + ")");
        f.put("CPU model", cpuinfo("model name") + cpuMhz());
        f.put("memory", meminfo("MemTotal"));
        f.put("kernel", read("/proc/sys/kernel/osrelease"));
        f.put("virtualisation", virtualisation());
        f.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vendor") + "), max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, GC "
                + String.join(" + ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName()).toList()));
        return f;
    }

    /** The first line of {@code java -version}'s output of the JVM that runs this. */
    static String javaVersionLine() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return command(java, "-version").lines().findFirst().orElse("?");
    }

    private static String cpuMhz() {
        String mhz = cpuinfo("cpu MHz");
        return mhz.equals("?") ? "" : " (" + mhz.replaceFirst("\\..*", "") + " MHz reported)";
    }

    private static String virtualisation() {
        String flags = cpuinfo("flags");
        String v = command("systemd-detect-virt");
        if (!v.isBlank() && !v.equals("?")) return v;
        return flags.contains("hypervisor") ? "virtual machine (hypervisor flag set)" : "none detected";
    }

    private static String cpuinfo(String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith(key)) return l.substring(l.indexOf(':') + 1).strip();
            }
        } catch (Exception e) {
            // not Linux
        }
        return "?";
    }

    private static String meminfo(String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith(key + ":")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB (%s: %d kB)", kb / 1024.0 / 1024.0, key, kb);
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return "?";
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (Exception e) {
            return "?";
        }
    }

    static String command(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return out;
        } catch (Exception e) {
            return "?";
        }
    }
}
