package vn.daihoi.account;

/** The caller is known but has no right here (HTTP 403). */
public class AccessDenied extends RuntimeException {
    public AccessDenied() {
        super("access denied");
    }
}
