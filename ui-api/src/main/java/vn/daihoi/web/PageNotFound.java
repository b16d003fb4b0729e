package vn.daihoi.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.infra.Problems;

import java.util.Locale;
import java.util.Map;

/**
 * An address that leads nowhere (a mistyped link): outside the API it is a page in the
 * reader's language; inside it stays the API's problem document.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageNotFound {

    private final MessageSource messages;

    public PageNotFound(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/actuator")) {
            return Problems.problem(HttpStatus.NOT_FOUND, "not-found", null, null, "problem.not-found");
        }
        return page(request, messages);
    }

    static ModelAndView page(HttpServletRequest request, MessageSource messages) {
        Locale locale = RequestContextUtils.getLocale(request);
        ModelAndView page = new ModelAndView("refusal", Map.of(
                "code", "not-found",
                "refusalTitle", messages.getMessage("refusal.not-found.title", null, locale),
                "refusalAdvice", messages.getMessage("refusal.not-found.advice", null, locale),
                "here", "/vote"), HttpStatus.NOT_FOUND);
        return page;
    }
}
