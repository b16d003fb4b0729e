package vn.daihoi.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.daihoi.infra.edge.ProblemWriter;

import java.io.IOException;

/**
 * ADR 0012: a filter in front of the controllers (the bearer token's lookup) also reads the database; when that
 * fails because the database cannot be reached, the answer is the same 503 problem the controllers give, not a
 * servlet container's 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private final ObjectMapper json;

    public DatabaseOutageFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) throw e;
            log.atWarn().addKeyValue("exception", e.getClass().getName()).log("database unavailable: 503");
            ProblemWriter.write(response, json, DatabaseOutage.problem());
        }
    }
}
