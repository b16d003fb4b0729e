package vn.daihoi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.ProblemTexts;

import java.util.Comparator;
import java.util.Set;

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
        try {
            if (body != null) check(body);
            command.run();
            return true;
        } catch (RuntimeException e) {
            RuleViolation v = violation(e);
            if (v == null) throw e;
            refuse(v, model, request, response);
            return false;
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
