package vn.daihoi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import vn.daihoi.infra.ProjectionSync;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.ProblemTexts;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A console form (organiser, counting committee) runs the API's own command path: the same request record, checked
 * by the same Bean Validation constraints the API's edge applies, then the same controller method, so the rules
 * live in one place (the domain) and the web layer only translates. A refusal — the edge's or the domain's — is
 * put on the page as {@code problem}: the API's type, rule id, field and title in the reader's language, shown
 * next to the field it concerns ({@code console :: field-error}) and in the summary ({@code console :: problem}).
 */
@Component
public class ConsoleForm {

    /** A refusal as a page shows it. */
    public record PageProblem(String type, String rule, String field, String title, int status) {}

    private final Validator validator;
    private final ProblemTexts texts;

    public ConsoleForm(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.texts = new ProblemTexts(messages);
    }

    /**
     * Checks {@code body} (null: nothing to check) as the API's edge would, then runs {@code command}. On a refusal
     * the model gets {@code problem}, the answer its status, and the result is false; nothing was changed.
     */
    public boolean run(Object body, Runnable command, Model model, HttpServletRequest request, HttpServletResponse response) {
        return run(body, () -> {
            command.run();
            return null;
        }, model, request, response);
    }

    /**
     * As above, for an API method that answers. When it answers with a future (read-your-writes, ADR 0027) the page
     * waits for it, bounded by the read model's limit: a page goes on to render the read model, so it cannot answer
     * 202. A late read model is never silent: the page answers with {@value ProjectionSync#STALE_HEADER}{@code : true}
     * and the layout says, in words, that the page may not show the change yet ({@code readModelStale}).
     */
    public boolean run(Object body, Supplier<?> command, Model model, HttpServletRequest request, HttpServletResponse response) {
        try {
            if (body != null) check(body);
            Object answer = command.get();
            if (answer instanceof CompletionStage<?> pending) answer = joined(pending.toCompletableFuture());
            if (answer instanceof ResponseEntity<?> r && ProjectionSync.isStale(r)) stale(model, response);
            return true;
        } catch (RuntimeException e) {
            RuleViolation v = violation(e);
            if (v == null) throw e;
            refuse(v, model, request, response);
            return false;
        }
    }

    /**
     * Waits for an API method's answer, bounded by the read model's limit (ADR 0027): a page renders the read model
     * next, so it waits where the API would answer 202. A late answer marks the page ({@link #stale}); its body is
     * then empty (its Location says where the written resource will be: {@link #createdId}).
     */
    public <T> ResponseEntity<T> await(CompletableFuture<ResponseEntity<T>> pending, Model model, HttpServletResponse response) {
        ResponseEntity<T> answer = joined(pending);
        if (ProjectionSync.isStale(answer)) stale(model, response);
        return answer;
    }

    /** The future's value; its failure as itself, not wrapped, so a refusal is shown as one. */
    private static <T> T joined(CompletableFuture<T> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }

    /** The id at the end of an answer's Location: the resource it created, or where a late answer says to look. */
    public static String createdId(ResponseEntity<?> answer) {
        String path = java.util.Objects.requireNonNull(answer.getHeaders().getLocation(), "an answer without a Location").getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Marks the page as made on a read model that had not caught up with the page's own write. */
    public static void stale(Model model, HttpServletResponse response) {
        response.setHeader(ProjectionSync.STALE_HEADER, "true");
        model.addAttribute("readModelStale", true);
        // A form that redirects after its write: the page it leads to says it too (kept only if a redirect follows).
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
            org.springframework.web.servlet.FlashMap flash = RequestContextUtils.getOutputFlashMap(a.getRequest());
            if (flash != null) flash.put("readModelStale", true);
        }
    }

    /** Puts a refusal on the page. */
    public void refuse(RuleViolation v, Model model, HttpServletRequest request, HttpServletResponse response) {
        int status = switch (v.kind()) {
            case INVALID -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        vn.daihoi.infra.Meters.refused(v.type()); // ADR 0028: refusals by type, pages as the API
        model.addAttribute("problem", new PageProblem(v.type(), v.ruleId(), v.field(),
                texts.title(v, RequestContextUtils.getLocale(request)), status));
    }

    /** The first constraint a request record breaks, as the API's edge reports it ({@code missing-field}). */
    public void check(Object body) {
        Set<ConstraintViolation<Object>> broken = validator.validate(body);
        broken.stream().map(c -> c.getPropertyPath().toString()).min(Comparator.naturalOrder()).ifPresent(field -> {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "missing-field", null, field,
                    "problem.missing-field.request", field);
        });
    }

    /** The rule refusal inside whatever Axon or a future wrapped it in; null when it is not one. */
    public static RuleViolation violation(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RuleViolation v) return v;
        }
        return null;
    }
}
