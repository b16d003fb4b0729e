package vn.daihoi.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import vn.daihoi.account.Caller;
import vn.daihoi.account.SignInLimits;
import vn.daihoi.common.RuleViolation;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A sign-in form (a delegate's code, a staff member's password): the exchange is the API's own, with its rate
 * limits; success starts the page session and goes to {@code home}; a refusal shows the form again with what went
 * wrong and what to do, under the page bundle's keys.
 */
public final class SignInForm {

    private final String view;
    private final String home;

    public SignInForm(String view, String home) {
        this.view = view;
        this.home = home;
    }

    /**
     * @param token      the exchange; throws the API's refusal
     * @param refusalKey the page bundle's key (without {@code .title}/{@code .advice}) for a refusal of the exchange
     */
    public String attempt(Supplier<String> token, Function<RuleViolation, String> refusalKey, HttpServletRequest request,
                          HttpServletResponse response, Model model) {
        try {
            SignedIn.start(request, token.get());
            return "redirect:" + home;
        } catch (RuleViolation v) {
            String key = refusalKey.apply(v);
            return refused(response, model, 422, key + ".title", key + ".advice");
        } catch (SignInLimits.TooManyAttempts t) {
            model.addAttribute("retryAfter", t.retryAfterSeconds());
            return refused(response, model, 429, "refusal.too-many-attempts.title", "refusal.too-many-attempts.advice");
        }
    }

    /** The form again, with the error summary of {@code error} (a message key) and, if given, its advice. */
    public String refused(HttpServletResponse response, Model model, int status, String error, String advice) {
        response.setStatus(status);
        model.addAttribute("error", error);
        model.addAttribute("errorAdvice", advice);
        return view;
    }

    /** Who the page session belongs to, or null: a page decides what an anonymous visitor sees instead of refusing him. */
    public static Caller caller() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.getPrincipal() instanceof Caller c ? c : null;
    }
}
