package vn.daihoi.delegate.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.AuthController;
import vn.daihoi.account.Caller;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.delegate.DelegateController;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.infra.JdbcBallotBox;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.FormText;
import vn.daihoi.web.SignInForm;
import vn.daihoi.web.SignedIn;
import vn.daihoi.web.WebPage;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code /vote}: a delegate types the one-time code on his slip (or his phone fills it from the slip's QR code, whose
 * address carries it in the fragment, which no server, proxy or Referer ever sees); the code is exchanged exactly
 * as the API exchanges it and the token stays in his session. Signed in, the same address lists his congress's
 * rounds and where he stands in each.
 */
@Controller
@WebPage
public class VoterPage {

    private final AuthController auth;
    private final DelegateController delegates;
    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final JdbcBallotBox box;

    public VoterPage(AuthController auth, DelegateController delegates, CongressProjection congresses, ElectionProjection elections,
                     JdbcBallotBox box) {
        this.auth = auth;
        this.delegates = delegates;
        this.congresses = congresses;
        this.elections = elections;
        this.box = box;
    }

    /** One line of the delegate's list: a round that is open or counted, and where he stands. */
    public record RoundLine(String electionId, String title, boolean confidence, int round, String status, String standing) {}

    @GetMapping("/vote")
    public String home(HttpServletRequest request, Model model) {
        Caller voter = voter();
        if (voter == null) {
            model.addAttribute("ended", SignedIn.ended(request));
            return "delegate/sign-in";
        }
        model.addAttribute("congress", congresses.summary(voter.congressId()).orElse(null));
        model.addAttribute("me", delegates.me(voter.congressId()));
        List<RoundLine> lines = new ArrayList<>();
        for (String electionId : elections.electionsOf(voter.congressId())) {
            ElectionView e = elections.election(new ElectionOf(electionId)).orElse(null);
            if (e == null) continue;
            e.rounds().forEach(r -> {
                if (!"OPEN".equals(r.status()) && !"COUNTED".equals(r.status())) return;
                String standing = "OPEN".equals(r.status()) ? box.standing(electionId, r.round(), voter.delegateId()).name() : null;
                lines.add(new RoundLine(electionId, e.title(), e.body() == ElectedBody.CONFIDENCE_VOTE, r.round(), r.status(), standing));
            });
        }
        model.addAttribute("rounds", lines);
        return "delegate/home";
    }

    private final SignInForm form = new SignInForm("delegate/sign-in", "/vote");

    @PostMapping("/vote")
    public String signIn(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        String typed = FormText.line(code, Limits.SECRET);
        if (typed == null || typed.isBlank()) return form.refused(response, model, 422, "form.code.missing", null);
        return form.attempt(() -> auth.votingCode(new AuthController.VotingCode(typed), request).token(),
                v -> "refusal." + v.type(), request, response, model);
    }

    @PostMapping("/vote/sign-out")
    public String signOut(HttpServletRequest request) {
        SignedIn.end(request);
        return "redirect:/";
    }

    /** The signed-in voter, or null. */
    static Caller voter() {
        Caller c = SignInForm.caller();
        return c != null && c.isVoter() ? c : null;
    }
}
