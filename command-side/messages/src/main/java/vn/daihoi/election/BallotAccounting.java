package vn.daihoi.election;

/**
 * issued = collected + spoiled-and-replaced + not returned. An electronic voter's ballot is "issued"
 * when his credential is enabled for the round (he is on its roll without a paper ballot).
 */
public record BallotAccounting(int issued, int collected, int spoiled, int notReturned, int paperIssued, int paperCollected,
                               int electronicEnabled, int electronicCollected) {
    public boolean balances() {
        return issued == collected + spoiled + notReturned;
    }
}
