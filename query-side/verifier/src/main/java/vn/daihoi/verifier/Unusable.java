package vn.daihoi.verifier;

/** The input is not a bundle this verifier can read (exit code 2): not a zip, a file missing, an unknown format. */
public final class Unusable extends Exception {
    public Unusable(String vietnamese, String english) {
        super(vietnamese + "\n" + english);
    }
}
