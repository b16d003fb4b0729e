package vn.daihoi.infra.edge;


import java.io.IOException;

/** Thrown by the bounded request stream when a body without (or with a false) Content-Length passes its limit. */
public class BodyTooLarge extends IOException {
    public final long limit;

    public BodyTooLarge(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }
}
