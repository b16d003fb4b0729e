package vn.daihoi.election.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.account.Access;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceVoteController;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries.Dashboard;
import vn.daihoi.congress.CongressQueries.DashboardOf;
import vn.daihoi.congress.CongressQueries.DecisionView;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.congress.web.HallBroadcaster;
import vn.daihoi.delegate.DelegateController;
import vn.daihoi.delegate.DelegateQueries.RollEntry;
import vn.daihoi.election.BallotOrder;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionAccess;
import vn.daihoi.election.ElectionController;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.CandidateView;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundSummary;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.election.NominationSource;
import vn.daihoi.election.SurplusRule;
import vn.daihoi.infra.ProblemTexts;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.person.PersonController;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.PublicAddress;
import vn.daihoi.web.WebPage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The organiser's election console. {@code /console/congresses/{id}/elections} lists a
 * congress's elections and confidence votes and creates them; {@code /console/elections/{id}} runs one: nominations
 * and withdrawals, the list's approval with the surplus verdict shown before the submit and the ballot order
 * previewed, the rounds — opened after a confirmation that shows the roll as it will be frozen, watched live
 * (turnout only, never interim results), closed with the counting committee's key shares (ADR 0017) — their
 * results, a tie round among the tied only, further rounds for the seats left and late voters by decision.
 * Every form runs the API controller's own method through {@link ConsoleForm}; the verdict before the submit is the
 * domain's {@link SurplusRule}, the one the election aggregate applies at the approval.
 */
@Controller
@WebPage
public class ElectionConsole {

    private final Access access;
    private final ElectionAccess rights;
    private final ElectionController api;
    private final ConfidenceVoteController confidenceApi;
    private final PersonController people;
    private final DelegateController delegates;
    private final CongressProjection congresses;
    private final ElectionProjection elections;
    private final HallBroadcaster live;
    private final PublicAddress address;
    private final ConsoleForm form;
    private final ProblemTexts texts;

    public ElectionConsole(Access access, ElectionAccess rights, ElectionController api, ConfidenceVoteController confidenceApi,
                           PersonController people, DelegateController delegates, CongressProjection congresses,
                           ElectionProjection elections, HallBroadcaster live, PublicAddress address, ConsoleForm form,
                           MessageSource messages) {
        this.access = access;
        this.rights = rights;
        this.api = api;
        this.confidenceApi = confidenceApi;
        this.people = people;
        this.delegates = delegates;
        this.congresses = congresses;
        this.elections = elections;
        this.live = live;
        this.address = address;
        this.form = form;
        this.texts = new ProblemTexts(messages);
    }

    /** R-22 before the submit: the domain's verdict on the list as it stands now; {@code title} says why it fails. */
    public record Verdict(boolean applies, boolean met, int candidates, int seats, String type, String title) {}

    /** What the organiser typed, given back to the form after a refusal. */
    public record Typed(Map<String, String> values) {
        public String get(String name) {
            return values.getOrDefault(name, "");
        }
    }

    // ---- the congress's elections ------------------------------------------------------------------------------

    @GetMapping("/console/congresses/{congressId}/elections")
    public String list(@PathVariable String congressId, Model model) {
        access.requireOrganiserOfCongress(congressId);
        return listPage(congressId, model, Map.of());
    }

    @PostMapping("/console/congresses/{congressId}/elections")
    public String create(@PathVariable String congressId, @RequestParam(name = "body", required = false) String body,
                         @RequestParam(name = "title", required = false) String title,
                         @RequestParam(name = "seats", required = false) String seats,
                         Model model, HttpServletRequest request, HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        Map<String, String> typed = typed("form", "election", "body", body, "title", title, "seats", seats);
        ElectedBody elected = enumOf(ElectedBody.class, body);
        Integer n;
        try {
            n = number(seats);
        } catch (NumberFormatException e) {
            form.refuse(notANumber("seats"), model, request, response);
            return listPage(congressId, model, typed);
        }
        ElectionController.NewElection b = new ElectionController.NewElection(elected, FormText.line(title, Limits.NAME), n);
        AtomicReference<String> id = new AtomicReference<>();
        if (!form.run(b, () -> id.set(ConsoleForm.createdId(form.await(api.open(congressId, b), model, response))), model, request, response)) {
            return listPage(congressId, model, typed);
        }
        return "redirect:/console/elections/" + id.get();
    }

    /** a confidence vote lists officials from the congress's roll, each with the office he holds. */
    @PostMapping("/console/congresses/{congressId}/confidence-votes")
    public String createConfidenceVote(@PathVariable String congressId, @RequestParam(name = "title", required = false) String title,
                                       @RequestParam(name = "officialPersonId", required = false) List<String> persons,
                                       @RequestParam(name = "officialOffice", required = false) List<String> offices,
                                       Model model, HttpServletRequest request, HttpServletResponse response) {
        access.requireOrganiserOfCongress(congressId);
        List<ConfidenceVoteController.Official> officials = new ArrayList<>();
        List<String> ps = persons == null ? List.of() : persons;
        List<String> os = offices == null ? List.of() : offices;
        for (int i = 0; i < Math.min(ps.size(), 20); i++) {
            String p = FormText.line(ps.get(i), Limits.ID);
            String o = i < os.size() ? FormText.line(os.get(i), Limits.NAME) : null;
            if ((p == null || p.isBlank()) && (o == null || o.isBlank())) continue;
            officials.add(new ConfidenceVoteController.Official(p, o));
        }
        ConfidenceVoteController.NewConfidenceVote b = new ConfidenceVoteController.NewConfidenceVote(FormText.line(title, Limits.NAME), officials);
        AtomicReference<String> id = new AtomicReference<>();
        if (!form.run(b, () -> id.set(ConsoleForm.createdId(form.await(confidenceApi.organise(congressId, b), model, response))),
                model, request, response)) {
            return listPage(congressId, model, typed("form", "confidence", "title", title));
        }
        return "redirect:/console/elections/" + id.get();
    }

    private String listPage(String congressId, Model model, Map<String, String> typed) {
        Dashboard d = dashboard(congressId);
        List<ElectionView> all = new ArrayList<>();
        for (String id : elections.electionsOf(congressId)) elections.election(new ElectionOf(id)).ifPresent(all::add);
        model.addAttribute("congressId", congressId);
        model.addAttribute("dashboard", d);
        model.addAttribute("elections", all);
        model.addAttribute("bodies", Arrays.stream(ElectedBody.values()).filter(b -> b != ElectedBody.CONFIDENCE_VOTE).toList());
        model.addAttribute("roll", delegates.roll(congressId).delegates());
        model.addAttribute("typed", new Typed(typed));
        model.addAttribute("here", "/console/congresses/" + congressId + "/elections"); // the language switch, after a post too
        return "election/console-elections";
    }

    // ---- one election ------------------------------------------------------------------------------------------

    @GetMapping("/console/elections/{electionId}")
    public String election(@PathVariable String electionId, Model model) {
        rights.requireOrganiser(electionId);
        return electionPage(electionId, model, Map.of());
    }

    /** a person from the roll, or a person registered here, nominated with the source the API takes. */
    @PostMapping("/console/elections/{electionId}/candidates")
    public String nominate(@PathVariable String electionId, @RequestParam(name = "personId", required = false) String personId,
                           @RequestParam(name = "fullName", required = false) String fullName,
                           @RequestParam(name = "source", required = false) String source,
                           @RequestParam(name = "nominatedByDelegateId", required = false) String nominator,
                           @RequestParam(name = "applicationReference", required = false) String application,
                           Model model, HttpServletRequest request, HttpServletResponse response) {
        rights.requireOrganiser(electionId);
        Map<String, String> typed = typed("form", "nominate", "personId", personId, "fullName", fullName, "source", source,
                "nominatedByDelegateId", nominator, "applicationReference", application);
        String person = blankToNull(FormText.line(personId, Limits.ID));
        String name = blankToNull(FormText.line(fullName, Limits.PERSON_NAME));
        if (person == null && name != null) {
            PersonController.PersonBody p = new PersonController.PersonBody(name, null, null, null, null);
            AtomicReference<String> registered = new AtomicReference<>();
            if (!form.run(p, () -> registered.set(ConsoleForm.createdId(form.await(people.register(p), model, response))), model, request, response)) {
                return electionPage(electionId, model, typed);
            }
            person = registered.get();
        }
        ElectionController.Nomination b = new ElectionController.Nomination(person, enumOf(NominationSource.class, source),
                blankToNull(FormText.line(nominator, Limits.ID)), blankToNull(FormText.line(application, Limits.NAME)));
        if (!form.run(b, () -> api.nominate(electionId, b), model, request, response)) {
            return electionPage(electionId, model, typed);
        }
        return "redirect:/console/elections/" + electionId;
    }

    /** a withdrawal the congress decided on (granted or not), with its decision. */
    @PostMapping("/console/elections/{electionId}/withdrawal")
    public String withdraw(@PathVariable String electionId, @RequestParam(name = "candidateId", required = false) String candidateId,
                           @RequestParam(name = "granted", required = false) String granted,
                           @RequestParam(name = "decisionReference", required = false) String decision,
                           Model model, HttpServletRequest request, HttpServletResponse response) {
        rights.requireOrganiser(electionId);
        String candidate = FormText.line(candidateId, Limits.ID);
        ElectionController.Withdrawal b = new ElectionController.Withdrawal(!"false".equals(granted), FormText.line(decision, Limits.REFERENCE));
        if (!form.run(b, () -> api.withdraw(electionId, candidate == null ? "" : candidate, b), model, request, response)) {
            return electionPage(electionId, model, typed("form", "withdrawal", "candidateId", candidateId, "decisionReference", decision));
        }
        return "redirect:/console/elections/" + electionId;
    }

    /** R-22 as the organiser chooses the decisions: the verdict alone (htmx), or the whole page without JavaScript. */
    @PostMapping("/console/elections/{electionId}/verdict")
    public String verdict(@PathVariable String electionId, @RequestParam(name = "listDecisionId", required = false) String list,
                          @RequestParam(name = "noSurplusDecisionId", required = false) String noSurplus,
                          @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        rights.requireOrganiser(electionId);
        String page = electionPage(electionId, model, typed("form", "approve", "listDecisionId", list, "noSurplusDecisionId", noSurplus));
        return htmx != null ? "election/console-election :: verdict" : page;
    }

    /** the approval through the API, which records the ballot order previewed here. */
    @PostMapping("/console/elections/{electionId}/approve-list")
    public String approve(@PathVariable String electionId, @RequestParam(name = "listDecisionId", required = false) String list,
                          @RequestParam(name = "noSurplusDecisionId", required = false) String noSurplus,
                          Model model, HttpServletRequest request, HttpServletResponse response) {
        rights.requireOrganiser(electionId);
        ElectionController.ListApproval b = new ElectionController.ListApproval(FormText.line(list, Limits.ID),
                blankToNull(FormText.line(noSurplus, Limits.ID)));
        if (!form.run(b, () -> api.approve(electionId, b), model, request, response)) {
            return electionPage(electionId, model, typed("form", "approve", "listDecisionId", list, "noSurplusDecisionId", noSurplus));
        }
        return "redirect:/console/elections/" + electionId;
    }

    /**
     * The confirmation before a round opens: the roll as it stands now is what the round freezes — the
     * delegates present may vote, a later arrival only by a decision. The same form fields go on to the opening.
     */
    @PostMapping("/console/elections/{electionId}/rounds/confirm")
    public String confirmRound(@PathVariable String electionId, @RequestParam(name = "round", required = false) String round,
                               @RequestParam(name = "candidateIds", required = false) List<String> candidateIds,
                               @RequestParam(name = "seats", required = false) String seats,
                               @RequestParam(name = "decisionReference", required = false) String decision, Model model) {
        rights.requireOrganiser(electionId);
        ElectionView e = view(electionId);
        Dashboard d = dashboard(e.congressId());
        List<String> ids = candidateIds == null || candidateIds.isEmpty() ? e.ballotOrder() : cleanIds(candidateIds);
        model.addAttribute("election", e);
        model.addAttribute("congressId", e.congressId());
        model.addAttribute("dashboard", d);
        model.addAttribute("names", names(e));
        model.addAttribute("round", FormText.line(round, 4));
        model.addAttribute("candidateIds", candidateIds == null ? List.of() : cleanIds(candidateIds));
        model.addAttribute("shownIds", ids);
        model.addAttribute("seats", FormText.line(seats, 4));
        model.addAttribute("decisionReference", FormText.line(decision, Limits.REFERENCE));
        model.addAttribute("here", "/console/elections/" + electionId);
        return "election/console-open";
    }

    /** opens a round (the first; a tie round among the tied; a further round for seats left). */
    @PostMapping("/console/elections/{electionId}/rounds")
    public String openRound(@PathVariable String electionId, @RequestParam(name = "round", required = false) String round,
                            @RequestParam(name = "candidateIds", required = false) List<String> candidateIds,
                            @RequestParam(name = "seats", required = false) String seats,
                            @RequestParam(name = "decisionReference", required = false) String decision,
                            @RequestParam(name = "form", required = false) String formName,
                            Model model, HttpServletRequest request, HttpServletResponse response) {
        rights.requireOrganiser(electionId);
        Map<String, String> typed = typed("form", formName == null ? "open" : FormText.line(formName, 20), "seats", seats,
                "decisionReference", decision);
        int n;
        Integer s;
        try {
            n = number(round) == null ? 0 : number(round);
            s = number(seats);
        } catch (NumberFormatException e) {
            form.refuse(notANumber("seats"), model, request, response);
            return electionPage(electionId, model, typed);
        }
        ElectionController.NewRound b = new ElectionController.NewRound(n, candidateIds == null ? null : cleanIds(candidateIds), s,
                blankToNull(FormText.line(decision, Limits.REFERENCE)));
        if (!form.run(b, () -> api.openRound(electionId, b), model, request, response)) {
            return electionPage(electionId, model, typed);
        }
        return "redirect:/console/elections/" + electionId;
    }

    /** a delegate who arrived after the round opened joins its roll by the congress's decision. */
    @PostMapping("/console/elections/{electionId}/rounds/{round}/late-voters")
    public String lateVoter(@PathVariable String electionId, @PathVariable int round,
                            @RequestParam(name = "delegateId", required = false) String delegateId,
                            @RequestParam(name = "decisionReference", required = false) String decision,
                            Model model, HttpServletRequest request, HttpServletResponse response) {
        rights.requireOrganiser(electionId);
        ElectionController.LateVoter b = new ElectionController.LateVoter(FormText.line(delegateId, Limits.ID), FormText.line(decision, Limits.REFERENCE));
        if (!form.run(b, () -> api.lateVoter(electionId, round, b), model, request, response)) {
            return electionPage(electionId, model, typed("form", "late", "delegateId", delegateId, "decisionReference", decision));
        }
        model.addAttribute("lateAdded", true);
        return electionPage(electionId, model, Map.of());
    }

    /** the organisers hand a delegate on the round's roll a paper ballot (he then cannot vote on his phone). */
    @PostMapping("/console/elections/{electionId}/rounds/{round}/paper-ballots")
    public String issuePaper(@PathVariable String electionId, @PathVariable int round,
                             @RequestParam(name = "delegateId", required = false) String delegateId,
                             Model model, HttpServletRequest request, HttpServletResponse response) {
        rights.requireOrganiser(electionId);
        ElectionController.PaperVoter b = new ElectionController.PaperVoter(FormText.line(delegateId, Limits.ID));
        if (!form.run(b, () -> api.issuePaper(electionId, round, b), model, request, response)) {
            return electionPage(electionId, model, typed("form", "paper", "delegateId", delegateId));
        }
        model.addAttribute("paperIssued", true);
        return electionPage(electionId, model, Map.of());
    }

    /** The confirmation before the count: turnout so far, and where the members' key shares go (ADR 0017). */
    @PostMapping("/console/elections/{electionId}/rounds/{round}/close-confirm")
    public String confirmClose(@PathVariable String electionId, @PathVariable int round, Model model) {
        rights.requireOrganiser(electionId);
        return closePage(electionId, round, model);
    }

    /** ADR 0017: the count, opened by the key shares typed or pasted one per line. */
    @PostMapping("/console/elections/{electionId}/rounds/{round}/close")
    public String close(@PathVariable String electionId, @PathVariable int round, @RequestParam(name = "shares", required = false) String shares,
                        Model model, HttpServletRequest request, HttpServletResponse response) {
        rights.requireOrganiser(electionId);
        List<String> lines = shares == null ? List.of() : shares.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(255).toList();
        ElectionController.Shares b = new ElectionController.Shares(lines);
        if (!form.run(b, () -> api.close(electionId, round, b), model, request, response)) {
            return closePage(electionId, round, model);
        }
        return "redirect:/console/elections/" + electionId + "#round-" + round;
    }

    /** the round's paper ballots, one per voter on its roll, in the approved order. */
    @GetMapping("/console/elections/{electionId}/rounds/{round}/ballot-papers.pdf")
    public ResponseEntity<byte[]> ballotPapers(@PathVariable String electionId, @PathVariable int round) {
        return api.ballotPapers(electionId, round, null);
    }

    /** The live turnout of the congress's open rounds (server-sent events fed by the read models), never a result. */
    @GetMapping(value = "/console/elections/{electionId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(@PathVariable String electionId, HttpServletRequest request) {
        rights.requireOrganiser(electionId);
        return live.subscribe(rights.congressOf(electionId), address.base(), RequestContextUtils.getLocale(request),
                "election/console-election", "turnout");
    }

    private String closePage(String electionId, int round, Model model) {
        ElectionView e = view(electionId);
        RoundView r = api.roundView(electionId, round);
        model.addAttribute("election", e);
        model.addAttribute("congressId", e.congressId());
        model.addAttribute("round", r);
        model.addAttribute("here", "/console/elections/" + electionId);
        return "election/console-close";
    }

    private String electionPage(String electionId, Model model, Map<String, String> typed) {
        ElectionView e = view(electionId);
        Dashboard d = dashboard(e.congressId());
        Typed t = new Typed(typed);
        Map<String, String> names = names(e);
        List<RoundView> rounds = new ArrayList<>();
        RoundView open = null;
        RoundView lastCounted = null;
        for (RoundSummary s : e.rounds()) {
            RoundView r = api.roundView(electionId, s.round());
            rounds.add(r);
            if ("OPEN".equals(r.status())) open = r;
            if ("COUNTED".equals(r.status())) lastCounted = r;
        }
        boolean confidence = e.body() == ElectedBody.CONFIDENCE_VOTE;
        List<CandidateView> standing = e.candidates().stream().filter(c -> !c.withdrawn()).toList();
        int remaining = e.seats() - e.electedCandidateIds().size();
        boolean roundPending = rounds.stream().anyMatch(r -> !"COUNTED".equals(r.status()) && !"VOID".equals(r.status()));
        model.addAttribute("election", e);
        model.addAttribute("congressId", e.congressId());
        model.addAttribute("dashboard", d);
        model.addAttribute("confidence", confidence);
        model.addAttribute("names", names);
        model.addAttribute("standing", standing);
        model.addAttribute("withdrawn", e.candidates().stream().filter(CandidateView::withdrawn).toList());
        model.addAttribute("roll", delegates.roll(e.congressId()).delegates());
        model.addAttribute("presentVoters", delegates.roll(e.congressId()).delegates().stream().filter(x -> x.votes() && x.present()).toList());
        model.addAttribute("sources", NominationSource.values());
        model.addAttribute("listDecisions", decisions(d, DecisionSubject.CANDIDATE_LIST));
        model.addAttribute("noSurplusDecisions", decisions(d, DecisionSubject.LIST_WITHOUT_SURPLUS));
        model.addAttribute("verdict", verdict(e, d, t.get("noSurplusDecisionId"), RequestContextUtils.getLocale(currentRequest())));
        model.addAttribute("order", e.listApproved() ? e.ballotOrder() : BallotOrder.ofStanding(e));
        model.addAttribute("rounds", rounds);
        model.addAttribute("openRound", open);
        model.addAttribute("lastCounted", lastCounted);
        model.addAttribute("nextRound", rounds.size() + 1);
        model.addAttribute("remaining", remaining);
        model.addAttribute("roundPending", roundPending);
        model.addAttribute("electable", e.ballotOrder() == null ? List.of()
                : e.ballotOrder().stream().filter(id -> !e.electedCandidateIds().contains(id)).toList());
        model.addAttribute("open", live.state(e.congressId(), address.base()).get("open"));
        model.addAttribute("typed", t);
        model.addAttribute("here", "/console/elections/" + electionId); // the language switch, after a post too
        return "election/console-election";
    }

    /**
     * the verdict the aggregate will give at the approval, from the same function, on the candidates standing
     * now and the no-surplus decision chosen (a decision counts only when it passed on that subject, as the command
     * handler reads it).
     */
    private Verdict verdict(ElectionView e, Dashboard d, String noSurplusDecisionId, Locale locale) {
        int standing = (int) e.candidates().stream().filter(c -> !c.withdrawn()).count();
        if (e.body() == ElectedBody.CONFIDENCE_VOTE) return new Verdict(false, true, standing, e.seats(), null, null);
        RuleProfile profile = RuleProfiles.byId(d.congress().profileId() == null ? RuleProfiles.UNION_DEFAULT.id() : d.congress().profileId())
                .orElse(RuleProfiles.UNION_DEFAULT);
        boolean noSurplus = noSurplusDecisionId != null && !noSurplusDecisionId.isBlank()
                && decisions(d, DecisionSubject.LIST_WITHOUT_SURPLUS).stream().anyMatch(x -> x.decisionId().equals(noSurplusDecisionId));
        return SurplusRule.verdict(standing, e.seats(), profile, noSurplus)
                .map(v -> new Verdict(true, false, standing, e.seats(), v.type(), texts.title(v, locale)))
                .orElse(new Verdict(true, true, standing, e.seats(), null, null));
    }

    private static List<DecisionView> decisions(Dashboard d, DecisionSubject subject) {
        return d.decisions().stream().filter(x -> x.subject() == subject && x.passed()).toList();
    }

    private static Map<String, String> names(ElectionView e) {
        Map<String, String> names = new LinkedHashMap<>();
        e.candidates().forEach(c -> names.put(c.candidateId(), c.fullName() == null ? "—" : c.fullName()));
        return names;
    }

    private Dashboard dashboard(String congressId) {
        return congresses.dashboard(new DashboardOf(congressId)).orElseThrow(() -> RuleViolation.notFound("unknown-congress", "congressId"));
    }

    private ElectionView view(String electionId) {
        return elections.election(new ElectionOf(electionId)).orElseThrow(ElectionAccess::unknown);
    }

    private static HttpServletRequest currentRequest() {
        return ((org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    private static List<String> cleanIds(List<String> ids) {
        return ids.stream().limit(Limits.ITEMS).map(i -> FormText.line(i, Limits.ID)).filter(i -> i != null && !i.isBlank()).toList();
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            String v = FormText.line(pairs[i + 1], Limits.NAME);
            if (v != null) m.put(pairs[i], v);
        }
        return m;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Integer number(String s) {
        String t = s == null ? "" : s.strip();
        return t.isEmpty() ? null : Integer.valueOf(t);
    }

    /** A number field that holds no number: refused as the API's edge refuses a field it cannot read. */
    private static RuleViolation notANumber(String field) {
        return new RuleViolation(RuleViolation.Kind.INVALID, "missing-field", null, field, "problem.missing-field.request", field);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
