package vn.daihoi.congress.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.Access;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Role;
import vn.daihoi.congress.CongressController;
import vn.daihoi.congress.CongressKind;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries.CongressSummary;
import vn.daihoi.congress.CongressQueries.Dashboard;
import vn.daihoi.congress.CongressQueries.DashboardOf;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.Term;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.organisation.DecisionBody;
import vn.daihoi.organisation.UnitController;
import vn.daihoi.organisation.UnitQueries.TreeNode;
import vn.daihoi.organisation.UnitQueries.UnitView;
import vn.daihoi.organisation.UnitQueries.UnitWithAncestors;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The organiser's console for a congress (issue 12, items 2 and 5's frame): {@code /console} lists the units he
 * organises with their congresses; {@code /console/units/{unitId}/congresses/new} convenes one through
 * {@link CongressController#convene}; {@code /console/congresses/{congressId}} is the run-of-show (what is done,
 * what comes next, what blocks it, read from the projections) with the reschedule and cancel forms. Every form
 * runs the API's own request record and method ({@link ConsoleForm}); a refusal is shown next to its field.
 */
@Controller
@WebPage
public class CongressConsole {

    private final Access access;
    private final CongressController api;
    private final UnitController units;
    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final ConsoleForm form;
    private final java.time.Clock clock;

    public CongressConsole(Access access, CongressController api, UnitController units, CongressProjection congresses,
                           ElectionProjection elections, ConsoleForm form, java.time.Clock clock) {
        this.clock = clock;
        this.access = access;
        this.api = api;
        this.units = units;
        this.congresses = congresses;
        this.elections = elections;
        this.form = form;
    }

    /** A unit under the organiser's grants, indented by its depth, with its congresses newest first. */
    public record UnitLine(UnitView unit, int depth, List<CongressSummary> congresses) {}

    @GetMapping("/console")
    public String start(Model model) {
        Caller caller = access.caller();
        if (caller.isVoter()) throw new vn.daihoi.account.AccessDenied();
        List<String> roots = new ArrayList<>(new LinkedHashSet<>(caller.scopes(Role.ORGANISER)));
        List<TreeNode> forest = new ArrayList<>();
        if (caller.isAdmin()) forest.addAll(units.tree(null, null));
        else for (String root : roots) forest.addAll(units.tree(null, root));
        List<UnitLine> lines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (TreeNode n : forest) flatten(n, 0, lines, seen);
        Map<String, List<CongressSummary>> byUnit = new LinkedHashMap<>();
        congresses.latestOf(seen, List.of(), false).forEach(c -> byUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c));
        model.addAttribute("units", lines.stream().map(l -> new UnitLine(l.unit(), l.depth(), byUnit.getOrDefault(l.unit().unitId(), List.of()))).toList());
        return "congress/console";
    }

    private static void flatten(TreeNode n, int depth, List<UnitLine> lines, Set<String> seen) {
        if (n.unit() == null || !seen.add(n.unit().unitId()) || depth > 16) return;
        lines.add(new UnitLine(n.unit(), depth, List.of()));
        n.children().forEach(c -> flatten(c, depth + 1, lines, seen));
    }

    // ---- convening (R-10) ---------------------------------------------------------------------------

    @GetMapping("/console/units/{unitId}/congresses/new")
    public String conveneForm(@PathVariable String unitId, Model model) {
        access.requireOrganiserOf(unitId);
        int year = LocalDate.now(clock).getYear();
        return convenePage(unitId, new ConveneFields("DELEGATE", "", String.valueOf(year), String.valueOf(year + 5), false, "",
                "", "", "", "union-2020", "", ""), model);
    }

    /** What the organiser typed, given back to the form after a refusal. */
    public record ConveneFields(String kind, String ordinal, String termStart, String termEnd, boolean pilot,
                                String pilotChosenByUnitId, String date, String venue, String announcedSeats,
                                String profileId, String decisionNumber, String decisionSignedOn) {}

    @PostMapping("/console/units/{unitId}/congresses/new")
    public String convene(@PathVariable String unitId,
                          @RequestParam(name = "kind", required = false) String kind,
                          @RequestParam(name = "ordinal", required = false) String ordinal,
                          @RequestParam(name = "termStart", required = false) String termStart,
                          @RequestParam(name = "termEnd", required = false) String termEnd,
                          @RequestParam(name = "pilot", required = false) String pilot,
                          @RequestParam(name = "pilotChosenByUnitId", required = false) String chooser,
                          @RequestParam(name = "date", required = false) String date,
                          @RequestParam(name = "venue", required = false) String venue,
                          @RequestParam(name = "announcedSeats", required = false) String seats,
                          @RequestParam(name = "profileId", required = false) String profileId,
                          @RequestParam(name = "decisionNumber", required = false) String decisionNumber,
                          @RequestParam(name = "decisionSignedOn", required = false) String decisionSignedOn,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOf(unitId);
        ConveneFields typed = new ConveneFields(text(kind, Limits.WORD), text(ordinal, 8), text(termStart, 8), text(termEnd, 8),
                pilot != null, text(chooser, Limits.ID), text(date, 10), text(venue, Limits.NAME), text(seats, 8),
                text(profileId, Limits.ID), text(decisionNumber, Limits.DECISION_NUMBER), text(decisionSignedOn, 10));
        Integer start = number(typed.termStart());
        Integer end = number(typed.termEnd());
        String id = UUID.randomUUID().toString();
        String number = blankToNull(typed.decisionNumber());
        CongressController.Convene body = new CongressController.Convene(id, unitId, number(typed.ordinal()),
                start == null || end == null ? null : new Term(start, end), kind(typed.kind()), typed.pilot(),
                typed.pilot() ? blankToNull(typed.pilotChosenByUnitId()) : null, day(typed.date()), blankToNull(typed.venue()),
                number(typed.announcedSeats()), blankToNull(typed.profileId()), null,
                number == null ? null : new DecisionBody(number, day(typed.decisionSignedOn()), null), null, null, null);
        if (form.run(body, () -> api.convene(body), model, request, response)) {
            return "redirect:/console/congresses/" + id;
        }
        return convenePage(unitId, typed, model);
    }

    private String convenePage(String unitId, ConveneFields fields, Model model) {
        UnitWithAncestors unit = units.unit(unitId, null);
        model.addAttribute("unitId", unitId);
        model.addAttribute("unit", unit.unit());
        model.addAttribute("above", unit.ancestors());
        model.addAttribute("fields", fields);
        model.addAttribute("kinds", List.of(CongressKind.DELEGATE, CongressKind.ALL_MEMBER));
        List<RuleProfile> profiles = api.profiles();
        model.addAttribute("profiles", profiles);
        model.addAttribute("chosenProfile", profiles.stream().filter(p -> p.id().equals(fields.profileId())).findFirst()
                .orElse(profiles.get(0)).id());
        return "congress/convene";
    }

    // ---- the run-of-show ----------------------------------------------------------------------------

    @GetMapping("/console/congresses/{congressId}")
    public String home(@PathVariable String congressId, Model model) {
        access.requireOrganiserOfCongress(congressId);
        return homePage(congressId, model);
    }

    @PostMapping("/console/congresses/{congressId}/reschedule")
    public String reschedule(@PathVariable String congressId, @RequestParam(name = "date", required = false) String date,
                             @RequestParam(name = "venue", required = false) String venue,
                             @RequestParam(name = "reason", required = false) String reason,
                             HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        CongressController.Reschedule body = new CongressController.Reschedule(day(text(date, 10)), blankToNull(text(venue, Limits.NAME)),
                blankToNull(text(reason, Limits.REASON)));
        if (form.run(body, () -> api.reschedule(congressId, body), model, request, response)) {
            return "redirect:/console/congresses/" + congressId;
        }
        model.addAttribute("failedForm", "reschedule");
        return homePage(congressId, model);
    }

    @PostMapping("/console/congresses/{congressId}/cancel")
    public String cancel(@PathVariable String congressId, @RequestParam(name = "reason", required = false) String reason,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        CongressController.Cancel body = new CongressController.Cancel(blankToNull(text(reason, Limits.REASON)));
        if (form.run(body, () -> api.cancel(congressId, body), model, request, response)) {
            return "redirect:/console/congresses/" + congressId;
        }
        model.addAttribute("failedForm", "cancel");
        return homePage(congressId, model);
    }

    private String homePage(String congressId, Model model) {
        Dashboard d = congresses.dashboard(new DashboardOf(congressId)).orElseThrow();
        List<ElectionView> list = elections.electionsOf(congressId).stream()
                .map(id -> elections.election(new ElectionOf(id))).flatMap(Optional::stream).toList();
        model.addAttribute("congressId", congressId);
        model.addAttribute("dashboard", d);
        model.addAttribute("steps", RunOfShow.of(d, list));
        model.addAttribute("elections", list);
        return "congress/run-of-show";
    }

    // ---- form text --------------------------------------------------------------------------------------

    static String text(String value, int max) {
        String s = FormText.line(value, max);
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A number typed in a form; anything else is absent (the API then names the field). */
    static Integer number(String s) {
        if (s == null || s.isBlank() || s.length() > 9) return null;
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static LocalDate day(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static CongressKind kind(String s) {
        for (CongressKind k : CongressKind.values()) if (k.name().equals(s) && !k.isMeeting()) return k;
        return null;
    }
}
