package vn.daihoi.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yardstick: {@code pgbench} single-row INSERT throughput on the same server, in a scratch database created
 * and dropped here: table {@code t(id bigserial primary key, v int)}, script {@code insert into t(v) values (1);},
 * one transaction (and so one WAL flush) per insert, default server settings.
 */
final class PgBench {

    record Result(int clients, int threads, int seconds, double tps, double latencyMs, long transactions, String command,
                  CpuMeter.Usage cpu, java.util.Map<String, Double> pg, String error) {}

    static String binary() {
        List<String> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) candidates.add(dir + "/pgbench");
        try (var s = Files.list(Path.of("/usr/lib/postgresql"))) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(v -> candidates.add(v.resolve("bin/pgbench").toString()));
        } catch (Exception none) {
            // no Debian layout
        }
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse(null);
    }

    static List<Result> run(BenchDatabase db, int[] clients, int[] seconds) {
        List<Result> out = new ArrayList<>();
        String bin = binary();
        String name = "daihoi_pgbench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        if (bin == null) {
            out.add(new Result(0, 0, 0, 0, 0, 0, "pgbench", null, java.util.Map.of(), "pgbench not found on PATH or in /usr/lib/postgresql/*/bin"));
            return out;
        }
        try {
            try (Connection c = DriverManager.getConnection(db.urlOf("postgres"), db.user, "")) {
                BenchDatabase.exec(c, "create database " + name);
            }
            try (Connection c = DriverManager.getConnection(db.urlOf(name), db.user, "")) {
                BenchDatabase.exec(c, "create table t (id bigserial primary key, v int)");
            }
            BenchDatabase scratch = db.sibling(name);
            Path script = Files.createTempFile("pgbench-insert", ".sql");
            Files.writeString(script, "insert into t(v) values (1);\n");
            for (int i = 0; i < clients.length; i++) {
                int c = clients[i];
                int j = Math.min(c, 2);
                List<String> cmd = List.of(bin, "-h", db.host(), "-p", String.valueOf(db.port()), "-U", db.user, "-n",
                        "-c", String.valueOf(c), "-j", String.valueOf(j), "-T", String.valueOf(seconds[i]), "-f", script.toString(), name);
                String shown = "pgbench -n -c " + c + " -j " + j + " -T " + seconds[i] + " -f insert.sql";
                System.out.println("[bench] " + shown);
                java.util.Map<String, Double> pg0 = PgStats.sample(scratch);
                CpuMeter.Sample before = CpuMeter.sample();
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes());
                int rc = p.waitFor();
                CpuMeter.Usage cpu = CpuMeter.between(before, CpuMeter.sample());
                java.util.Map<String, Double> pg = new java.util.LinkedHashMap<>();
                PgStats.addDelta(pg, pg0, PgStats.sample(scratch));
                if (rc != 0) {
                    out.add(new Result(c, j, seconds[i], 0, 0, 0, shown, cpu, pg, "exit " + rc + ": " + text.strip()));
                    continue;
                }
                out.add(new Result(c, j, seconds[i], number(text, "tps = ([0-9.]+)"), number(text, "latency average = ([0-9.]+) ms"),
                        (long) number(text, "number of transactions actually processed: ([0-9]+)"), shown, cpu, pg, null));
            }
            Files.deleteIfExists(script);
        } catch (Exception e) {
            out.add(new Result(0, 0, 0, 0, 0, 0, "pgbench", null, java.util.Map.of(), e.toString()));
        } finally {
            try (Connection c = DriverManager.getConnection(db.urlOf("postgres"), db.user, "")) {
                BenchDatabase.exec(c, "drop database if exists " + name + " with (force)");
            } catch (Exception e) {
                System.err.println("could not drop " + name + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
