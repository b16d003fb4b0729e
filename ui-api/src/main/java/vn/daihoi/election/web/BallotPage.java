package vn.daihoi.election.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.daihoi.account.Caller;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceLevel;
import vn.daihoi.confidence.RatingLine;
import vn.daihoi.election.CastBallotCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionAccess;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.election.infra.JdbcBallotBox;
import vn.daihoi.election.infra.JdbcBallotBox.VoterStanding;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delegate's ballot on his phone, as GOV.UK's "check your answers" flow: choose → review → confirm → receipt.
 * Election rounds (R-24, R-25): keep at most as many names as seats. Confidence rounds (R-60, R-62): rate every
 * listed person. The page generates the ballot's {@code Idempotency-Key} once and every later step carries it, so a
 * double tap, a retried post or a reload of the confirmation casts once and shows the same receipt (ADR 0015). The
 * ballot is cast by the same ballot box as the API's; this class holds no rule the box does not also enforce.
 */
@Controller
@WebPage
public class BallotPage {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ElectionAccess rights;
    private final ElectionProjection elections;
    private final JdbcBallotBox box;
    private final vn.daihoi.infra.Meters meters;

    public BallotPage(ElectionAccess rights, ElectionProjection elections, JdbcBallotBox box, vn.daihoi.infra.Meters meters) {
        this.meters = meters;
        this.rights = rights;
        this.elections = elections;
        this.box = box;
    }

    /** A name on the ballot, in ballot order, with what the voter chose so far. */
    public record Line(int number, String candidateId, String name, String office, boolean kept, String rating) {}

    /** The round as its ballot needs it. */
    record Ballot(ElectionView election, RoundView round, boolean confidence, List<Line> lines) {}

    @GetMapping("/vote/elections/{electionId}/rounds/{round}")
    public String ballot(@PathVariable String electionId, @PathVariable int round, HttpServletResponse response, Model model) {
        Caller voter = rights.requireVoter(electionId);
        VoterStanding standing = box.standing(electionId, round, voter.delegateId());
        Ballot b = open(electionId, round, standing);
        if (standing == VoterStanding.VOTED) {
            model.addAttribute("election", b.election());
            model.addAttribute("round", round);
            return "election/voted";
        }
        return show(model, b, lines(b, Set.of(), Map.of()), newKey(), null, response, 200);
    }

    /** Back from the review to change the choice: the same key travels on (nothing was cast yet). */
    @PostMapping("/vote/elections/{electionId}/rounds/{round}/edit")
    public String edit(@PathVariable String electionId, @PathVariable int round, @RequestParam MultiValueMap<String, String> form,
                       HttpServletResponse response, Model model) {
        Caller voter = rights.requireVoter(electionId);
        Ballot b = open(electionId, round, box.standing(electionId, round, voter.delegateId()));
        Choice c = choice(b, form);
        return show(model, b, lines(b, c.kept(), c.ratings()), c.key(), null, response, 200);
    }

    @PostMapping("/vote/elections/{electionId}/rounds/{round}/review")
    public String review(@PathVariable String electionId, @PathVariable int round, @RequestParam MultiValueMap<String, String> form,
                         HttpServletResponse response, Model model) {
        Caller voter = rights.requireVoter(electionId);
        Ballot b = open(electionId, round, box.standing(electionId, round, voter.delegateId()));
        Choice c = choice(b, form);
        String error = mistake(b, c);
        if (error != null) return show(model, b, lines(b, c.kept(), c.ratings()), c.key(), error, response, 422);
        model.addAttribute("election", b.election());
        model.addAttribute("round", b.round());
        model.addAttribute("confidence", b.confidence());
        model.addAttribute("lines", lines(b, c.kept(), c.ratings()));
        model.addAttribute("keptCount", c.kept().size());
        model.addAttribute("key", c.key());
        return b.confidence() ? "confidence/review" : "election/review";
    }

    /**
     * R-23: the ballot goes into the box; the receipt is the answer to this post itself (never stored for a later
     * page, which would keep voter and receipt together): reloading it posts again with the same key and shows the
     * same receipt.
     */
    @PostMapping("/vote/elections/{electionId}/rounds/{round}/cast")
    public String cast(@PathVariable String electionId, @PathVariable int round, @RequestParam MultiValueMap<String, String> form,
                       HttpServletResponse response, Model model) {
        Caller voter = rights.requireVoter(electionId);
        Ballot b = forCast(electionId, round);
        Choice c = choice(b, form);
        String error = mistake(b, c);
        if (error != null && "OPEN".equals(b.round().status())) {
            return show(model, b, lines(b, c.kept(), c.ratings()), c.key(), error, response, 422);
        }
        CastBallotCommand.Receipt receipt = box.cast(b.confidence()
                ? new CastBallotCommand(electionId, round, voter.delegateId(), c.key(), List.of(), ratingLines(b, c.ratings()))
                : new CastBallotCommand(electionId, round, voter.delegateId(), c.key(), List.copyOf(c.kept())));
        meters.cast(receipt);
        response.setStatus(receipt.repeated() ? 200 : 201);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("election", b.election());
        model.addAttribute("round", b.round());
        model.addAttribute("receipt", receipt);
        return "election/receipt";
    }

    // ---- the ballot's content -----------------------------------------------------------------------------

    record Choice(Set<String> kept, Map<String, String> ratings, String key) {}

    /** What the form says, read strictly: names off the ballot and unknown levels are kept so that they are refused. */
    private static Choice choice(Ballot b, MultiValueMap<String, String> form) {
        Set<String> kept = new LinkedHashSet<>();
        List<String> values = form.getOrDefault("kept", List.of());
        if (values.size() > Limits.ITEMS) throw tooMuch();
        for (String v : values) {
            String id = FormText.line(v, Limits.ID);
            kept.add(id == null ? "?" : id);
        }
        Map<String, String> ratings = new LinkedHashMap<>();
        for (Line l : b.lines()) {
            String level = FormText.line(form.getFirst("rating-" + l.candidateId()), 16);
            if (level != null && !level.isEmpty()) ratings.put(l.candidateId(), level);
        }
        String key = FormText.line(form.getFirst("key"), 100);
        return new Choice(kept, ratings, key);
    }

    /** The message key of what stops this ballot from being reviewed or cast, or null. */
    private static String mistake(Ballot b, Choice c) {
        if (b.confidence()) {
            for (Line l : b.lines()) {
                String level = c.ratings().get(l.candidateId());
                if (level == null) return "ballot.error.unrated";
                if (parseLevel(level) == null) return "ballot.error.unknown-level";
            }
            return null;
        }
        Set<String> onBallot = new LinkedHashSet<>();
        b.lines().forEach(l -> onBallot.add(l.candidateId()));
        if (!onBallot.containsAll(c.kept())) return "ballot.error.not-on-ballot";
        // R-25: more names kept than seats make the ballot invalid; the page refuses it before it is cast.
        if (c.kept().size() > b.round().seats()) return "ballot.error.too-many";
        return null;
    }

    private static List<RatingLine> ratingLines(Ballot b, Map<String, String> ratings) {
        List<RatingLine> out = new ArrayList<>();
        for (Line l : b.lines()) out.add(RatingLine.rated(l.candidateId(), parseLevel(ratings.get(l.candidateId()))));
        return out;
    }

    private static ConfidenceLevel parseLevel(String level) {
        if (level == null) return null;
        for (ConfidenceLevel c : ConfidenceLevel.values()) if (c.name().equals(level)) return c;
        return null;
    }

    private String show(Model model, Ballot b, List<Line> lines, String key, String error, HttpServletResponse response, int status) {
        response.setStatus(status);
        model.addAttribute("election", b.election());
        model.addAttribute("round", b.round());
        model.addAttribute("lines", lines);
        model.addAttribute("key", key == null || key.length() < 16 ? newKey() : key);
        model.addAttribute("error", error);
        model.addAttribute("keptCount", lines.stream().filter(Line::kept).count());
        return b.confidence() ? "confidence/ballot" : "election/ballot";
    }

    private static List<Line> lines(Ballot b, Set<String> kept, Map<String, String> ratings) {
        List<Line> out = new ArrayList<>();
        for (Line l : b.lines()) {
            out.add(new Line(l.number(), l.candidateId(), l.name(), l.office(), kept.contains(l.candidateId()), ratings.get(l.candidateId())));
        }
        return out;
    }

    /** The round must be open for a ballot: otherwise the box's own refusal, shown as its page. */
    private Ballot open(String electionId, int round, VoterStanding standing) {
        Ballot b = known(electionId, round);
        if (!"OPEN".equals(b.round().status())) {
            throw RuleViolation.conflict("round-closed", "R-29", "round");
        }
        if (standing == VoterStanding.NOT_ON_ROLL) {
            throw RuleViolation.conflict("not-on-round-roll", "R-13", "delegateId");
        }
        if (standing == VoterStanding.PAPER_ISSUED) {
            throw RuleViolation.conflict("paper-issued", "R-29", "delegateId");
        }
        return b;
    }

    /**
     * An open round's ballot as the cast needs it — its names in ballot order, its seats, its kind — which cannot
     * change while the round is open: read once, not on every cast. Only open rounds are kept (the box itself refuses
     * a round that closed since); forgotten wholesale past a few thousand rounds.
     */
    private final Map<String, Ballot> openBallots = new java.util.concurrent.ConcurrentHashMap<>();

    private Ballot forCast(String electionId, int round) {
        String key = electionId + "#" + round;
        Ballot b = openBallots.get(key);
        if (b != null) return b;
        b = known(electionId, round);
        if ("OPEN".equals(b.round().status())) {
            if (openBallots.size() > 5_000) openBallots.clear();
            openBallots.put(key, b);
        }
        return b;
    }

    private Ballot known(String electionId, int round) {
        ElectionView e = elections.election(new ElectionOf(electionId)).orElseThrow(ElectionAccess::unknown);
        // The projection's own row: the ballot needs the names and seats, never the turnout the API view counts.
        RoundView r = elections.round(new vn.daihoi.election.ElectionQueries.RoundOf(electionId, round))
                .orElseThrow(() -> RuleViolation.notFound("unknown-round", "round"));
        List<Line> lines = new ArrayList<>();
        BallotNames.inBallotOrder(e, r.candidateIds()).forEach((id, c) ->
                lines.add(new Line(lines.size() + 1, id, BallotNames.name(c), c == null ? null : c.office(), false, null)));
        return new Ballot(e, r, e.body() == ElectedBody.CONFIDENCE_VOTE, lines);
    }

    private static String newKey() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static RuleViolation tooMuch() {
        return RuleViolation.invalid("too-many-items", null, "kept");
    }
}
