package vn.daihoi.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The source of axe-core's {@code axe.min.js}, fetched from the npm registry at test time rather than committed
 * (it is half a megabyte of someone else's minified code). The tarball is trusted only if it matches the
 * integrity npm publishes for that version; the extracted file is cached under the user's home with its own
 * SHA-256 beside it, and a cached copy that no longer matches is fetched again.
 */
final class AxeCore {
    static final String VERSION = "4.14.1";
    private static final URI TARBALL = URI.create("https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz");
    /** npm's dist.integrity for axe-core 4.14.1: base64 of the SHA-512 of the .tgz. */
    private static final String INTEGRITY =
            "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";
    private static final String ENTRY = "package/axe.min.js";

    private static volatile String source;
    /** How the source was got the first time in this JVM, e.g. "downloaded and verified in 812 ms"; for test logs. */
    static volatile String provenance = "not loaded";

    private AxeCore() {}

    static Path defaultCacheDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "daihoi", "axe-core-" + VERSION);
    }

    /** axe.min.js, once per JVM: every page check reuses the same string. */
    static String source() {
        String s = source;
        if (s == null) {
            synchronized (AxeCore.class) {
                if (source == null) {
                    source = load(defaultCacheDir());
                }
                s = source;
            }
        }
        return s;
    }

    static String load(Path cacheDir) {
        long started = System.nanoTime();
        Optional<byte[]> cached = readVerified(cacheDir);
        if (cached.isPresent()) {
            provenance = "read from cache " + cacheDir + " in " + millisSince(started) + " ms";
            return new String(cached.get(), StandardCharsets.UTF_8);
        }
        byte[] tgz = download();
        long downloaded = millisSince(started);
        checkIntegrity(tgz, INTEGRITY);
        byte[] js = extract(tgz, ENTRY);
        writeCache(cacheDir, js);
        provenance = "downloaded (" + tgz.length + " B) in " + downloaded + " ms, verified, extracted and cached in "
                + (millisSince(started) - downloaded) + " ms more";
        return new String(js, StandardCharsets.UTF_8);
    }

    /** The cached axe.min.js if it is there and still has the SHA-256 recorded when it was extracted. */
    static Optional<byte[]> readVerified(Path cacheDir) {
        try {
            Path js = cacheDir.resolve("axe.min.js");
            Path sum = cacheDir.resolve("axe.min.js.sha256");
            if (!Files.isRegularFile(js) || !Files.isRegularFile(sum)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(js);
            String expected = Files.readString(sum, StandardCharsets.US_ASCII).trim();
            return HexFormat.of().formatHex(digest("SHA-256", bytes)).equals(expected) ? Optional.of(bytes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // any doubt: fetch again
        }
    }

    private static void writeCache(Path cacheDir, byte[] js) {
        try {
            Files.createDirectories(cacheDir);
            // Written aside and moved into place, so a concurrent reader never sees half a file; the checksum goes
            // last, so a file without one (or with a stale one) is never trusted.
            Path tmp = Files.createTempFile(cacheDir, "axe", ".tmp");
            Files.write(tmp, js);
            Files.move(tmp, cacheDir.resolve("axe.min.js"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path sumTmp = Files.createTempFile(cacheDir, "axe", ".tmp");
            Files.writeString(sumTmp, HexFormat.of().formatHex(digest("SHA-256", js)) + "\n", StandardCharsets.US_ASCII);
            Files.move(sumTmp, cacheDir.resolve("axe.min.js.sha256"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Not fatal: the next run downloads again.
            System.err.println("axe-core: could not cache " + cacheDir + ": " + e);
        }
    }

    private static byte[] download() {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        try {
            HttpResponse<byte[]> response = client.send(
                    HttpRequest.newBuilder(TARBALL).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("axe-core: " + TARBALL + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError("axe-core: could not download " + TARBALL + " (the accessibility checks need the npm registry once; "
                    + "afterwards the copy in " + defaultCacheDir() + " is used): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("axe-core: interrupted while downloading " + TARBALL, e);
        }
    }

    /** Fails unless the bytes have the given Subresource-Integrity-style value ("sha512-" + base64 digest). */
    static void checkIntegrity(byte[] bytes, String integrity) {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("only sha512 integrity values are expected: " + integrity);
        }
        String actual = "sha512-" + Base64.getEncoder().encodeToString(digest("SHA-512", bytes));
        if (!actual.equals(integrity)) {
            throw new AssertionError("axe-core: the tarball's integrity is " + actual + ", npm publishes " + integrity
                    + " for " + VERSION + "; refusing to run it");
        }
    }

    /**
     * One regular file out of a gzipped tar, by name. Just enough of ustar for npm tarballs: 512-byte headers,
     * the name in bytes 0..100 with the ustar prefix in 345..500, the size in octal at 124, the type at 156;
     * every other entry (directories, pax headers) is skipped by its size.
     */
    static byte[] extract(byte[] tgz, String wanted) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
            byte[] header = new byte[512];
            while (readFully(in, header)) {
                if (isZeros(header)) {
                    break; // end of archive
                }
                String name = field(header, 0, 100);
                String prefix = "ustar".equals(field(header, 257, 5)) ? field(header, 345, 155) : "";
                String path = prefix.isEmpty() ? name : prefix + "/" + name;
                String octal = field(header, 124, 12).trim();
                long size = octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
                char type = (char) header[156];
                boolean regular = type == '0' || type == 0;
                if (regular && path.equals(wanted)) {
                    byte[] content = new byte[Math.toIntExact(size)];
                    if (!readFully(in, content)) {
                        throw new AssertionError("axe-core: " + wanted + " is truncated in the tarball");
                    }
                    return content;
                }
                in.skipNBytes((size + 511) / 512 * 512);
            }
        } catch (IOException e) {
            throw new AssertionError("axe-core: could not read the tarball: " + e, e);
        }
        throw new AssertionError("axe-core: the tarball has no " + wanted);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZeros(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** False at a clean end of stream before the first byte; an end in the middle is an error. */
    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
            return false;
        }
        if (n < buffer.length) {
            throw new IOException("unexpected end of tar stream");
        }
        return true;
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
