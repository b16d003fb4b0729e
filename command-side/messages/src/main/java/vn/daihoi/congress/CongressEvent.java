package vn.daihoi.congress;

/** Every fact about a congress, its roll and its decisions. */
public interface CongressEvent {
    String congressId();
}
