package vn.daihoi.election.infra;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shamir's k-of-n secret sharing over GF(2^8), byte by byte (ADR 0017): any k shares give the secret back, k − 1
 * shares say nothing about it. Share x (1 … n) of byte i is the value at x of a random polynomial of degree k − 1
 * whose constant term is byte i of the secret. Arithmetic in the field of the AES polynomial x^8 + x^4 + x^3 + x + 1.
 */
final class Shamir {

    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];

    static {
        int v = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = v;
            LOG[v] = i;
            v ^= (v << 1) ^ ((v & 0x80) != 0 ? 0x11b : 0); // multiply by the generator 3
            v &= 0xff;
        }
        for (int i = 255; i < 512; i++) EXP[i] = EXP[i - 255];
    }

    private Shamir() {
    }

    static int mul(int a, int b) {
        if (a == 0 || b == 0) return 0;
        return EXP[LOG[a] + LOG[b]];
    }

    static int div(int a, int b) {
        if (b == 0) throw new ArithmeticException("division by zero in GF(256)");
        if (a == 0) return 0;
        return EXP[LOG[a] + 255 - LOG[b]];
    }

    /** The n shares of {@code secret}, keyed by their x (1 … n); any k of them recover it. */
    static Map<Integer, byte[]> split(byte[] secret, int k, int n, SecureRandom random) {
        if (k < 1 || k > n || n > 255) throw new IllegalArgumentException("need 1 ≤ k ≤ n ≤ 255, got k=" + k + ", n=" + n);
        Map<Integer, byte[]> shares = new LinkedHashMap<>();
        for (int x = 1; x <= n; x++) shares.put(x, new byte[secret.length]);
        int[] coefficients = new int[k];
        byte[] draw = new byte[k];
        for (int i = 0; i < secret.length; i++) {
            random.nextBytes(draw);
            coefficients[0] = secret[i] & 0xff;
            for (int c = 1; c < k; c++) coefficients[c] = draw[c] & 0xff;
            for (int x = 1; x <= n; x++) {
                int y = 0;
                for (int c = k - 1; c >= 0; c--) y = mul(y, x) ^ coefficients[c]; // Horner
                shares.get(x)[i] = (byte) y;
            }
        }
        Arrays.fill(coefficients, 0);
        Arrays.fill(draw, (byte) 0);
        return shares;
    }

    /** The secret at x = 0 from the given shares (Lagrange); the caller checks it has k of them. */
    static byte[] combine(Map<Integer, byte[]> shares) {
        int length = shares.values().iterator().next().length;
        byte[] secret = new byte[length];
        Integer[] xs = shares.keySet().toArray(Integer[]::new);
        for (int j = 0; j < xs.length; j++) {
            // Lagrange basis at 0: prod over m != j of x_m / (x_m - x_j); minus is xor in GF(2^8).
            int basis = 1;
            for (int m = 0; m < xs.length; m++) {
                if (m != j) basis = mul(basis, div(xs[m], xs[m] ^ xs[j]));
            }
            byte[] y = shares.get(xs[j]);
            for (int i = 0; i < length; i++) secret[i] ^= (byte) mul(basis, y[i] & 0xff);
        }
        return secret;
    }
}
