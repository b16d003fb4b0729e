package vn.daihoi.organisation.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.account.Access;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.account.Role;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.organisation.DecisionBody;
import vn.daihoi.organisation.UnitController;
import vn.daihoi.organisation.UnitKind;
import vn.daihoi.organisation.UnitQueries.History;
import vn.daihoi.organisation.UnitQueries.TreeNode;
import vn.daihoi.organisation.UnitQueries.UnitView;
import vn.daihoi.organisation.UnitQueries.UnitWithAncestors;
import vn.daihoi.organisation.UnitRequests;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code /console/units…}: the organiser's unit registry. The tree as it stood on any date, one unit's
 * history, and one page per change — register, rename, move, merge, split, dissolve — each with its effective date
 * and decision. Every form builds the API's own request record and runs {@link UnitController}'s method through
 * {@link ConsoleForm}; a refusal (the edge's or the aggregate's) is shown next to the field it names.
 */
@Controller
@WebPage
public class UnitsConsole {

    /** The changes a unit page offers, each a page of its own (one thing per page). */
    static final Set<String> ACTIONS = Set.of("rename", "move", "merge", "split", "dissolve");

    private final UnitController api;
    private final ConsoleForm form;
    private final Access access;
    private final Clock clock;

    public UnitsConsole(UnitController api, ConsoleForm form, Access access, Clock clock) {
        this.api = api;
        this.form = form;
        this.access = access;
        this.clock = clock;
    }

    /** One unit of the tree, flattened for a list of choices: its depth indents it. */
    public record Choice(String unitId, String code, String name, UnitKind kind, int depth) {}

    /** Labels of enums (unit kinds) in the reader's language. */
    @ModelAttribute("en")
    boolean english(HttpServletRequest request) {
        return "en".equals(RequestContextUtils.getLocale(request).getLanguage());
    }

    // ---- reads ------------------------------------------------------------------------------------------

    @GetMapping("/console/units")
    public String tree(@RequestParam(name = "on", required = false) String on, Model model) {
        requireOrganiser();
        LocalDate day = day(on);
        model.addAttribute("on", day);
        model.addAttribute("forest", api.tree(day, null));
        return "organisation/units";
    }

    @GetMapping("/console/units/{unitId}")
    public String unit(@PathVariable String unitId, @RequestParam(name = "on", required = false) String on, Model model) {
        String id = id(unitId);
        access.requireOrganiserOf(id);
        LocalDate day = day(on);
        History history = api.history(id);
        model.addAttribute("on", day);
        model.addAttribute("history", history);
        model.addAttribute("current", asOf(id, day));
        model.addAttribute("names", names(history));
        model.addAttribute("mayChange", mayChange(id));
        return "organisation/unit";
    }

    // ---- register ---------------------------------------------------------------------------------------

    @GetMapping("/console/units/new")
    public String registerForm(@RequestParam(name = "parent", required = false) String parent, Model model) {
        requireOrganiser();
        String chosen = FormText.line(parent, Limits.ID);
        return registerPage(model, chosen == null ? Map.of() : Map.of("parentUnitId", chosen));
    }

    @PostMapping("/console/units/new")
    public String register(@RequestParam MultiValueMap<String, String> fields, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        requireOrganiser();
        String unitId = UUID.randomUUID().toString();
        UnitRequests.Register body = new UnitRequests.Register(unitId, text(fields, "code", Limits.CODE), text(fields, "name", Limits.NAME),
                kind(fields, "kind"), text(fields, "parentUnitId", Limits.ID), null, date(fields, "effectiveOn"), decision(fields));
        if (!form.run(body, () -> api.register(body), model, request, response)) return registerPage(model, fields.toSingleValueMap());
        return "redirect:/console/units/" + unitId + "?on=" + body.effectiveOn();
    }

    private String registerPage(Model model, Map<String, String> values) {
        model.addAttribute("values", values);
        model.addAttribute("choices", choices(api.tree(LocalDate.now(clock), null)));
        model.addAttribute("kinds", UnitKind.values());
        return "organisation/unit-register";
    }

    // ---- changes of one unit ----------------------------------------------------------------------------

    @GetMapping("/console/units/{unitId}/{action}")
    public String changeForm(@PathVariable String unitId, @PathVariable String action, Model model) {
        String id = id(unitId);
        String what = action(action);
        access.requireOrganiserAbove(id);
        return changePage(model, id, what, Map.of());
    }

    @PostMapping("/console/units/{unitId}/{action}")
    public String change(@PathVariable String unitId, @PathVariable String action, @RequestParam MultiValueMap<String, String> fields,
                         Model model, HttpServletRequest request, HttpServletResponse response) {
        String id = id(unitId);
        String what = action(action);
        access.requireOrganiserAbove(id);
        LocalDate effectiveOn = date(fields, "effectiveOn");
        DecisionBody decision = decision(fields);
        AtomicReference<String> after = new AtomicReference<>(id);
        boolean done = switch (what) {
            case "rename" -> {
                var body = new UnitRequests.Rename(text(fields, "name", Limits.NAME), effectiveOn, decision);
                yield form.run(body, () -> api.rename(id, body), model, request, response);
            }
            case "move" -> {
                var body = new UnitRequests.Move(text(fields, "newParentUnitId", Limits.ID), null, effectiveOn, decision);
                yield form.run(body, () -> api.move(id, body), model, request, response);
            }
            case "dissolve" -> {
                var body = new UnitRequests.Dissolve(effectiveOn, decision);
                yield form.run(body, () -> api.dissolve(id, body), model, request, response);
            }
            case "merge" -> {
                List<String> sources = new ArrayList<>(List.of(id));
                String other = text(fields, "sourceUnitIds", Limits.ID);
                if (other != null) sources.add(other);
                UnitRequests.NewUnitBody newUnit = text(fields, "newUnit.code", Limits.CODE) == null ? null
                        : new UnitRequests.NewUnitBody(null, text(fields, "newUnit.code", Limits.CODE), text(fields, "newUnit.name", Limits.NAME),
                        kind(fields, "newUnit.kind"), parentOf(id), null);
                var body = new UnitRequests.Merge(sources, text(fields, "intoUnitId", Limits.ID), newUnit, effectiveOn, decision);
                yield form.run(body, () -> after.set(ConsoleForm.createdId(form.await(api.merge(body), model, response))), model, request, response);
            }
            default -> { // split
                List<UnitRequests.NewUnitBody> into = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String p = "into[" + i + "].";
                    into.add(new UnitRequests.NewUnitBody(null, text(fields, p + "code", Limits.CODE), text(fields, p + "name", Limits.NAME),
                            kind(fields, p + "kind"), null, null));
                }
                var body = new UnitRequests.Split(into, fields.containsKey("sourceContinues"), effectiveOn, decision);
                yield form.run(body, () -> api.split(id, body), model, request, response);
            }
        };
        if (!done) return changePage(model, id, what, fields.toSingleValueMap());
        return "redirect:/console/units/" + after.get() + (effectiveOn == null ? "" : "?on=" + effectiveOn);
    }

    private String changePage(Model model, String unitId, String action, Map<String, String> values) {
        LocalDate today = LocalDate.now(clock);
        UnitWithAncestors u = api.unit(unitId, null);
        model.addAttribute("action", action);
        model.addAttribute("unit", u.unit());
        model.addAttribute("values", values);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("choices", choices(api.tree(today, null)).stream().filter(c -> !c.unitId().equals(unitId)).toList());
        return "organisation/unit-change";
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void requireOrganiser() {
        var c = access.caller();
        if (!c.isAdmin() && c.scopes(Role.ORGANISER).isEmpty()) throw new AccessDenied();
    }

    private boolean mayChange(String unitId) {
        try {
            access.requireOrganiserAbove(unitId);
            return true;
        } catch (AccessDenied e) {
            return false;
        }
    }

    /** The unit as it stood on the day, or null when it was not active then (its history still tells its story). */
    private UnitWithAncestors asOf(String unitId, LocalDate day) {
        try {
            return api.unit(unitId, day);
        } catch (RuleViolation e) {
            return null;
        }
    }

    private String parentOf(String unitId) {
        UnitView u = api.unit(unitId, null).unit();
        return u == null ? null : u.parentUnitId();
    }

    /** Names of the units a history mentions (its parents before and after a move, merge partners), as of today or their last day. */
    private Map<String, String> names(History history) {
        Map<String, String> names = new java.util.HashMap<>();
        history.changes().forEach(c -> {
            List<String> ids = new ArrayList<>();
            if (c.fromParentUnitId() != null) ids.add(c.fromParentUnitId());
            if (c.toParentUnitId() != null) ids.add(c.toParentUnitId());
            if (c.relatedUnitIds() != null) ids.addAll(c.relatedUnitIds());
            for (String id : ids) {
                if (names.containsKey(id)) continue;
                UnitWithAncestors u = asOf(id, c.effectiveOn());
                if (u == null) u = asOf(id, c.effectiveOn().minusDays(1));
                names.put(id, u == null || u.unit() == null ? id : u.unit().name() + " (" + u.unit().code() + ")");
            }
        });
        return names;
    }

    static List<Choice> choices(List<TreeNode> forest) {
        List<Choice> out = new ArrayList<>();
        forest.forEach(n -> flatten(n, 0, out));
        return out;
    }

    private static void flatten(TreeNode n, int depth, List<Choice> out) {
        out.add(new Choice(n.unit().unitId(), n.unit().code(), n.unit().name(), n.unit().kind(), depth));
        n.children().forEach(c -> flatten(c, depth + 1, out));
    }

    private static String action(String action) {
        if (!ACTIONS.contains(action)) throw RuleViolation.notFound("unknown-unit", "unitId", action).variant("named");
        return action;
    }

    private static String id(String unitId) {
        String id = FormText.line(unitId, Limits.ID);
        if (id == null || id.isBlank()) throw RuleViolation.notFound("unknown-unit", "unitId", unitId).variant("named");
        return id;
    }

    private LocalDate day(String on) {
        LocalDate d = parse(on);
        return d == null ? LocalDate.now(clock) : d;
    }

    static LocalDate parse(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(MultiValueMap<String, String> fields, String name, int max) {
        String v = FormText.line(fields.getFirst(name), max);
        return v == null || v.isBlank() ? null : v;
    }

    private static LocalDate date(MultiValueMap<String, String> fields, String name) {
        return parse(fields.getFirst(name));
    }

    private static UnitKind kind(MultiValueMap<String, String> fields, String name) {
        String v = fields.getFirst(name);
        if (v == null) return null;
        for (UnitKind k : UnitKind.values()) if (k.name().equals(v)) return k;
        return null;
    }

    private static DecisionBody decision(MultiValueMap<String, String> fields) {
        return new DecisionBody(text(fields, "decision.number", Limits.DECISION_NUMBER), date(fields, "decision.signedOn"),
                text(fields, "decision.issuedBy", Limits.NAME));
    }
}
