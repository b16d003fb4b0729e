package vn.daihoi.infra.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

    /** The standard problem for a status nobody described more precisely. */
    public static String[] byStatus(int status) {
        return switch (status) {
            case 400 -> new String[]{"malformed-request", "Yêu cầu không hợp lệ (địa chỉ, tiêu đề hoặc nội dung).",
                    "The request is malformed (address, headers or body)."};
            case 401 -> new String[]{"unauthenticated", "Cần đăng nhập (Authorization: Bearer …).", "Sign in first (Authorization: Bearer …)."};
            case 403 -> new String[]{"forbidden", "Bạn không có quyền thực hiện việc này.", "You have no right to do this."};
            case 404 -> new String[]{"not-found", "Không có địa chỉ này.", "There is nothing at this address."};
            case 405 -> new String[]{"method-not-allowed", "Phương thức HTTP này không được hỗ trợ ở đây.", "This HTTP method is not supported here."};
            case 406 -> new String[]{"not-acceptable", "Máy chủ chỉ trả lời dạng application/json (hoặc application/pdf cho tệp PDF).",
                    "The server answers only application/json (or application/pdf for PDF files)."};
            case 408 -> new String[]{"request-timeout", "Yêu cầu gửi quá chậm.", "The request took too long to arrive."};
            case 413 -> new String[]{"payload-too-large", "Nội dung yêu cầu quá lớn.", "The request body is too large."};
            case 414 -> new String[]{"uri-too-long", "Địa chỉ yêu cầu quá dài.", "The request address is too long."};
            case 415 -> new String[]{"unsupported-media-type", "Hãy gửi nội dung dạng application/json.", "Send the body as application/json."};
            case 431 -> new String[]{"headers-too-large", "Tiêu đề yêu cầu quá lớn.", "The request headers are too large."};
            case 503 -> new String[]{"unavailable", "Dịch vụ tạm thời không sẵn sàng; hãy thử lại sau.", "The service is unavailable for now; try again later."};
            default -> status >= 500
                    ? new String[]{"internal-error", "Lỗi hệ thống; yêu cầu chưa được thực hiện.", "Internal error; the request was not carried out."}
                    : new String[]{"client-error", "Yêu cầu không được chấp nhận.", "The request was refused."};
        };
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
