package vn.daihoi.election.infra;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0017: the key of a ballot box, its k-of-n shares, and the share codes members carry. */
class RoundKeyTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void anyKSharesGiveTheSeedBackAndFewerGiveSomethingElse() {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        Map<Integer, byte[]> shares = Shamir.split(seed, 3, 5, random);
        assertThat(shares).hasSize(5);
        List<Integer> xs = new ArrayList<>(shares.keySet());
        // every 3-subset of 5
        for (int a = 0; a < 5; a++) for (int b = a + 1; b < 5; b++) for (int c = b + 1; c < 5; c++) {
            Map<Integer, byte[]> three = new TreeMap<>();
            for (int i : new int[]{a, b, c}) three.put(xs.get(i), shares.get(xs.get(i)));
            assertThat(Shamir.combine(three)).isEqualTo(seed);
        }
        Map<Integer, byte[]> two = new TreeMap<>(Map.of(1, shares.get(1), 4, shares.get(4)));
        assertThat(Shamir.combine(two)).isNotEqualTo(seed);
        for (byte[] s : shares.values()) assertThat(s).isNotEqualTo(seed);
    }

    @Test
    void fieldArithmeticIsAField() {
        for (int a = 1; a < 256; a++) {
            assertThat(Shamir.mul(a, Shamir.div(1, a))).as("inverse of %d", a).isEqualTo(1);
            assertThat(Shamir.mul(a, 1)).isEqualTo(a);
        }
        assertThat(Shamir.mul(0x57, 0x83)).isEqualTo(0xc1); // FIPS-197's worked example
    }

    @Test
    void theSameSeedMakesTheSameKeyPairAndItOpensWhatItsPublicHalfSealed() {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        RoundKey.Pair one = RoundKey.fromSeed(seed);
        RoundKey.Pair again = RoundKey.fromSeed(seed.clone());
        assertThat(again.publicKey().getEncoded()).isEqualTo(one.publicKey().getEncoded());
        assertThat(((java.security.interfaces.RSAPublicKey) one.publicKey()).getModulus().bitLength()).isEqualTo(2048);
        byte[] content = "{\"t\":\"ABCDE-FGHJK\",\"k\":[\"c1\"]}   ".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = RoundKey.seal(one.publicKey(), content, random);
        byte[] sealedAgain = RoundKey.seal(one.publicKey(), content, random);
        assertThat(sealed).hasSameSizeAs(sealedAgain).isNotEqualTo(sealedAgain); // a fresh key and nonce each time
        assertThat(RoundKey.open(again.privateKey(), sealed)).isEqualTo(content);
        byte[] otherSeed = seed.clone();
        otherSeed[0] ^= 1;
        RoundKey.Pair other = RoundKey.fromSeed(otherSeed);
        assertThat(other.publicKey().getEncoded()).isNotEqualTo(one.publicKey().getEncoded());
        assertThatThrownBy(() -> RoundKey.open(other.privateKey(), sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aShareCodeReadsBackAndATypoIsCaught() {
        byte[] y = new byte[32];
        random.nextBytes(y);
        byte[] fp = KeyShare.fingerprintBytes("0123-4567-89ab-cdef");
        KeyShare share = new KeyShare(2, 2, 3, fp, y);
        String code = share.code();
        assertThat(code).startsWith("KP1-").matches("KP1(-[A-Z2-9]{1,5})+");
        KeyShare back = KeyShare.parse(code.toLowerCase().replace("-", " ")).orElseThrow();
        assertThat(back.x()).isEqualTo(2);
        assertThat(back.k()).isEqualTo(2);
        assertThat(back.n()).isEqualTo(3);
        assertThat(back.y()).isEqualTo(y);
        assertThat(back.fingerprint()).isEqualTo(fp);
        char[] typo = code.toCharArray();
        int i = code.length() - 7;
        typo[i] = typo[i] == 'A' ? 'B' : 'A';
        assertThat(KeyShare.parse(new String(typo))).isEmpty();
        assertThat(KeyShare.parse(code.substring(0, code.length() - 1))).isEmpty();
        assertThat(KeyShare.parse("KP1-\u0000")).isEmpty();
        assertThat(share.toString()).doesNotContain(code.substring(4, 9));
    }

    @Test
    void aWindowsBallotsShareOneWrappedKeyEachWithItsOwnNonceAndTheCountUnwrapsItOnce() {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        RoundKey.Pair pair = RoundKey.fromSeed(seed);
        RoundKey.DataKey window = RoundKey.dataKey(pair.publicKey(), random);
        List<byte[]> sealed = new ArrayList<>();
        for (int i = 0; i < RoundKey.DataKey.MAX_USES; i++) {
            assertThat(window.claim()).as("use %d of the window", i + 1).isTrue();
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            sealed.add(RoundKey.seal(window, ("{\"t\":\"B" + i + "\"}" + " ".repeat(40)).substring(0, 48).getBytes(StandardCharsets.UTF_8), nonce));
        }
        assertThat(window.claim()).as("the window is over after its last use").isFalse();
        // One length; the same wrapped key at the front of each (it is the window's), the rest differs.
        assertThat(sealed).extracting(b -> b.length).containsOnly(256 + 12 + 48 + 16);
        assertThat(sealed).extracting(b -> java.util.HexFormat.of().formatHex(b, 0, 256)).containsOnly(
                java.util.HexFormat.of().formatHex(sealed.get(0), 0, 256));
        assertThat(sealed).extracting(b -> java.util.HexFormat.of().formatHex(b, 256, 268)).doesNotHaveDuplicates();
        RoundKey.DataKey next = RoundKey.dataKey(pair.publicKey(), random);
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        sealed.add(RoundKey.seal(next, " ".repeat(48).getBytes(StandardCharsets.UTF_8), nonce));
        assertThat(java.util.Arrays.copyOf(sealed.get(sealed.size() - 1), 256)).isNotEqualTo(java.util.Arrays.copyOf(sealed.get(0), 256));

        RoundKey.Opener opener = new RoundKey.Opener(pair.privateKey());
        for (int i = 0; i < RoundKey.DataKey.MAX_USES; i++) {
            assertThat(new String(opener.open(sealed.get(i)), StandardCharsets.UTF_8)).startsWith("{\"t\":\"B" + i + "\"}");
        }
        opener.open(sealed.get(sealed.size() - 1));
        assertThat(opener.windows()).isEqualTo(2);
        // A changed byte of the content, of the nonce or of the wrapped key is refused, never misread.
        for (int at : new int[]{3, 256 + 5, 256 + 12 + 7, sealed.get(0).length - 1}) {
            byte[] tampered = sealed.get(0).clone();
            tampered[at] ^= 0x10;
            assertThatThrownBy(() -> new RoundKey.Opener(pair.privateKey()).open(tampered)).as("byte %d changed", at)
                    .isInstanceOf(IllegalStateException.class);
        }
        // A window also ends with time, however few ballots it sealed.
        RoundKey.DataKey young = RoundKey.dataKey(pair.publicKey(), random);
        assertThat(young.claim(young.born() + RoundKey.DataKey.MAX_AGE_NANOS - 1)).isTrue();
        assertThat(young.claim(young.born() + RoundKey.DataKey.MAX_AGE_NANOS)).isFalse();
        assertThat(RoundKey.DataKey.MAX_AGE_NANOS).isLessThanOrEqualTo(30_000_000_000L);
    }

    @Test
    void aBallotIsPaddedToItsRoundsOneLength() {
        List<String> ids = List.of("cand-0001", "cand-0002", "cand-0003");
        int election = JdbcBallotBox.paddedLength(ids, 2, false);
        int confidence = JdbcBallotBox.paddedLength(ids, 2, true);
        assertThat(election % 256).isZero();
        assertThat(confidence).isGreaterThanOrEqualTo(election);
        // The fullest valid ballot keeps as many names as there are seats, the longest ones, and fits.
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 7; i++) uuids.add(java.util.UUID.randomUUID().toString());
        uuids.set(3, "a-much-longer-candidate-identifier-than-the-others-" + "x".repeat(200));
        int padded = JdbcBallotBox.paddedLength(uuids, 5, false);
        String fullest = "{\"t\":\"ABCDE-FGHJK\",\"k\":[\"" + String.join("\",\"", uuids.subList(2, 7)) + "\"]}";
        assertThat(fullest.length()).isLessThanOrEqualTo(padded);
        assertThat(JdbcBallotBox.paddedLength(uuids.subList(0, 3), 3, false)).isEqualTo(256);
    }
}
