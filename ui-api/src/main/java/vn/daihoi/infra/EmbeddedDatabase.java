package vn.daihoi.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded PostgreSQL of ADR 0002, made fit to hold a congress (ADR 0012): durable (fsync, synchronous commit
 * and full-page writes on, whatever the jar's test defaults say), reachable on loopback only and only as the
 * application's role with a password generated on first start and kept beside the data (mode 0600), and
 * supervised: a watchdog notices a postmaster that died and starts it again on the same data and port, where
 * crash recovery replays the write-ahead log.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String ROLE = "postgres";
    static final String SECRET_FILE = "embedded-postgres.secret";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final Path secretFile;
    private final int port;
    private final Duration startTimeout;
    private final String password;
    private final Object lifecycle = new Object();
    private final AtomicInteger restarts = new AtomicInteger();
    private EmbeddedPostgres server;
    private ScheduledExecutorService watchdog;
    private boolean closed;

    /**
     * @param dataDir      the application's data folder; the cluster lives in {@code dataDir/postgres}, the secret in
     *                     {@code dataDir/embedded-postgres.secret}
     * @param startTimeout how long one start (initdb included) may take before it is reported as failed
     */
    public EmbeddedDatabase(Path dataDir, int port, Duration startTimeout) {
        this.directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        this.secretFile = dataDir.resolve(SECRET_FILE).toAbsolutePath().normalize();
        this.port = port;
        this.startTimeout = startTimeout;
        try {
            Files.createDirectories(directory.getParent());
            this.password = secret(secretFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded PostgreSQL's secret in " + secretFile, e);
        }
    }

    /** Starts the server, upgrades a cluster an older release left open to trust, then supervises it. */
    public EmbeddedDatabase start(Duration watchInterval) {
        synchronized (lifecycle) {
            server = launch();
            upgradeFromTrust();
            watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "embedded-postgres-watchdog");
                t.setDaemon(true);
                return t;
            });
            watchdog.scheduleWithFixedDelay(this::watch, watchInterval.toMillis(), watchInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return ROLE;
    }

    public String password() {
        return password;
    }

    public Path directory() {
        return directory;
    }

    public Path secretFile() {
        return secretFile;
    }

    /** How many times the watchdog has started a postmaster that had died. */
    public int restarts() {
        return restarts.get();
    }

    /** The running postmaster's process id, from the first line of {@code postmaster.pid}; -1 if there is none. */
    public long postmasterPid() {
        try {
            String first = Files.readAllLines(directory.resolve("postmaster.pid"), StandardCharsets.US_ASCII).get(0).strip();
            return Long.parseLong(first);
        } catch (IOException | RuntimeException noPidFile) {
            return -1;
        }
    }

    private boolean postmasterAlive() {
        long pid = postmasterPid();
        if (pid <= 0 || !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
        try {
            // A killed postmaster whose parent has not reaped it yet is a zombie: dead for our purpose.
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException noProcfs) {
            return true;
        }
    }

    private void watch() {
        synchronized (lifecycle) {
            if (closed || postmasterAlive()) return;
            long started = System.nanoTime();
            log.atWarn().addKeyValue("dataDirectory", directory).addKeyValue("port", port)
                    .log("the embedded PostgreSQL is not running; starting it again (crash recovery replays the write-ahead log)");
            // The jar's close() runs "pg_ctl stop" against the dead server (it fails, and logs so, after ~1.9 s, by
            // which time the dead postmaster has been reaped) and releases the data directory's lock. Starting at
            // once instead, without it, failed here every time and waited out the whole start timeout.
            try {
                if (server != null) server.close();
            } catch (IOException | RuntimeException e) {
                log.atDebug().setCause(e).log("closing the dead embedded PostgreSQL");
            }
            server = null;
            awaitBackendsGone();
            removeStalePidFile();
            try {
                server = launch();
                restarts.incrementAndGet();
                log.atWarn().addKeyValue("restarts", restarts.get())
                        .addKeyValue("millis", (System.nanoTime() - started) / 1_000_000)
                        .log("the embedded PostgreSQL runs again");
            } catch (RuntimeException e) {
                log.atError().setCause(e).log("the embedded PostgreSQL could not be started again; retrying");
            }
        }
    }

    private EmbeddedPostgres launch() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(startTimeout)
                    // The jar starts the server with "-F" (fsync off) and synchronous_commit=off, fit for tests only;
                    // these later "-c" settings win over them, as SHOW reports (EmbeddedDefaultTest).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("timezone", "UTC")
                    // initdb (first start only): the superuser's password from the secret file, never trust.
                    .setLocaleConfig("pwfile", secretFile.toString())
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(dir -> {
                        if (!trusting(dir.toPath())) writeHba(dir.toPath());
                    })
                    .start();
        } catch (IOException e) {
            stopStray();
            throw new IllegalStateException(("The embedded PostgreSQL in %s did not accept connections within %d ms "
                    + "(daihoi.embedded.start-timeout, environment variable DAIHOI_EMBEDDED_START_TIMEOUT): raise it on a "
                    + "slow or busy machine, or check the server's log above. Cause: %s")
                    .formatted(directory, startTimeout.toMillis(), e.getMessage()), e);
        }
    }

    /** A server that pg_ctl started but that did not answer in time is not left running behind the failure. */
    private void stopStray() {
        releaseLock();
        long pid = postmasterPid();
        if (pid <= 0) return;
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy(); // SIGTERM: PostgreSQL's smart shutdown
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        });
    }

    /**
     * A start that failed, or a server that died, still holds the jar's lock on the file "epg-lock" in this process
     * (the jar releases it only by stopping the server). A new file of that name lets the next start lock it; what
     * keeps two servers off one data directory is PostgreSQL's own postmaster.pid, which a live server holds.
     */
    private void releaseLock() {
        try {
            Files.deleteIfExists(directory.resolve("epg-lock"));
        } catch (IOException e) {
            log.atDebug().setCause(e).log("removing the embedded PostgreSQL's lock file");
        }
    }

    /**
     * The killed postmaster's backends notice its death and exit, but until the last one has, PostgreSQL refuses to
     * start on the data directory ("pre-existing shared memory block is still in use") and the start would wait out
     * its whole timeout. The stale postmaster.pid names the shared memory segment (line 7: key, id); the segment's
     * attach count in /proc/sysvipc/shm says when the last backend is gone. At most 10 s.
     */
    private void awaitBackendsGone() {
        String shmid;
        try {
            java.util.List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            String[] keyAndId = lines.size() > 6 ? lines.get(6).strip().split("\\s+") : new String[0];
            if (keyAndId.length < 2) return;
            shmid = keyAndId[1];
        } catch (IOException noPidFile) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                boolean attached = Files.readAllLines(Path.of("/proc/sysvipc/shm")).stream().skip(1)
                        .map(l -> l.strip().split("\\s+"))
                        .anyMatch(f -> f.length > 6 && f[1].equals(shmid) && !f[6].equals("0"));
                if (!attached) return;
                Thread.sleep(50);
            } catch (IOException noProcfs) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The dead postmaster's lock file names its pid. Until its parent (here the machine's init, which may take a
     * second or two) reaps it, that pid still exists as a zombie, and a new postmaster takes the file for another
     * server's and refuses to start. The watchdog has established that the process is dead, and
     * {@link #awaitBackendsGone} that nobody uses its shared memory: the file is stale.
     */
    private void removeStalePidFile() {
        if (postmasterAlive()) return;
        try {
            Files.deleteIfExists(directory.resolve("postmaster.pid"));
        } catch (IOException e) {
            log.atWarn().setCause(e).log("could not remove the dead embedded PostgreSQL's postmaster.pid");
        }
    }

    /** A cluster an older release initialised with {@code trust}: give the role its password, then close the door. */
    private void upgradeFromTrust() {
        if (!trusting(directory)) return;
        log.atWarn().addKeyValue("dataDirectory", directory)
                .log("the embedded PostgreSQL trusted local connections; setting its password and requiring it");
        try (Connection c = connect(password); Statement s = c.createStatement()) {
            s.execute("set password_encryption = 'scram-sha-256'");
            s.execute("alter role " + ROLE + " password '" + password + "'"); // base64url: no quote to escape
            writeHba(directory);
            s.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the embedded PostgreSQL's password", e);
        }
    }

    private Connection connect(String secret) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", ROLE);
        if (secret != null) p.setProperty("password", secret);
        p.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    private static boolean trusting(Path dir) {
        try {
            return Files.readAllLines(dir.resolve("pg_hba.conf")).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .anyMatch(l -> l.matches(".*\\strust(\\s.*)?"));
        } catch (IOException absent) {
            return false;
        }
    }

    private static void writeHba(Path dir) {
        String hba = """
                # Written by Đại hội at every start of its embedded server (ADR 0012): only the application's role,
                # only with its password (scram-sha-256), only over loopback or this machine's socket.
                local   all   %1$s                  scram-sha-256
                host    all   %1$s   127.0.0.1/32   scram-sha-256
                """.formatted(ROLE);
        try {
            Files.writeString(dir.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("pg_hba.conf"), e);
        }
    }

    /** The secret: read if it exists (and made owner-only again), otherwise generated and written with mode 0600. */
    private static String secret(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // another start wrote it first: read that one below
            }
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!secret.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException(file + " does not hold the embedded PostgreSQL's secret (16 or more of A-Z a-z 0-9 _ -)");
        }
        return secret;
    }

    @Override
    public void close() throws IOException {
        ScheduledExecutorService w;
        synchronized (lifecycle) {
            closed = true;
            w = watchdog;
        }
        if (w != null) {
            w.shutdownNow();
            try {
                w.awaitTermination(startTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (lifecycle) {
            if (server != null) server.close();
            server = null;
        }
    }
}
