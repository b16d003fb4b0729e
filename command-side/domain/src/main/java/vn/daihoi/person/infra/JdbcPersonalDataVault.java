package vn.daihoi.person.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.person.PersonalData;
import vn.daihoi.person.PersonalDataVault;
import vn.daihoi.person.SealedPersonalData;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * AES-256-GCM with one key per person in {@code person_key}; the person id is bound as associated data, so a
 * sealed blob cannot be passed off as another person's. Destroying the key is erasure (ADR 0005). The key
 * table is the one place to protect and back up with care: a backup restores keys that were destroyed later,
 * so backups older than an erasure are expired on schedule (docs/operations.md).
 */
@Component
public class JdbcPersonalDataVault implements PersonalDataVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    public JdbcPersonalDataVault(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SealedPersonalData seal(String personId, PersonalData data) {
        try {
            SecretKey key = keyOf(personId).orElseGet(() -> create(personId));
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
            return new SealedPersonalData(1, nonce, cipher.doFinal(json.writeValueAsBytes(data)));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot seal personal data", e);
        }
    }

    @Override
    public Optional<PersonalData> open(String personId, SealedPersonalData sealed) {
        Optional<SecretKey> key = keyOf(personId);
        if (key.isEmpty() || sealed == null) return Optional.empty();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
            cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
            return Optional.of(json.readValue(cipher.doFinal(sealed.ciphertext()), PersonalData.class));
        } catch (GeneralSecurityException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void destroyKey(String personId) {
        jdbc.update("delete from person_key where person_id = ?", personId);
    }

    private Optional<SecretKey> keyOf(String personId) {
        List<byte[]> keys = jdbc.queryForList("select key_bytes from person_key where person_id = ?", byte[].class, personId);
        return keys.stream().findFirst().map(k -> new SecretKeySpec(k, "AES"));
    }

    private SecretKey create(String personId) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            jdbc.update("insert into person_key (person_id, key_bytes) values (?, ?) on conflict (person_id) do nothing",
                    personId, key.getEncoded());
            return keyOf(personId).orElseThrow();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no AES here", e);
        }
    }
}
