package vn.daihoi.congress;

/** Convened (summoned), in session (opened), closed (held and finished), or cancelled. */
public enum CongressStatus {
    CONVENED, IN_SESSION, CLOSED, CANCELLED;

    public boolean open() {
        return this == CONVENED || this == IN_SESSION;
    }
}
