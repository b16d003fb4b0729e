package vn.daihoi.infra;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.daihoi.common.RuleViolation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * Every failure a client can cause becomes an RFC 9457 problem: a stable {@code type} (urn:daihoi:problem:…),
 * the rule id where the domain guide has one, a Vietnamese {@code title} and its English {@code titleEn},
 * and the offending field. A user's mistake is never a 500.
 */
@RestControllerAdvice
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    public static final String TYPE_PREFIX = "urn:daihoi:problem:";

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String rule, String field,
                                                        String vietnamese, String english) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create(TYPE_PREFIX + code));
        p.setTitle(vietnamese);
        p.setDetail(english);
        p.setProperty("code", code);
        p.setProperty("titleEn", english);
        if (rule != null) p.setProperty("rule", rule);
        if (field != null) p.setProperty("field", field);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    public static ResponseEntity<ProblemDetail> of(RuleViolation v) {
        HttpStatus status = switch (v.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return problem(status, v.type(), v.ruleId(), v.field(), v.vietnamese(), v.english());
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation v) {
        return of(v);
    }

    /** Axon wraps what a handler throws; the cause, when it is ours, says what went wrong. */
    @ExceptionHandler({CommandExecutionException.class, QueryExecutionException.class, CompletionException.class})
    ResponseEntity<ProblemDetail> wrapped(Exception e) {
        if (DatabaseOutage.causedBy(e)) return unavailable(e);
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause() && !(cause instanceof RuleViolation)) {
            cause = cause.getCause();
        }
        if (cause instanceof RuleViolation v) return of(v);
        if (cause instanceof vn.daihoi.account.AccessDenied a) return denied(a);
        if (cause instanceof AggregateNotFoundException a) return notFound(a);
        if (cause instanceof ConcurrencyException c) return concurrent(c);
        if (cause instanceof DataIntegrityViolationException d) return integrity(d);
        if (cause instanceof org.axonframework.eventsourcing.IncompatibleAggregateException i) return incompatible(i);
        return unexpected(e);
    }

    @ExceptionHandler(vn.daihoi.account.AccessDenied.class)
    ResponseEntity<ProblemDetail> denied(vn.daihoi.account.AccessDenied e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", null, null,
                "Bạn không có quyền thực hiện việc này.", "You have no right to do this.");
    }

    @ExceptionHandler(org.springframework.web.bind.MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(org.springframework.web.bind.MissingRequestHeaderException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", null, e.getHeaderName(),
                "Thiếu tiêu đề \"" + e.getHeaderName() + "\".", "The header \"" + e.getHeaderName() + "\" is missing.");
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null, null,
                "Không tìm thấy đối tượng được yêu cầu.", "The requested item does not exist.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", null, null,
                "Dữ liệu vừa được thay đổi bởi một yêu cầu khác hoặc đã tồn tại; hãy tải lại và thử lại.",
                "Another request changed or created this first; reload and try again.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", null, null,
                "Một yêu cầu đồng thời đã dùng giá trị này; hãy tải lại và thử lại.",
                "A concurrent request already used this value; reload and try again.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof vn.daihoi.infra.edge.BodyTooLarge t) return tooLarge(t.limit);
        }
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", null, null,
                "Nội dung yêu cầu không phải JSON hợp lệ hoặc có giá trị sai kiểu.",
                "The request body is not valid JSON or holds a value of the wrong type.");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String field = errors.isEmpty() ? null : errors.get(0).getField();
        ResponseEntity<ProblemDetail> r = problem(HttpStatus.BAD_REQUEST, "missing-field", null, field,
                "Thiếu hoặc sai trường bắt buộc" + (field == null ? "." : " \"" + field + "\"."),
                "A required field is missing or wrong" + (field == null ? "." : ": \"" + field + "\"."));
        r.getBody().setProperty("errors", errors.stream()
                .map(f -> Map.of("field", f.getField(), "problem", String.valueOf(f.getDefaultMessage()))).toList());
        return r;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        Class<?> type = e instanceof MethodArgumentTypeMismatchException m ? m.getRequiredType() : null;
        String vi = type == java.time.LocalDate.class ? " (ngày theo dạng YYYY-MM-DD)"
                : type == int.class || type == Integer.class ? " (số nguyên)" : "";
        String en = type == java.time.LocalDate.class ? " (dates as YYYY-MM-DD)"
                : type == int.class || type == Integer.class ? " (a whole number)" : "";
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", null, name,
                "Tham số \"" + name + "\" thiếu hoặc không hợp lệ" + vi + ".",
                "Parameter \"" + name + "\" is missing or invalid" + en + ".");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null, null,
                "Không có địa chỉ này.", "There is nothing at this address.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null, null,
                "Phương thức HTTP này không được hỗ trợ ở đây.", "This HTTP method is not supported here.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null, null,
                "Hãy gửi nội dung dạng application/json.", "Send the body as application/json.");
    }

    /** ADR 0012: the database cannot be reached right now: 503, retry; anything else of these types is unexpected. */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class, org.springframework.dao.TransientDataAccessResourceException.class,
            org.springframework.transaction.CannotCreateTransactionException.class, java.sql.SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> unavailable(Exception e) {
        if (!DatabaseOutage.causedBy(e)) return unexpected(e);
        log.atWarn().addKeyValue("exception", e.getClass().getName()).log("database unavailable: 503");
        return DatabaseOutage.problem();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) return DatabaseOutage.problem();
        log.atError().setCause(e).addKeyValue("exception", e.getClass().getName()).log("unexpected failure");
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, null,
                "Lỗi hệ thống; yêu cầu chưa được thực hiện.", "Internal error; the request was not carried out.");
    }

    // ---- the edge (ADR 0014): every framework refusal is a problem, never a 500 ------------------------------

    ResponseEntity<ProblemDetail> tooLarge(long limit) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", null, null,
                "Nội dung yêu cầu quá lớn (tối đa " + limit + " byte).", "The request body is too large (at most " + limit + " bytes).");
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", null, "Accept",
                "Máy chủ chỉ trả lời dạng application/json (hoặc application/pdf cho tệp PDF); hãy sửa tiêu đề Accept.",
                "The server answers only application/json (or application/pdf for PDF files); fix the Accept header.");
    }

    @ExceptionHandler(org.springframework.http.InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(org.springframework.http.InvalidMediaTypeException e) {
        return mediaType(null);
    }

    @ExceptionHandler(vn.daihoi.infra.edge.InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(vn.daihoi.infra.edge.InvalidParameter e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", null, e.name,
                "Tham số \"" + e.name + "\" quá dài hoặc chứa ký tự điều khiển.",
                "Parameter \"" + e.name + "\" is too long or holds control characters.");
    }

    @ExceptionHandler(org.springframework.web.bind.ServletRequestBindingException.class)
    ResponseEntity<ProblemDetail> binding(org.springframework.web.bind.ServletRequestBindingException e) {
        String name = e instanceof org.springframework.web.bind.MissingPathVariableException m ? m.getVariableName() : null;
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", null, name,
                "Tham số của yêu cầu thiếu hoặc không hợp lệ.", "A parameter of the request is missing or invalid.");
    }

    @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(org.springframework.web.method.annotation.HandlerMethodValidationException e) {
        String name = e.getParameterValidationResults().isEmpty() ? null
                : e.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", null, name,
                "Tham số" + (name == null ? "" : " \"" + name + "\"") + " không hợp lệ.",
                "Parameter" + (name == null ? "" : " \"" + name + "\"") + " is invalid.");
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(jakarta.validation.ConstraintViolationException e) {
        String field = e.getConstraintViolations().stream().findFirst().map(v -> v.getPropertyPath().toString()).orElse(null);
        return problem(HttpStatus.BAD_REQUEST, "missing-field", null, field,
                "Thiếu hoặc sai trường bắt buộc" + (field == null ? "." : " \"" + field + "\"."),
                "A required field is missing or wrong" + (field == null ? "." : ": \"" + field + "\"."));
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> upload(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return tooLarge(e.getMaxUploadSize());
    }

    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestTimeoutException.class)
    ResponseEntity<ProblemDetail> asyncTimeout(org.springframework.web.context.request.async.AsyncRequestTimeoutException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null, null,
                "Dịch vụ tạm thời không trả lời kịp; hãy thử lại sau.", "The service did not answer in time; try again later.");
    }

    /** An id of another kind of aggregate (a congress id given as an election id): nothing of that kind exists. */
    @ExceptionHandler(org.axonframework.eventsourcing.IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> incompatible(org.axonframework.eventsourcing.IncompatibleAggregateException e) {
        return notFound(null);
    }

    /** The firewall checks some headers lazily, when MVC reads them: the same 400 as at the filter chain. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", null, null,
                "Yêu cầu không hợp lệ (địa chỉ, tiêu đề hoặc nội dung).", "The request is malformed (address, headers or body).");
    }

    @ExceptionHandler(org.springframework.web.servlet.NoHandlerFoundException.class)
    ResponseEntity<ProblemDetail> noHandler(org.springframework.web.servlet.NoHandlerFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null, null, "Không có địa chỉ này.", "There is nothing at this address.");
    }

}
