package vn.daihoi.term.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.Access;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries.CongressSummary;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.organisation.Decision;
import vn.daihoi.term.HoldingEnd;
import vn.daihoi.term.Office;
import vn.daihoi.term.TermController;
import vn.daihoi.term.TermQueries.HoldingView;
import vn.daihoi.term.TermQueries.LeadershipView;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The terms of a unit after its congress (issue 12, item 7): its organiser submits the counted elections for
 * recognition; an organiser of a unit above recognises or refuses it and appoints; the
 * unit's organiser records a resignation or dismissal and a by-election. Every form runs the API's
 * own path ({@link TermController}) through {@link ConsoleForm}; a refusal — a cap of R-50, a missing decision — is
 * the API's problem, shown next to its field. A person sees the forms his grants allow and no others.
 */
@Controller
@WebPage
public class TermConsole {

    private final Access access;
    private final TermController terms;
    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final ConsoleForm form;
    private final vn.daihoi.delegate.DelegateController delegates;

    public TermConsole(Access access, TermController terms, CongressProjection congresses, ElectionProjection elections,
                       ConsoleForm form, vn.daihoi.delegate.DelegateController delegates) {
        this.delegates = delegates;
        this.access = access;
        this.terms = terms;
        this.congresses = congresses;
        this.elections = elections;
        this.form = form;
    }

    // ---- a unit's terms and the submission -------------------------------------------------------------

    @GetMapping("/console/units/{unitId}/terms")
    public String unitTerms(@PathVariable String unitId, Model model) {
        access.requireReaderOf(unitId);
        return unitPage(unitId, model);
    }

    /** the unit's organiser submits the counted elections of its congress (and its committee's first meeting). */
    @PostMapping("/console/units/{unitId}/terms")
    public String submit(@PathVariable String unitId, @RequestParam(name = "electionIds", required = false) List<String> electionIds,
                         Model model, HttpServletRequest request, HttpServletResponse response) {
        List<String> ids = ids(electionIds);
        TermController.Submission body = new TermController.Submission(ids);
        String[] created = new String[1];
        if (form.run(body, () -> created[0] = ConsoleForm.createdId(form.await(terms.submit(unitId, body), model, response)), model, request, response)) {
            return "redirect:/console/terms/" + created[0];
        }
        return unitPage(unitId, model);
    }

    /** the level above appoints a provisional committee (a founding, a merger or split, a dissolved committee). */
    @PostMapping("/console/units/{unitId}/terms/provisional")
    public String provisional(@PathVariable String unitId, @RequestParam Map<String, String> f, Model model,
                              HttpServletRequest request, HttpServletResponse response) {
        List<TermController.Appointee> members = new ArrayList<>();
        for (int i = 0; i < MEMBER_ROWS; i++) {
            String person = FormText.line(f.get("member" + i), Limits.ID);
            if (person == null || person.isBlank()) continue;
            members.add(new TermController.Appointee(person, named(Office.class, f.get("office" + i))));
        }
        Integer start = number(f.get("startYear"));
        Integer end = number(f.get("endYear"));
        Integer seats = number(f.get("seats"));
        TermController.Provisional body = new TermController.Provisional(start == null || end == null ? null : new vn.daihoi.congress.Term(start, end),
                named(vn.daihoi.term.ProvisionalReason.class, f.get("reason")), date(f, "appointedOn"), decision(f, "decision"),
                seats == null ? 0 : seats, members);
        String[] created = new String[1];
        if (form.run(body, () -> created[0] = ConsoleForm.createdId(form.await(terms.provisional(unitId, body), model, response)), model, request, response)) {
            return "redirect:/console/terms/" + created[0];
        }
        model.addAttribute("failedForm", "provisional");
        return unitPage(unitId, model);
    }

    private static final int MEMBER_ROWS = 7;

    private static Integer number(String value) {
        String v = FormText.line(value, 9);
        if (v == null || !v.matches("\\d{1,9}")) return null;
        return Integer.valueOf(v);
    }

    private String unitPage(String unitId, Model model) {
        model.addAttribute("unitId", unitId);
        model.addAttribute("terms", terms.terms(unitId).terms());
        boolean organiser = may(() -> access.requireOrganiserOf(unitId));
        model.addAttribute("organiser", organiser);
        List<CongressSummary> held = congresses.latestOf(List.of(unitId), List.of(), false);
        model.addAttribute("congresses", held);
        Map<String, List<ElectionView>> counted = new LinkedHashMap<>();
        if (organiser) {
            for (CongressSummary c : held) {
                List<ElectionView> list = elections.electionsOf(c.congressId()).stream()
                        .map(id -> elections.election(new ElectionOf(id)).orElse(null))
                        .filter(e -> e != null && !e.electedCandidateIds().isEmpty())
                        .toList();
                if (!list.isEmpty()) counted.put(c.title(), list);
            }
        }
        model.addAttribute("counted", counted);
        boolean above = may(() -> access.organiserUnitAbove(unitId));
        model.addAttribute("above", above);
        if (above) {
            // Whom a provisional committee may be made of: the people of the unit's terms and of its latest congress's roll.
            Map<String, String> people = new LinkedHashMap<>();
            terms.terms(unitId).terms().forEach(t -> t.committee().forEach(h -> people.putIfAbsent(h.personId(), h.fullName())));
            held.stream().findFirst().ifPresent(c -> delegates.roll(c.congressId()).delegates()
                    .forEach(d -> people.putIfAbsent(d.personId(), d.fullName())));
            model.addAttribute("people", people);
            model.addAttribute("reasons", vn.daihoi.term.ProvisionalReason.values());
            model.addAttribute("offices", Office.values());
            model.addAttribute("memberRows", java.util.stream.IntStream.range(0, MEMBER_ROWS).boxed().toList());
        }
        return "term/unit-terms";
    }

    // ---- one term: recognition, refusal, changes --------------------------------------------------------

    @GetMapping("/console/terms/{leadershipId}")
    public String term(@PathVariable String leadershipId, Model model) {
        terms.leadership(leadershipId);
        return termPage(leadershipId, model);
    }

    /** The recognition dossier, for whoever may read the unit (the API's own document). */
    @GetMapping("/console/terms/{leadershipId}/dossier.pdf")
    public org.springframework.http.ResponseEntity<byte[]> dossier(@PathVariable String leadershipId) {
        return terms.dossierPdf(leadershipId);
    }

    @PostMapping("/console/terms/{leadershipId}/recognise")
    public String recognise(@PathVariable String leadershipId, @RequestParam Map<String, String> f, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        TermController.Recognition body = new TermController.Recognition(date(f, "recognisedOn"), decision(f, "decision"));
        form.run(body, () -> terms.recognise(leadershipId, body), model, request, response);
        return after(leadershipId, model, response, "recognise");
    }

    @PostMapping("/console/terms/{leadershipId}/refuse")
    public String refuse(@PathVariable String leadershipId, @RequestParam Map<String, String> f, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        TermController.Refusal body = new TermController.Refusal(date(f, "refusedOn"), FormText.line(f.get("reason"), Limits.REASON));
        form.run(body, () -> terms.refuse(leadershipId, body), model, request, response);
        return after(leadershipId, model, response, "refuse");
    }

    /** a resignation, dismissal or transfer ends an office (or, without an office, every office of the person). */
    @PostMapping("/console/terms/{leadershipId}/offices/end")
    public String end(@PathVariable String leadershipId, @RequestParam Map<String, String> f, Model model,
                      HttpServletRequest request, HttpServletResponse response) {
        TermController.Ending body = new TermController.Ending(FormText.line(f.get("personId"), Limits.ID),
                named(Office.class, f.get("office")), named(HoldingEnd.class, f.get("how")), date(f, "endedOn"), decision(f, "decision"));
        form.run(body, () -> terms.end(leadershipId, body), model, request, response);
        return after(leadershipId, model, response, "end");
    }

    /** a counted by-election fills vacancies, within the caps the rule sets. */
    @PostMapping("/console/terms/{leadershipId}/by-elections")
    public String byElection(@PathVariable String leadershipId, @RequestParam Map<String, String> f, Model model,
                             HttpServletRequest request, HttpServletResponse response) {
        TermController.ByElection body = new TermController.ByElection(FormText.line(f.get("electionId"), Limits.ID),
                date(f, "startedOn"), decision(f, "decision"), decision(f, "consent"));
        form.run(body, () -> terms.byElection(leadershipId, body), model, request, response);
        return after(leadershipId, model, response, "by-election");
    }

    /** the level above appoints to an office. */
    @PostMapping("/console/terms/{leadershipId}/appointments")
    public String appoint(@PathVariable String leadershipId, @RequestParam Map<String, String> f, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        TermController.Appointment body = new TermController.Appointment(FormText.line(f.get("personId"), Limits.ID),
                named(Office.class, f.get("office")), date(f, "startedOn"), decision(f, "decision"), decision(f, "consent"));
        form.run(body, () -> terms.appoint(leadershipId, body), model, request, response);
        return after(leadershipId, model, response, "appoint");
    }

    private String after(String leadershipId, Model model, HttpServletResponse response, String formName) {
        if (!model.containsAttribute("problem")) return "redirect:/console/terms/" + leadershipId;
        model.addAttribute("failedForm", formName);
        return termPage(leadershipId, model);
    }

    private String termPage(String leadershipId, Model model) {
        LeadershipView l = terms.leadership(leadershipId);
        model.addAttribute("term", l);
        boolean organiser = may(() -> access.requireOrganiserOf(l.unitId()));
        boolean above = may(() -> access.organiserUnitAbove(l.unitId()));
        model.addAttribute("organiser", organiser);
        model.addAttribute("above", above);
        model.addAttribute("offices", Office.values());
        model.addAttribute("ends", Stream.of(HoldingEnd.values())
                .filter(h -> h != HoldingEnd.SUCCEEDED_ON_RECOGNITION && h != HoldingEnd.TERM_END).toList());
        List<HoldingView> current = new ArrayList<>();
        Stream.of(l.chair(), l.viceChairs(), l.standing(), l.committee(), l.inspectionChair(), l.inspectionViceChairs(), l.inspection())
                .flatMap(List::stream).filter(h -> h.endedOn() == null).forEach(current::add);
        model.addAttribute("current", current);
        Map<String, String> people = new LinkedHashMap<>();
        l.committee().forEach(h -> people.putIfAbsent(h.personId(), h.fullName()));
        model.addAttribute("people", people);
        List<ElectionView> byElections = new ArrayList<>();
        if (organiser) {
            for (CongressSummary c : congresses.latestOf(List.of(l.unitId()), List.of(), false)) {
                for (String id : elections.electionsOf(c.congressId())) {
                    if (l.electionIds().contains(id)) continue;
                    elections.election(new ElectionOf(id)).filter(e -> !e.electedCandidateIds().isEmpty()).ifPresent(byElections::add);
                }
            }
        }
        model.addAttribute("byElections", byElections);
        return "term/term";
    }

    // ---- form fields --------------------------------------------------------------------------------------

    private static boolean may(Runnable check) {
        try {
            check.run();
            return true;
        } catch (AccessDenied e) {
            return false;
        }
    }

    private static List<String> ids(List<String> raw) {
        if (raw == null) return List.of();
        return raw.stream().map(s -> FormText.line(s, Limits.ID)).filter(s -> s != null && !s.isBlank()).distinct().limit(Limits.ITEMS + 1L).toList();
    }

    /** A date field ({@code yyyy-MM-dd}, as a date input sends it); unreadable or empty is missing. */
    static LocalDate date(Map<String, String> f, String name) {
        String v = FormText.line(f.get(name), 10);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A decision typed as its number and signing date ({@code <name>}, {@code <name>-signedOn}); none when both are empty. */
    static Decision decision(Map<String, String> f, String name) {
        String number = FormText.line(f.get(name), Limits.NAME);
        LocalDate signed = date(f, name + "-signedOn");
        if ((number == null || number.isBlank()) && signed == null) return null;
        return new Decision(number, signed, null);
    }

    static <E extends Enum<E>> E named(Class<E> type, String value) {
        if (value == null || value.isBlank()) return null;
        for (E e : type.getEnumConstants()) if (e.name().equals(value)) return e;
        return null;
    }
}
