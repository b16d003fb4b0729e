package vn.daihoi.infra.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.ProblemTexts;
import vn.daihoi.infra.Problems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a problem where Spring MVC is not (yet) running: the edge filter, the firewall, Spring Boot's
 * {@code /error} and Tomcat's own error report. Always {@code application/problem+json}, whatever the client's
 * {@code Accept} says: an error must never fail for being unwelcome (ADR 0014).
 */
public final class ProblemWriter {
    private ProblemWriter() {}

    public static String json(int status, String code, String field, String vietnamese, String english) {
        vn.daihoi.infra.Meters.refused(code); // ADR 0028: refusals by type
        StringBuilder b = new StringBuilder(256).append('{');
        b.append("\"type\":\"").append(Problems.TYPE_PREFIX).append(escape(code)).append("\",");
        b.append("\"title\":\"").append(escape(vietnamese)).append("\",");
        b.append("\"status\":").append(status).append(',');
        b.append("\"detail\":\"").append(escape(english)).append("\",");
        b.append("\"code\":\"").append(escape(code)).append("\",");
        b.append("\"titleEn\":\"").append(escape(english)).append('"');
        if (field != null) b.append(",\"field\":\"").append(escape(field)).append('"');
        return b.append('}').toString();
    }

    public static void write(HttpServletResponse res, int status, String code, String field, String vietnamese, String english)
            throws IOException {
        if (res.isCommitted()) return;
        res.resetBuffer();
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        byte[] body = json(status, code, field, vietnamese, english).getBytes(StandardCharsets.UTF_8);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
        res.flushBuffer();
    }

    /**
     * Writes a problem built by {@link Problems} (status, headers such as {@code Retry-After}, body) where a filter
     * has the response but Spring MVC does not: the security chain's refusals, a database outage met in a filter.
     */
    public static void write(HttpServletResponse res, ObjectMapper json, ResponseEntity<ProblemDetail> problem) throws IOException {
        if (res.isCommitted()) return;
        res.resetBuffer();
        res.setStatus(problem.getStatusCode().value());
        problem.getHeaders().forEach((name, values) -> values.forEach(v -> res.setHeader(name, v)));
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        json.writeValue(res.getOutputStream(), problem.getBody());
    }

    /**
     * The standard problem for a status nobody described more precisely: its code, Vietnamese title and English
     * title, from the problem bundles (read directly: Tomcat's error report runs outside the application context).
     */
    public static String[] byStatus(int status) {
        String code = switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 408 -> "request-timeout";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 431 -> "headers-too-large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
        ProblemTexts texts = ProblemTexts.bundled();
        String key = RuleViolation.KEY_PREFIX + code;
        return new String[]{code, texts.vietnamese(key), texts.english(key)};
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
