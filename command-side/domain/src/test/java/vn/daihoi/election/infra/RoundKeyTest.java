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
    void aBallotIsPaddedToItsRoundsOneLength() {
        List<String> ids = List.of("cand-0001", "cand-0002", "cand-0003");
        int election = JdbcBallotBox.paddedLength(ids, false);
        int confidence = JdbcBallotBox.paddedLength(ids, true);
        assertThat(election % 256).isZero();
        assertThat(confidence).isGreaterThanOrEqualTo(election);
    }
}
