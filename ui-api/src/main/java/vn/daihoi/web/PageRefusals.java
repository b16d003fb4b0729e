package vn.daihoi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.DatabaseOutage;

import java.util.Locale;

/**
 * A refusal met on a page becomes a page in the reader's language that says what happened and what to do — never
 * a problem document, a status code or a stack trace. The words are the page bundle's {@code refusal.<type>.*}
 * where a delegate needs advice; otherwise the problem's own title.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageRefusals {

    private static final Logger log = LoggerFactory.getLogger(PageRefusals.class);

    private final MessageSource messages;
    private final vn.daihoi.infra.ProblemTexts problems;

    public PageRefusals(MessageSource messages) {
        this.messages = messages;
        this.problems = new vn.daihoi.infra.ProblemTexts(messages);
    }

    /** Where the language switch leads: this page again when it was fetched, the voting page after a form post. */
    @org.springframework.web.bind.annotation.ModelAttribute("here")
    String here(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) ? request.getServletPath() : "/vote";
    }

    @ExceptionHandler(RuleViolation.class)
    String rule(RuleViolation v, HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = switch (v.kind()) {
            case INVALID -> 422;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
        };
        Locale locale = RequestContextUtils.getLocale(request);
        String title = messages.getMessage("refusal." + v.type() + ".title", null, null, locale);
        if (title == null) title = problems.title(v, locale);
        String advice = messages.getMessage("refusal." + v.type() + ".advice", null, null, locale);
        return page(response, model, status, v.type(), title, advice == null ? messages.getMessage("refusal.default.advice", null, locale) : advice);
    }

    /** Not signed in (or signed in as someone who may not see this): the sign-in page, or why the session ended. */
    @ExceptionHandler(AccessDenied.class)
    String denied(AccessDenied e, HttpServletRequest request, HttpServletResponse response, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        if (SignedIn.ended(request)) {
            return page(response, model, 401, "session-ended", messages.getMessage("refusal.session-ended.title", null, locale),
                    messages.getMessage("refusal.session-ended.advice", null, locale));
        }
        return page(response, model, 403, "forbidden", messages.getMessage("refusal.forbidden.title", null, locale),
                messages.getMessage("refusal.forbidden.advice", null, locale));
    }

    /** A page address with a word where a number belongs: no such page. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    org.springframework.web.servlet.ModelAndView mistyped(Exception e, HttpServletRequest request) {
        return PageNotFound.page(request, messages);
    }

    /**
     * A live view's reader went away (a desk moved to another page, a phone slept): the next event finds the
     * connection closed. Nothing went wrong and there is no one to answer; not an error for the log.
     */
    @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
    void gone(Exception e) {
        log.debug("a live view's client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Model model) {
        Throwable cause = e;
        while (cause.getCause() != null && cause != cause.getCause() && !(cause instanceof RuleViolation) && !(cause instanceof AccessDenied)) {
            cause = cause.getCause();
        }
        if (cause instanceof RuleViolation v) return rule(v, request, response, model);
        if (cause instanceof AccessDenied a) return denied(a, request, response, model);
        Locale locale = RequestContextUtils.getLocale(request);
        if (DatabaseOutage.causedBy(e)) {
            return page(response, model, 503, "database-unavailable", messages.getMessage("refusal.unavailable.title", null, locale),
                    messages.getMessage("refusal.unavailable.advice", null, locale));
        }
        log.atError().setCause(e).addKeyValue("exception", e.getClass().getName()).log("unexpected failure on a page");
        return page(response, model, 500, "internal-error", messages.getMessage("refusal.internal.title", null, locale),
                messages.getMessage("refusal.default.advice", null, locale));
    }

    private static String page(HttpServletResponse response, Model model, int status, String code, String title, String advice) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("code", code);
        model.addAttribute("refusalTitle", title);
        model.addAttribute("refusalAdvice", advice);
        return "refusal";
    }
}
