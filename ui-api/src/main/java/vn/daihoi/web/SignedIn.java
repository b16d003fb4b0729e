package vn.daihoi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * A person signed in on the pages: his token lives in the server-side session and nowhere else (never in a URL, a
 * page or a log line); signing in changes the session id, so an id planted before cannot ride on it.
 */
public final class SignedIn {

    static final String TOKEN = "daihoi.token";
    /** Request attribute: the session held a token that no longer resolves (revoked, expired, congress closed). */
    public static final String ENDED = "daihoi.session-ended";

    private SignedIn() {}

    public static void start(HttpServletRequest request, String token) {
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(TOKEN, token);
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) session.invalidate();
    }

    public static boolean ended(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ENDED));
    }
}
