package vn.daihoi.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formulas of ADR 0018 against test vectors computed apart from this code base (Python's hashlib); the same
 * vectors are in the ADR, for the independent verifier. The database's trigger gave the same two hashes.
 */
class ChainHashTest {

    static final String FIRST = "3521a03fd0abc7bbcca9e881f5aab8feb16e6abf25d40e7f4588368ca0bfbc08";
    static final String SECOND = "a8f36eb7aae6a992046ba7740e6990d1dc76e7a02e866685dc9bf4718f89b130";

    @Test
    void aStreamOfTwoEventsHashesToTheVectorsOfTheAdr() {
        byte[] first = ChainHash.entryHash(ChainHash.GENESIS, "e1", "a", 0, "T", "2026-01-01T00:00:00Z", "x.Y", null,
                "{}".getBytes(StandardCharsets.UTF_8), null);
        assertThat(ChainHash.hex(first)).isEqualTo(FIRST);
        byte[] second = ChainHash.entryHash(first, "e2", "a", 1, "T", "2026-01-01T00:00:01Z", "x.Y", "1",
                "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(ChainHash.hex(second)).isEqualTo(SECOND);
    }

    @Test
    void aStatementItsDigestAndItsFingerprintAreThoseOfTheAdr() {
        SortedMap<String, Statement.Head> heads = new TreeMap<>(ChainHash.UTF8_ORDER);
        heads.put("a", new Statement.Head(1, ChainHash.unhex(SECOND)));
        String digest = Statement.digest(heads);
        assertThat(digest).isEqualTo("6a4a37967b8a8c4a749effc94288c720745381fdb745bca8bfed5bee85fc06c3");
        Statement s = new Statement("periodic", "all", 2, null, digest, Instant.parse("2026-12-07T03:04:05.789Z"), "0123456789abcdef");
        assertThat(s.text()).isEqualTo("daihoi-checkpoint/1\nkind: periodic\nsubject: all\nupTo: 2\nscope: *\ndigest: " + digest
                + "\nat: 2026-12-07T03:04:05Z\nkey: 0123456789abcdef\n");
        assertThat(ChainHash.fingerprint(s.text())).isEqualTo("b336-fc3f-2cd4-3a92");
        assertThat(Statement.parse(s.text())).isEqualTo(s);
        assertThat(Statement.parse(s.text().replace("upTo: 2", "upTo: two"))).isNull();
    }

    @Test
    void scopeIsSortedByTheBytesOfUtf8NotByJavaStrings() {
        // U+FF21 (3 bytes in UTF-8) sorts before U+1F600 (4 bytes, a surrogate pair in Java) by bytes, after it in UTF-16.
        String wide = "\uFF21";
        String emoji = new String(Character.toChars(0x1F600));
        assertThat(wide.compareTo(emoji)).isPositive();
        Statement s = new Statement("round", "x#1", 5, java.util.List.of(emoji, wide, "b", "a"), "00", Instant.EPOCH, "k");
        assertThat(s.scope()).containsExactly("a", "b", wide, emoji);
    }
}
