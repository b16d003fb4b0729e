package vn.daihoi.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import vn.daihoi.account.Tokens;

/**
 * The pages' chain; the API keeps its stateless bearer-token chain ({@code account.SecurityConfiguration}), which
 * claims {@code /api/**} and {@code /actuator/**} first. Here a person's session (cookie only, HttpOnly,
 * SameSite=Strict: application.yml) holds the token he was given; every form carries a CSRF token; the
 * Content-Security-Policy admits scripts and styles from this server only and no inline script at all.
 * Who may see what is decided by the same {@code Access} checks as the API, inside the pages.
 */
@Configuration
public class PageSecurityConfiguration {

    /** Nothing from another host, no inline script or style, no framing, forms post only here. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Tokens tokens) throws Exception {
        http.securityMatcher("/**")
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .anonymous(a -> a.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                        .sessionFixation(f -> f.changeSessionId()))
                .addFilterBefore(new SessionTokenFilter(tokens), AuthorizationFilter.class)
                // ADR 0025: Swagger UI only for staff signed in on the pages.
                .addFilterAfter(new StaffOnlySwaggerUi(), SessionTokenFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                // A form whose CSRF token is missing or stale (the session ended while the page stayed open):
                // a page that says so, not a bare 403.
                .exceptionHandling(e -> e.accessDeniedHandler((req, res, ex) -> res.sendRedirect(req.getContextPath() + "/expired")));
        return http.build();
    }
}
