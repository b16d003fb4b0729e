package vn.daihoi.infra;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.UUID;

/**
 * One structured line per request: method, the route template (never the concrete path, query string, body
 * or headers, which can carry names, codes and tokens), status and duration. R-70: no personal data in logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("daihoi.request");

    /** Looked up when first needed: this filter is made before the application's other beans. */
    private final ObjectProvider<Meters> meters;

    public RequestLog(ObjectProvider<Meters> meters) {
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        response.setHeader("X-Request-Id", requestId);
        boolean async = false;
        try {
            chain.doFilter(request, response);
            async = request.isAsyncStarted();
        } finally {
            if (async) {
                // ADR 0027: an answer that waits for its read model is written later, off this thread: log it then.
                request.getAsyncContext().addListener(new AsyncListener() {
                    @Override public void onComplete(AsyncEvent e) { done(request, response, start, requestId); }
                    @Override public void onTimeout(AsyncEvent e) {}
                    @Override public void onError(AsyncEvent e) {}
                    @Override public void onStartAsync(AsyncEvent e) {}
                });
            } else {
                done(request, response, start, requestId);
            }
        }
    }

    private void done(HttpServletRequest request, HttpServletResponse response, long start, String requestId) {
        Object refused = request.getAttribute(Meters.PROBLEM_TYPE);
        if (refused != null) {
            Meters m = meters.getIfAvailable();
            if (m != null) m.countRefusal(refused);
        }
        line(request, response, start, requestId);
    }

    private static void line(HttpServletRequest request, HttpServletResponse response, long start, String requestId) {
        Object matched = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String route = matched == null ? "(unmatched)" : matched.toString();
        long micros = (System.nanoTime() - start) / 1_000;
        log.atInfo()
                .addKeyValue("requestId", requestId)
                .addKeyValue("method", request.getMethod())
                .addKeyValue("route", route)
                .addKeyValue("status", response.getStatus())
                .addKeyValue("durationMs", micros / 1000.0)
                .log("{} {} {} {}ms", request.getMethod(), route, response.getStatus(), micros / 1000.0);
    }
}
