package vn.daihoi.election;

/**
 * ADR 0017: what a counting-committee member receives when he takes his key share — the share code (printed on his
 * sheet), which share of how many, how many open the box, the key's fingerprint, and whether his was the last share
 * (the box is sealed). The answer to {@link TakeKeyShareCommand}; never stored.
 */
public record KeyShareSlip(String holderPersonId, int index, int holders, int sharesNeeded, String keyFingerprint, String shareCode,
                           boolean sealedNow) {
    @Override
    public String toString() {
        return "KeyShareSlip[" + index + " of " + holders + "]"; // never the share
    }
}
