package vn.daihoi.verifier;

/** One thing the verifier found wrong, said in Vietnamese first and in English. */
public record Finding(String vi, String en) {
}
