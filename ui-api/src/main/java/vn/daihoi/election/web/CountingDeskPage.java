package vn.daihoi.election.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.account.Access;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Role;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.election.ElectionAccess;
import vn.daihoi.election.ElectionController;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.CandidateView;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundOf;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.PaperBalance;
import vn.daihoi.election.PaperDeskProjection;
import vn.daihoi.election.PaperDeskProjection.Entry;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /counting/elections/{electionId}/rounds/{round}}: the counting committee's desk (R-24, R-25, R-29, ADR 0017).
 * A member named in the congress's counting-committee decision takes his key share, enters paper ballots with the
 * keyboard only — the numbers of the names kept in ballot order, Enter, next; an invalid ballot by one letter — blind
 * to the other member's entries, corrects his own entry where the two disagree (a recorded correction with its
 * reason), and states the paper accounting with the balance shown as he types. Every form runs the API's own
 * command path ({@link ElectionController}); a COUNTING grant alone is refused with the command's problem. Organisers
 * and auditors read the desk's state without any control that changes it.
 */
@Controller
@WebPage
public class CountingDeskPage {

    /** The letter a member types for each reason a ballot is invalid, Vietnamese mnemonics. */
    static final Map<InvalidReason, String> KEYS = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(Map.of(
            InvalidReason.NOT_ISSUED, "n", InvalidReason.TOO_MANY_NAMES, "t", InvalidReason.NAME_ADDED, "g",
            InvalidReason.IDENTIFYING_MARK, "d", InvalidReason.UNCLEAR, "r", InvalidReason.NOTHING_KEPT, "h")));

    private static final int RECENT = 8;

    private final Access access;
    private final ElectionAccess rights;
    private final ElectionController api;
    private final ElectionProjection elections;
    private final PaperDeskProjection desk;
    private final ProjectionSync sync;
    private final ConsoleForm form;

    public CountingDeskPage(Access access, ElectionAccess rights, ElectionController api, ElectionProjection elections,
                            PaperDeskProjection desk, ProjectionSync sync, ConsoleForm form) {
        this.access = access;
        this.rights = rights;
        this.api = api;
        this.elections = elections;
        this.desk = desk;
        this.sync = sync;
        this.form = form;
    }

    /** Who is at the desk: a member (his person and account) or a reader, who changes nothing. */
    record Seat(String personId, String accountId) {
        boolean member() {
            return personId != null;
        }
    }

    /**
     * a COUNTING account must be linked to a person named on the committee (the round's key-share
     * holders); anyone else needs to read the congress (organisers, auditors), and reads only.
     */
    private Seat seat(String electionId, RoundView r) {
        Caller c = access.caller();
        if (c.isVoter()) throw new AccessDenied();
        String congressId = rights.congressOf(electionId);
        if (c.has(Role.COUNTING, congressId)) {
            return new Seat(rights.requireOnCountingCommittee(electionId, r.box() == null ? null : r.box().shareHolders()), c.accountId());
        }
        access.requireReaderOfCongress(congressId);
        return new Seat(null, c.accountId());
    }

    private RoundView round(String electionId, int round) {
        rights.congressOf(electionId);
        return elections.round(new RoundOf(electionId, round)).orElseThrow(() -> RuleViolation.notFound("unknown-round", "round"));
    }

    /** One round a member may count, with its election's title. */
    public record DeskLink(String electionId, String title, int round, String status) {}

    /** {@code /counting}: the rounds of the congresses whose counting committee the signed-in account belongs to. */
    @GetMapping("/counting")
    public String index(Model model) {
        Caller c = access.caller();
        List<String> congressIds = c.isVoter() ? List.of() : c.scopes(Role.COUNTING);
        if (congressIds.isEmpty()) throw new AccessDenied();
        List<DeskLink> links = new ArrayList<>();
        for (String congressId : congressIds) {
            for (String electionId : elections.electionsOf(congressId)) {
                elections.election(new ElectionOf(electionId)).ifPresent(e -> e.rounds().forEach(r ->
                        links.add(new DeskLink(electionId, e.title(), r.round(), r.status()))));
            }
        }
        model.addAttribute("links", links);
        return "election/counting-index";
    }

    @GetMapping("/counting/elections/{electionId}/rounds/{round}")
    public String page(@PathVariable String electionId, @PathVariable int round, Model model) {
        RoundView r = round(electionId, round);
        Seat seat = seat(electionId, r);
        return show(electionId, r, seat, model, null, null);
    }

    /** One paper ballot, or the correction of the member's own entry of a sheet; htmx asks for the desk only. */
    @PostMapping("/counting/elections/{electionId}/rounds/{round}/entries")
    public String enter(@PathVariable String electionId, @PathVariable int round,
                        @RequestParam(name = "sheet", required = false) String sheet,
                        @RequestParam(name = "kept", required = false) String kept,
                        @RequestParam(name = "invalid", required = false) String invalid,
                        @RequestParam(name = "correctionReason", required = false) String correctionReason,
                        @RequestHeader(name = "HX-Request", required = false) String htmx,
                        Model model, HttpServletRequest request, HttpServletResponse response) {
        RoundView r = round(electionId, round);
        Seat seat = seat(electionId, r);
        if (!seat.member()) throw new AccessDenied();
        List<String> order = candidateOrder(electionId, r);
        String reason = FormText.line(correctionReason, Limits.REASON);
        boolean correcting = reason != null && !reason.isBlank();
        try {
            InvalidReason why = invalidReason(invalid);
            List<String> ids = keptIds(kept, order, why != null);
            int number = sheetNumber(sheet);
            ElectionController.PaperEntry body = new ElectionController.PaperEntry(number, ids, why, correcting ? reason : null);
            if (form.run(body, () -> api.enter(electionId, round, body), model, request, response)) {
                // ADR 0027: the desk shows the entry from the read model: wait for it (bounded); late, the page says so.
                sync.after(ElectionProjection.PROCESSING_GROUP, List.of(electionId)).join()
                        .fold(() -> null, () -> {
                            ConsoleForm.stale(model, response);
                            return null;
                        });
                model.addAttribute("entered", new Entered(number, numbers(ids, order), why, correcting));
            } else {
                model.addAttribute("typed", new Typed(sheet, kept, invalid, correcting));
            }
        } catch (RuleViolation v) {
            form.refuse(v, model, request, response);
            model.addAttribute("typed", new Typed(sheet, kept, invalid, correcting));
        }
        String view = show(electionId, r, seat, model, null, null);
        return htmx != null ? "election/counting-desk :: desk" : view;
    }

    /** the live balance as the member types the not-returned count (the verdict is {@link PaperBalance}'s). */
    @GetMapping("/counting/elections/{electionId}/rounds/{round}/balance")
    public String balance(@PathVariable String electionId, @PathVariable int round,
                          @RequestParam(name = "notReturned", required = false) String notReturned, Model model) {
        RoundView r = round(electionId, round);
        seat(electionId, r);
        model.addAttribute("balance", balanceOf(electionId, round, count(notReturned)));
        return "election/counting-desk :: balance";
    }

    @PostMapping("/counting/elections/{electionId}/rounds/{round}/accounting")
    public String accounting(@PathVariable String electionId, @PathVariable int round,
                             @RequestParam(name = "notReturned", required = false) String notReturned,
                             Model model, HttpServletRequest request, HttpServletResponse response) {
        RoundView r = round(electionId, round);
        Seat seat = seat(electionId, r);
        if (!seat.member()) throw new AccessDenied();
        Integer n = count(notReturned);
        ElectionController.PaperAccounting body = new ElectionController.PaperAccounting(n == null ? -1 : n);
        if (form.run(body, () -> api.accounting(electionId, round, body), model, request, response)) {
            model.addAttribute("accounted", true);
        } else {
            // The accounting form shows its own refusal, not the entry form's.
            model.addAttribute("accountingProblem", model.getAttribute("problem"));
            model.asMap().remove("problem");
        }
        return show(electionId, round(electionId, round), seat, model, n, notReturned);
    }

    /** ADR 0017: the member takes his key share, once, as the printable sheet (the API's own path). */
    @PostMapping("/counting/elections/{electionId}/rounds/{round}/key-share.pdf")
    public java.util.concurrent.CompletableFuture<ResponseEntity<byte[]>> keyShare(@PathVariable String electionId, @PathVariable int round) {
        RoundView r = round(electionId, round);
        Seat seat = seat(electionId, r);
        if (!seat.member()) throw new AccessDenied();
        return api.takeShareSheet(electionId, round);
    }

    // ---- the page ------------------------------------------------------------------------------------------

    /** A name on the ballot with the number the member types for it. */
    public record Name(int number, String candidateId, String name) {}

    /** An entry as the desk shows it: the sheet, the numbers kept, or the invalid reason. */
    public record Shown(int sheet, List<Integer> numbers, InvalidReason invalid, boolean corrected, String correctionReason, boolean mine) {}

    /** A sheet whose entries disagree: the member's own entry (null when he did not enter it) beside the others'. */
    public record Disagreement(int sheet, Shown mine, List<Shown> others) {}

    /** What was just recorded, for the line that confirms it. */
    public record Entered(int sheet, List<Integer> numbers, InvalidReason invalid, boolean correction) {}

    /** What the member typed, given back with a refusal. */
    public record Typed(String sheet, String kept, String invalid, boolean correction) {}

    /** The balance as shown: the four terms, the verdict and by how many ballots. */
    public record Balance(int issued, int collected, int spoiled, Integer notReturned, PaperBalance.Verdict verdict, int off) {}

    /** An invalid reason with the letter that selects it. */
    public record Reason(InvalidReason reason, String key) {}

    private String show(String electionId, RoundView r, Seat seat, Model model, Integer typedNotReturned, String typedRaw) {
        int round = r.round();
        ElectionView e = elections.election(new ElectionOf(electionId)).orElseThrow(ElectionAccess::unknown);
        Map<String, CandidateView> names = BallotNames.inBallotOrder(e, r.candidateIds());
        List<String> order = new ArrayList<>(names.keySet());
        List<Name> ballot = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) ballot.add(new Name(i + 1, order.get(i), BallotNames.name(names.get(order.get(i)))));
        PaperDeskProjection.PaperRound paper = desk.paperRound(electionId, round);
        model.addAttribute("electionId", electionId);
        model.addAttribute("election", e);
        model.addAttribute("round", r);
        model.addAttribute("member", seat.member());
        model.addAttribute("ballot", ballot);
        model.addAttribute("compact", ballot.size() <= 9);
        model.addAttribute("reasons", KEYS.entrySet().stream().map(k -> new Reason(k.getKey(), k.getValue())).toList());
        // a confidence round's paper ballots rate each person; they are entered through the API for now.
        boolean confidence = e.body() == vn.daihoi.election.ElectedBody.CONFIDENCE_VOTE;
        model.addAttribute("confidence", confidence);
        model.addAttribute("countable", !confidence && !"COUNTED".equals(r.status()) && !"VOID".equals(r.status()));
        model.addAttribute("open", "OPEN".equals(r.status()));
        model.addAttribute("paper", paper);
        Integer notReturned = typedNotReturned != null ? typedNotReturned : paper.notReturned();
        model.addAttribute("notReturned", typedRaw != null ? typedRaw : notReturned == null ? "" : notReturned.toString());
        model.addAttribute("balance", balanceOf(electionId, round, notReturned));
        List<Disagreement> disagreements = new ArrayList<>();
        for (PaperDeskProjection.Mismatch m : desk.mismatches(electionId, round)) {
            Shown mine = null;
            List<Shown> others = new ArrayList<>();
            for (Entry x : m.entries()) {
                boolean own = x.enteredBy().equals(seat.accountId());
                Shown s = shown(x, order, own);
                if (own) mine = s;
                else others.add(s);
            }
            disagreements.add(new Disagreement(m.sheet(), mine, others));
        }
        model.addAttribute("disagreements", disagreements);
        if (seat.member()) {
            List<Entry> own = desk.entriesOf(electionId, round, seat.accountId());
            int next = own.stream().mapToInt(Entry::sheet).max().orElse(0) + 1;
            List<Shown> recent = new ArrayList<>();
            for (int i = own.size() - 1; i >= 0 && recent.size() < RECENT; i--) recent.add(shown(own.get(i), order, true));
            model.addAttribute("nextSheet", next);
            model.addAttribute("ownCount", own.size());
            model.addAttribute("recent", recent);
            boolean holder = r.box() != null && r.box().shareHolders().contains(seat.personId());
            boolean taken = r.box() != null && r.box().sharesTaken().contains(seat.personId());
            model.addAttribute("shareToTake", "OPEN".equals(r.status()) && holder && !taken);
            model.addAttribute("shareTaken", holder && taken);
        }
        return "election/counting-desk";
    }

    private Balance balanceOf(String electionId, int round, Integer notReturned) {
        PaperDeskProjection.PaperRound p = desk.paperRound(electionId, round);
        PaperBalance b = new PaperBalance(p.issued(), p.sheetsEntered(), p.spoiled(), notReturned);
        return new Balance(b.issued(), b.collected(), b.spoiled(), b.notReturned(), b.verdict(), Math.abs(b.difference()));
    }

    private static Shown shown(Entry x, List<String> order, boolean mine) {
        return new Shown(x.sheet(), numbers(x.kept(), order), x.invalid(), x.corrections() > 0, x.correctionReason(), mine);
    }

    /** the round's candidates in ballot order; the numbers a member types are their places on the paper. */
    private List<String> candidateOrder(String electionId, RoundView r) {
        ElectionView e = elections.election(new ElectionOf(electionId)).orElseThrow(ElectionAccess::unknown);
        return new ArrayList<>(BallotNames.inBallotOrder(e, r.candidateIds()).keySet());
    }

    private static List<Integer> numbers(List<String> ids, List<String> order) {
        return ids.stream().map(id -> order.indexOf(id) + 1).sorted().toList();
    }

    private static int sheetNumber(String typed) {
        String s = FormText.line(typed, 9);
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw RuleViolation.invalid("invalid-sheet", "R-29", "sheet");
        }
    }

    private static InvalidReason invalidReason(String typed) {
        String s = FormText.line(typed, 32);
        if (s == null || s.isBlank()) return null;
        try {
            return InvalidReason.valueOf(s.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalid("invalid-entry", "R-25", "invalid");
        }
    }

    /**
     * The names kept, from the numbers typed: "1 3 5 7", or "1357" when the ballot has at most nine names; "0" keeps
     * none (a vote for nobody, R-24). A number that is not on the ballot is refused here, as the API refuses an
     * unknown candidate, since a page number is not a candidate id.
     */
    static List<String> keptIds(String typed, List<String> order, boolean invalid) {
        String s = FormText.line(typed, 400);
        s = s == null ? "" : s.strip();
        if (s.isEmpty() || s.equals("0")) {
            if (s.isEmpty() && !invalid) throw RuleViolation.invalid("paper-entry-numbers", "R-24", "kept");
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        if (order.size() <= 9 && s.matches("[0-9]+")) {
            for (char ch : s.toCharArray()) parts.add(String.valueOf(ch));
        } else {
            parts.addAll(List.of(s.split("[\\s,;.+]+")));
        }
        List<String> ids = new ArrayList<>();
        for (String p : parts) {
            if (p.isEmpty()) continue;
            int n;
            try {
                n = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw RuleViolation.invalid("paper-entry-numbers", "R-24", "kept");
            }
            if (n < 1 || n > order.size()) throw RuleViolation.invalid("paper-entry-number-unknown", "R-24", "kept", n, order.size());
            ids.add(order.get(n - 1));
        }
        return ids;
    }

    private static Integer count(String typed) {
        String s = FormText.line(typed, 9);
        if (s == null || s.isBlank()) return null;
        try {
            int n = Integer.parseInt(s.strip());
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
