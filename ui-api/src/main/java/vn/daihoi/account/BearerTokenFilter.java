package vn.daihoi.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** {@code Authorization: Bearer <token>} → the caller; an unknown or expired token leaves the request anonymous. */
public class BearerTokenFilter extends OncePerRequestFilter {

    private final Tokens tokens;

    public BearerTokenFilter(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.resolve(header.substring(7).strip()).ifPresent(BearerTokenFilter::authenticate);
        }
        chain.doFilter(request, response);
    }

    /** The request acts as this caller (a resolved bearer token here, a page session's token in the page chain). */
    public static void authenticate(Caller caller) {
        var auth = new PreAuthenticatedAuthenticationToken(caller, null,
                caller.grants().stream().map(g -> new SimpleGrantedAuthority("ROLE_" + g.role().name())).toList());
        SecurityContextHolder.getContext().setAuthentication(auth);
    }
}
