package vn.daihoi.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.AuthController;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Grant;
import vn.daihoi.account.Role;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.FormText;
import vn.daihoi.web.SignInForm;
import vn.daihoi.web.SignedIn;
import vn.daihoi.web.WebPage;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /staff}: an organiser, a counting-committee member or an auditor signs in with his account (the same
 * sign-in, limits and token as {@code POST /api/auth/login}) and finds his congresses, with their hall screen.
 */
@Controller
@WebPage
public class StaffPage {

    private final AuthController auth;
    private final CongressProjection congresses;

    public StaffPage(AuthController auth, CongressProjection congresses) {
        this.auth = auth;
        this.congresses = congresses;
    }

    @GetMapping("/staff")
    public String home(HttpServletRequest request, Model model) {
        Caller staff = staff();
        if (staff == null) {
            model.addAttribute("ended", SignedIn.ended(request));
            return "account/staff-sign-in";
        }
        List<String> units = new ArrayList<>();
        List<String> congressIds = new ArrayList<>();
        for (Grant g : staff.grants()) {
            if (g.role() == Role.COUNTING) congressIds.add(g.scopeId());
            else if (g.scopeId() != null) units.add(g.scopeId());
        }
        model.addAttribute("congresses", congresses.latestOf(units, congressIds, staff.isAdmin()));
        model.addAttribute("organiser", staff.isAdmin() || !staff.scopes(Role.ORGANISER).isEmpty());
        model.addAttribute("counting", !congressIds.isEmpty());
        // Issue 12: the auditor's pages over his subtree.
        model.addAttribute("auditor", staff.isAdmin() || !staff.scopes(Role.AUDITOR).isEmpty());
        return "account/staff-home";
    }

    private final SignInForm form = new SignInForm("account/staff-sign-in", "/staff");

    @PostMapping("/staff")
    public String signIn(@RequestParam(name = "username", required = false) String username,
                         @RequestParam(name = "password", required = false) String password,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        String user = FormText.line(username, Limits.USERNAME);
        if (user == null || user.isBlank() || password == null || password.isEmpty() || password.length() > Limits.PASSWORD_BYTES) {
            return form.refused(response, model, 422, "staff.error.missing", null);
        }
        return form.attempt(() -> auth.login(new AuthController.Login(user, password), request).token(),
                v -> "staff.error.wrong", request, response, model);
    }

    @PostMapping("/staff/sign-out")
    public String signOut(HttpServletRequest request) {
        SignedIn.end(request);
        return "redirect:/";
    }

    private static Caller staff() {
        Caller c = SignInForm.caller();
        return c != null && !c.isVoter() ? c : null;
    }
}
