package vn.daihoi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.daihoi.account.BearerTokenFilter;
import vn.daihoi.account.Tokens;

import java.io.IOException;

/**
 * The session's token → the caller, exactly as a bearer token is resolved for the API: the token dies with its
 * credential, its account or its congress (ADR 0015), and a dead one is forgotten by the session.
 */
class SessionTokenFilter extends OncePerRequestFilter {

    private final Tokens tokens;

    SessionTokenFilter(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String token = session == null ? null : (String) session.getAttribute(SignedIn.TOKEN);
        if (token != null) {
            tokens.resolve(token).ifPresentOrElse(BearerTokenFilter::authenticate, () -> {
                session.removeAttribute(SignedIn.TOKEN);
                request.setAttribute(SignedIn.ENDED, Boolean.TRUE);
            });
        }
        chain.doFilter(request, response);
    }
}
