package vn.daihoi.congress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.Access;
import vn.daihoi.congress.Attendance;
import vn.daihoi.congress.CongressController;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries.Dashboard;
import vn.daihoi.congress.CongressQueries.DashboardOf;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.delegate.DelegateController;
import vn.daihoi.delegate.DelegateQueries.RollEntry;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/congresses/{congressId}/session}: the organiser opens and closes the session and records the
 * show-of-hands decisions through {@link CongressController}. While he types the counts the page says
 * whether the quorum holds and how many votes for pass the decision — computed by the rule profile's own
 * {@link RuleProfile#showOfHandsPasses} and {@link Attendance#admitsHands}, the functions the congress aggregate
 * decides with, so the hint and the verdict cannot disagree.
 */
@Controller
@WebPage
public class SessionConsole {

    /** The subjects the console records (the others stay in the API). */
    static final List<DecisionSubject> SUBJECTS = List.of(DecisionSubject.PRESIDIUM, DecisionSubject.SECRETARIAT,
            DecisionSubject.COUNTING_COMMITTEE, DecisionSubject.COMMITTEE_SIZE, DecisionSubject.CANDIDATE_LIST);

    private final Access access;
    private final CongressController api;
    private final DelegateController delegates;
    private final CongressProjection congresses;
    private final ConsoleForm form;

    public SessionConsole(Access access, CongressController api, DelegateController delegates, CongressProjection congresses,
                          ConsoleForm form) {
        this.access = access;
        this.api = api;
        this.delegates = delegates;
        this.congresses = congresses;
        this.form = form;
    }

    /** What the organiser typed in the decision form. */
    public record DecisionFields(String subject, String title, List<String> personIds, String seats, String votesFor,
                                 String votesAgainst, String abstentions) {
        static DecisionFields empty() {
            return new DecisionFields("COUNTING_COMMITTEE", "", List.of(), "", "", "0", "0");
        }
    }

    /**
     * The verdict shown as the counts are typed: {@code cast} hands against {@code present}; {@code needed} votes for
     * pass; {@code passes}: the decision would pass with these counts.
     */
    public record Hint(boolean quorumMet, int present, int summoned, String quorumRule, String majority, long needed,
                       Integer votesFor, long cast, boolean handsAdmitted, boolean passes) {}

    @GetMapping("/console/congresses/{congressId}/session")
    public String page(@PathVariable String congressId, Model model) {
        access.requireOrganiserOfCongress(congressId);
        return show(congressId, DecisionFields.empty(), model);
    }

    @PostMapping("/console/congresses/{congressId}/session/open")
    public String open(@PathVariable String congressId, HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        if (form.run(null, () -> api.open(congressId), model, request, response)) {
            return "redirect:/console/congresses/" + congressId + "/session";
        }
        return show(congressId, DecisionFields.empty(), model);
    }

    @PostMapping("/console/congresses/{congressId}/session/close")
    public String close(@PathVariable String congressId, HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        if (form.run(null, () -> api.close(congressId), model, request, response)) {
            return "redirect:/console/congresses/" + congressId;
        }
        return show(congressId, DecisionFields.empty(), model);
    }

    @PostMapping("/console/congresses/{congressId}/session/decisions")
    public String decide(@PathVariable String congressId,
                         @RequestParam(name = "subject", required = false) String subject,
                         @RequestParam(name = "title", required = false) String title,
                         @RequestParam(name = "personIds", required = false) List<String> personIds,
                         @RequestParam(name = "seats", required = false) String seats,
                         @RequestParam(name = "votesFor", required = false) String votesFor,
                         @RequestParam(name = "votesAgainst", required = false) String votesAgainst,
                         @RequestParam(name = "abstentions", required = false) String abstentions,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        DecisionFields typed = fields(subject, title, personIds, seats, votesFor, votesAgainst, abstentions);
        Integer yes = CongressConsole.number(typed.votesFor());
        Integer no = CongressConsole.number(typed.votesAgainst());
        Integer abstain = CongressConsole.number(typed.abstentions());
        if (yes == null) {
            form.refuse(new vn.daihoi.common.RuleViolation(vn.daihoi.common.RuleViolation.Kind.INVALID, "missing-field", "R-15",
                    "votesFor", "problem.missing-field.request", "votesFor"), model, request, response);
            return show(congressId, typed, model);
        }
        DecisionSubject s = subject(typed.subject());
        boolean people = s != null && (s.electsBody() || s == DecisionSubject.CANDIDATE_LIST);
        CongressController.ShowOfHands body = new CongressController.ShowOfHands(null, s,
                CongressConsole.blankToNull(typed.title()), people ? typed.personIds() : List.of(),
                s == DecisionSubject.COMMITTEE_SIZE ? CongressConsole.number(typed.seats()) : null,
                yes, no == null ? 0 : no, abstain == null ? 0 : abstain);
        if (form.run(body, () -> api.decide(congressId, body), model, request, response)) {
            return "redirect:/console/congresses/" + congressId + "/session#decisions";
        }
        return show(congressId, typed, model);
    }

    /** The quorum and majority as the counts are typed (htmx asks for the hint only). */
    @PostMapping("/console/congresses/{congressId}/session/hint")
    public String hint(@PathVariable String congressId,
                       @RequestParam(name = "votesFor", required = false) String votesFor,
                       @RequestParam(name = "votesAgainst", required = false) String votesAgainst,
                       @RequestParam(name = "abstentions", required = false) String abstentions,
                       @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        access.requireOrganiserOfCongress(congressId);
        DecisionFields typed = fields(null, null, null, null, votesFor, votesAgainst, abstentions);
        String view = show(congressId, typed, model);
        return htmx != null ? "congress/session :: hint" : view;
    }

    private static DecisionFields fields(String subject, String title, List<String> personIds, String seats, String votesFor,
                                         String votesAgainst, String abstentions) {
        List<String> ids = new ArrayList<>();
        if (personIds != null) {
            for (String p : personIds) {
                String id = FormText.line(p, Limits.ID);
                if (id != null && !id.isBlank() && ids.size() < Limits.ITEMS) ids.add(id);
            }
        }
        return new DecisionFields(CongressConsole.text(subject, Limits.WORD), CongressConsole.text(title, Limits.NAME), ids,
                CongressConsole.text(seats, 8), CongressConsole.text(votesFor, 8), CongressConsole.text(votesAgainst, 8),
                CongressConsole.text(abstentions, 8));
    }

    private static DecisionSubject subject(String s) {
        for (DecisionSubject d : SUBJECTS) if (d.name().equals(s)) return d;
        return null;
    }

    private String show(String congressId, DecisionFields fields, Model model) {
        Dashboard d = congresses.dashboard(new DashboardOf(congressId)).orElseThrow();
        List<RollEntry> roll = delegates.roll(congressId).delegates();
        Map<String, String> names = new LinkedHashMap<>();
        roll.forEach(e -> names.put(e.personId(), e.fullName() == null ? e.code() : e.fullName() + " (" + e.code() + ")"));
        model.addAttribute("congressId", congressId);
        model.addAttribute("dashboard", d);
        model.addAttribute("fields", fields);
        model.addAttribute("subjects", SUBJECTS);
        model.addAttribute("roll", roll.stream().filter(e -> e.category() != vn.daihoi.delegate.DelegateCategory.GUEST).toList());
        model.addAttribute("names", names);
        model.addAttribute("hint", hint(d, fields));
        return "congress/session";
    }

    /** as the aggregate decides them, from the congress's own profile and its attendance now. */
    static Hint hint(Dashboard d, DecisionFields fields) {
        RuleProfile profile = RuleProfiles.byId(d.congress().profileId()).orElse(RuleProfiles.UNION_DEFAULT);
        Attendance now = new Attendance(d.summoned(), d.present(), d.quorumMet());
        Integer yes = CongressConsole.number(fields.votesFor());
        Integer no = CongressConsole.number(fields.votesAgainst());
        Integer abstain = CongressConsole.number(fields.abstentions());
        long cast = (long) (yes == null ? 0 : yes) + (no == null ? 0 : no) + (abstain == null ? 0 : abstain);
        return new Hint(now.quorumMet(), now.present(), now.summoned(), profile.quorum().toString(),
                profile.showOfHandsMajority().toString(), profile.showOfHandsVotesNeeded(now.present()), yes, cast,
                now.admitsHands(cast), yes != null && profile.showOfHandsPasses(yes, now.present()));
    }
}
