package vn.daihoi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.daihoi.account.Caller;

import java.io.IOException;

/**
 * ADR 0025: Swagger UI ({@code /api-docs}, its files under {@code /swagger-ui/}) is a tool for staff who are signed in
 * on the pages; anyone else is sent to the staff sign-in. The contract it reads ({@code /v3/api-docs}) stays public.
 */
final class StaffOnlySwaggerUi extends OncePerRequestFilter {

    static final String UI = "/api-docs";
    static final String FILES = "/swagger-ui/";

    static boolean guarded(String path) {
        return path.equals(UI) || path.startsWith(UI + "/") || path.startsWith(FILES);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !guarded(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller c = SignInForm.caller();
        if (c == null || c.isVoter()) {
            response.sendRedirect(request.getContextPath() + "/staff");
            return;
        }
        chain.doFilter(request, response);
    }
}
