package vn.daihoi.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Ed25519 keys of the federations and of the instance (ADR 0018). The private key of each lives in one file,
 * {@code <dir>/<keyId>.key} (PKCS#8, base64, mode 0600), never in the database; the public key is in
 * {@code federation_key} and published. The key id is the first 16 hex digits of the SHA-256 of the public key
 * (X.509 DER), so anyone holding the public key can check the id.
 */
@Component
public class FederationKeys {

    private static final Logger log = LoggerFactory.getLogger(FederationKeys.class);
    public static final String ALGORITHM = "Ed25519";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Path dir;
    private final Clock clock;

    public FederationKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                          @Value("${daihoi.federation-keys.dir:${daihoi.data-dir:./data}/federation-keys}") String dir) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.dir = Path.of(dir).toAbsolutePath().normalize();
    }

    /** A published key. {@code unitId} null: the instance key (periodic checkpoints). */
    public record PublicKeyRow(String keyId, String unitId, String algorithm, byte[] publicKey, Instant createdAt, Instant retiredAt) {}

    public List<PublicKeyRow> all() {
        return jdbc.query("select * from federation_key order by created_at, key_id", (r, i) -> row(r));
    }

    public Optional<PublicKeyRow> byId(String keyId) {
        return jdbc.query("select * from federation_key where key_id = ?", (r, i) -> row(r), keyId).stream().findFirst();
    }

    /** The key in use for {@code unitId} (null: the instance), created the first time one must sign. */
    public PublicKeyRow inUse(String unitId) {
        Optional<PublicKeyRow> current = current(unitId);
        if (current.isPresent()) return current.get();
        try {
            PublicKeyRow created = create(unitId, false);
            log.atInfo().addKeyValue("keyId", created.keyId()).addKeyValue("unitId", unitId == null ? "instance" : unitId)
                    .log("daihoi.keys created the signing key at its first use");
            return created;
        } catch (DuplicateKeyException raced) {
            return current(unitId).orElseThrow();
        }
    }

    /** A new key for {@code unitId} (null: the instance); the one in use, if any, is retired and kept for verifying. */
    public PublicKeyRow rotate(String unitId) {
        PublicKeyRow created = create(unitId, true);
        log.atInfo().addKeyValue("keyId", created.keyId()).addKeyValue("unitId", unitId == null ? "instance" : unitId)
                .log("daihoi.keys rotated the signing key");
        return created;
    }

    /** Signs {@code bytes} with the private key of {@code keyId}; fails when its file is gone (rotate then). */
    public byte[] sign(String keyId, byte[] bytes) {
        try {
            Path file = file(keyId);
            byte[] pkcs8 = Base64.getMimeDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").trim());
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(bytes);
            return s.sign();
        } catch (IOException e) {
            throw new UncheckedIOException("the private key file of " + keyId + " cannot be read", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the private key of " + keyId + " cannot sign", e);
        }
    }

    public static boolean verify(byte[] publicKeyDer, byte[] bytes, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(publicKeyDer));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(bytes);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String keyIdOf(byte[] publicKeyDer) {
        return ChainHash.sha256Hex(publicKeyDer).substring(0, 16);
    }

    private Optional<PublicKeyRow> current(String unitId) {
        return jdbc.query("select * from federation_key where coalesce(unit_id, '*') = coalesce(?, '*') and retired_at is null",
                (r, i) -> row(r), unitId).stream().findFirst();
    }

    private PublicKeyRow create(String unitId, boolean retireCurrent) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] publicDer = pair.getPublic().getEncoded();
        String keyId = keyIdOf(publicDer);
        Path file = writePrivate(keyId, pair.getPrivate().getEncoded());
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(s -> {
                if (retireCurrent) {
                    jdbc.update("update federation_key set retired_at = ? where coalesce(unit_id, '*') = coalesce(?, '*') and retired_at is null",
                            Timestamp.from(now), unitId);
                }
                jdbc.update("insert into federation_key (key_id, unit_id, algorithm, public_key, created_at) values (?, ?, ?, ?, ?)",
                        keyId, unitId, ALGORITHM, publicDer, Timestamp.from(now));
            });
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
        return new PublicKeyRow(keyId, unitId, ALGORITHM, publicDer, now, null);
    }

    private Path writePrivate(String keyId, byte[] pkcs8) {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
        Path file = file(keyId);
        try {
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createDirectories(dir);
                }
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return file;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("a key file " + keyId + " exists already", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the private key file under " + dir, e);
        }
    }

    Path file(String keyId) {
        if (!keyId.matches("[0-9a-f]{16}")) throw new IllegalArgumentException("not a key id");
        return dir.resolve(keyId + ".key");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a key file without a public row is never used: its id is in no table
        }
    }

    private static PublicKeyRow row(java.sql.ResultSet r) throws java.sql.SQLException {
        Timestamp retired = r.getTimestamp("retired_at");
        return new PublicKeyRow(r.getString("key_id"), r.getString("unit_id"), r.getString("algorithm"), r.getBytes("public_key"),
                r.getTimestamp("created_at").toInstant(), retired == null ? null : retired.toInstant());
    }
}
