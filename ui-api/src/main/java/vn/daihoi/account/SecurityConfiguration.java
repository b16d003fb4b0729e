package vn.daihoi.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import vn.daihoi.infra.Problems;
import vn.daihoi.infra.edge.ProblemWriter;

import java.io.IOException;

/**
 * Stateless bearer-token security. The public endpoints are this short list, and the README names the same
 * ones (a test compares them): health, login, the exchange of a voting code for a token, and the public keys.
 */
@Configuration
public class SecurityConfiguration {

    /** Method and path of every endpoint anyone may call without a token. */
    public static final String[][] PUBLIC = {
            {"GET", "/actuator/health"},
            {"GET", "/actuator/health/**"},
            {"POST", "/api/auth/login"},
            {"POST", "/api/auth/voting-code"},
            // ADR 0018: public keys, published so that anyone can check a checkpoint's signature.
            {"GET", "/api/federation-keys"},
    };

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http, Tokens tokens, ObjectMapper json) throws Exception {
        // The API's paths; every other path is a web page, with its session chain (web.PageSecurityConfiguration).
        http.securityMatcher("/api/**", "/actuator/**", "/error")
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(tokens), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> {
                    // ADR 0027: an answer that waited for its read model is written in an async dispatch of the same
                    // request, which was authorised when it came in; the bearer token is not read again there.
                    a.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
                    for (String[] p : PUBLIC) a.requestMatchers(HttpMethod.valueOf(p[0]), p[1]).permitAll();
                    // ADR 0028: the metrics cover every unit, so only a role whose scope is everything reads them.
                    a.requestMatchers("/actuator/prometheus").hasRole(Role.ADMIN.name());
                    a.requestMatchers("/api/**", "/actuator/**").authenticated();
                    a.anyRequest().permitAll();
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> write(res, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "problem.unauthenticated"))
                        .accessDeniedHandler((req, res, ex) -> write(res, json, HttpStatus.FORBIDDEN, "forbidden",
                                "problem.forbidden")));
        return http.build();
    }

    static void write(HttpServletResponse res, ObjectMapper json, HttpStatus status, String code, String key) throws IOException {
        ProblemWriter.write(res, json, Problems.problem(status, code, null, null, key));
    }
}
