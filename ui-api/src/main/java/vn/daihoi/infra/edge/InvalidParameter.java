package vn.daihoi.infra.edge;

/** A path variable or query parameter that no column could store (too long, control characters): a 400. */
public class InvalidParameter extends RuntimeException {
    public final String name;

    public InvalidParameter(String name) {
        super("invalid parameter " + name);
        this.name = name;
    }
}
