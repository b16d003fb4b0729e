package vn.daihoi.infra;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
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
 * the rule id where the domain guide has one, a Vietnamese {@code title} and its English {@code titleEn} (also
 * the {@code detail}), and the offending field. A user's mistake is never a 500. The words come from the
 * problem bundles through the application's message source (ADR 0020), resolved once per language.
 */
@RestControllerAdvice
public class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    public static final String TYPE_PREFIX = "urn:daihoi:problem:";

    private final ProblemTexts texts;

    @Autowired
    public Problems(MessageSource messages) {
        this(new ProblemTexts(messages));
    }

    Problems(ProblemTexts texts) {
        this.texts = texts;
    }

    /**
     * A problem for a caller outside this advice (a filter, a controller's own handler): its text is the bundles'
     * text of {@code key}, read directly ({@link ProblemTexts#bundled()}).
     */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String rule, String field,
                                                        String key, Object... args) {
        return problem(ProblemTexts.bundled(), status, code, rule, field, key, args);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemTexts texts, HttpStatus status, String code, String rule,
                                                         String field, String key, Object[] args) {
        String english = texts.text(key, args, ProblemTexts.ENGLISH, code);
        Meters.refused(code); // ADR 0028: refusals by type
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setType(URI.create(TYPE_PREFIX + code));
        p.setTitle(texts.text(key, args, ProblemTexts.VIETNAMESE, code));
        p.setDetail(english);
        p.setProperty("code", code);
        p.setProperty("titleEn", english);
        if (rule != null) p.setProperty("rule", rule);
        if (field != null) p.setProperty("field", field);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private ResponseEntity<ProblemDetail> answer(HttpStatus status, String code, String field, String key, Object... args) {
        return problem(texts, status, code, null, field, key, args);
    }

    public ResponseEntity<ProblemDetail> of(RuleViolation v) {
        HttpStatus status = switch (v.kind()) {
            case INVALID -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        return problem(texts, status, v.type(), v.ruleId(), v.field(), v.messageKey(), v.arguments());
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
        return answer(HttpStatus.FORBIDDEN, "forbidden", null, "problem.forbidden");
    }

    @ExceptionHandler(org.springframework.web.bind.MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(org.springframework.web.bind.MissingRequestHeaderException e) {
        return answer(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getHeaderName(), "problem.invalid-parameter.header",
                e.getHeaderName());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not-found", null, "problem.not-found.item");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrent(ConcurrencyException e) {
        return answer(HttpStatus.CONFLICT, "concurrent-change", null, "problem.concurrent-change");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        return answer(HttpStatus.CONFLICT, "concurrent-change", null, "problem.concurrent-change.value-taken");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof vn.daihoi.infra.edge.BodyTooLarge t) return tooLarge(t.limit);
        }
        return answer(HttpStatus.BAD_REQUEST, "malformed-request", null, "problem.malformed-request.body");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors();
        String field = errors.isEmpty() ? null : errors.get(0).getField();
        ResponseEntity<ProblemDetail> r = missingField(field);
        r.getBody().setProperty("errors", errors.stream()
                .map(f -> Map.of("field", f.getField(), "problem", String.valueOf(f.getDefaultMessage()))).toList());
        return r;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        Class<?> type = e instanceof MethodArgumentTypeMismatchException m ? m.getRequiredType() : null;
        String key = type == java.time.LocalDate.class ? "problem.invalid-parameter.missing-or-invalid-date"
                : type == int.class || type == Integer.class ? "problem.invalid-parameter.missing-or-invalid-integer"
                : "problem.invalid-parameter.missing-or-invalid";
        return answer(HttpStatus.BAD_REQUEST, "invalid-parameter", name, key, name);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not-found", null, "problem.not-found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", null, "problem.method-not-allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", null, "problem.unsupported-media-type");
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
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", null, "problem.internal-error");
    }

    // ---- the edge (ADR 0014): every framework refusal is a problem, never a 500 ------------------------------

    ResponseEntity<ProblemDetail> tooLarge(long limit) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", null, "problem.payload-too-large.limit", limit);
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e) {
        return answer(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Accept", "problem.not-acceptable.accept-header");
    }

    @ExceptionHandler(org.springframework.http.InvalidMediaTypeException.class)
    ResponseEntity<ProblemDetail> invalidMediaType(org.springframework.http.InvalidMediaTypeException e) {
        return mediaType(null);
    }

    @ExceptionHandler(vn.daihoi.infra.edge.InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalidParameter(vn.daihoi.infra.edge.InvalidParameter e) {
        return answer(HttpStatus.BAD_REQUEST, "invalid-parameter", e.name, "problem.invalid-parameter.too-long", e.name);
    }

    @ExceptionHandler(org.springframework.web.bind.ServletRequestBindingException.class)
    ResponseEntity<ProblemDetail> binding(org.springframework.web.bind.ServletRequestBindingException e) {
        String name = e instanceof org.springframework.web.bind.MissingPathVariableException m ? m.getVariableName() : null;
        return answer(HttpStatus.BAD_REQUEST, "invalid-parameter", name, "problem.invalid-parameter");
    }

    @ExceptionHandler(org.springframework.web.method.annotation.HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> methodValidation(org.springframework.web.method.annotation.HandlerMethodValidationException e) {
        String name = e.getParameterValidationResults().isEmpty() ? null
                : e.getParameterValidationResults().get(0).getMethodParameter().getParameterName();
        return name == null ? answer(HttpStatus.BAD_REQUEST, "invalid-parameter", null, "problem.invalid-parameter.invalid")
                : answer(HttpStatus.BAD_REQUEST, "invalid-parameter", name, "problem.invalid-parameter.named-invalid", name);
    }

    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(jakarta.validation.ConstraintViolationException e) {
        String field = e.getConstraintViolations().stream().findFirst().map(v -> v.getPropertyPath().toString()).orElse(null);
        return missingField(field);
    }

    private ResponseEntity<ProblemDetail> missingField(String field) {
        return field == null ? answer(HttpStatus.BAD_REQUEST, "missing-field", null, "problem.missing-field.request-unnamed")
                : answer(HttpStatus.BAD_REQUEST, "missing-field", field, "problem.missing-field.request", field);
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> upload(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return tooLarge(e.getMaxUploadSize());
    }

    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestTimeoutException.class)
    ResponseEntity<ProblemDetail> asyncTimeout(org.springframework.web.context.request.async.AsyncRequestTimeoutException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null, "problem.unavailable.timeout");
    }

    /** An id of another kind of aggregate (a congress id given as an election id): nothing of that kind exists. */
    @ExceptionHandler(org.axonframework.eventsourcing.IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> incompatible(org.axonframework.eventsourcing.IncompatibleAggregateException e) {
        return notFound(null);
    }

    /** The firewall checks some headers lazily, when MVC reads them: the same 400 as at the filter chain. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return answer(HttpStatus.BAD_REQUEST, "malformed-request", null, "problem.malformed-request");
    }

    @ExceptionHandler(org.springframework.web.servlet.NoHandlerFoundException.class)
    ResponseEntity<ProblemDetail> noHandler(org.springframework.web.servlet.NoHandlerFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not-found", null, "problem.not-found");
    }

}
