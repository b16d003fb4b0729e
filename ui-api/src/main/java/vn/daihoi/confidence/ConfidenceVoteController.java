package vn.daihoi.confidence;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.account.Caller;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.confidence.ConfidenceQueries.PersonResult;
import vn.daihoi.confidence.ConfidenceQueries.Results;
import vn.daihoi.election.CastBallotCommand;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectionAccess;
import vn.daihoi.election.ElectionController;
import vn.daihoi.election.ElectionProjection;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.election.EnterPaperBallotCommand;
import vn.daihoi.election.InvalidReason;
import vn.daihoi.election.OpenElectionCommand;
import vn.daihoi.election.infra.JdbcBallotBox;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.infra.edge.Note;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Confidence votes over HTTP (R-60 to R-64, ADR 0010). A confidence vote is an election of the engine: its rounds
 * open, take late voters and paper ballots, balance and close through the election endpoints
 * ({@code /api/elections/{id}/rounds…}). What differs lives here: organising it with its list of officials, the
 * rating ballot, the paper entry of a rating ballot, and the per-person results and minutes.
 */
@RestController
public class ConfidenceVoteController {

    private final CommandGateway commands;
    private final ProjectionSync sync;
    private final Access access;
    private final ElectionAccess rights;
    private final JdbcBallotBox box;
    private final vn.daihoi.infra.Meters meters;
    private final ConfidenceMinutes minutes;
    private final ElectionController elections;

    public ConfidenceVoteController(CommandGateway commands, ProjectionSync sync, Access access, ElectionAccess rights,
                                    JdbcBallotBox box, ConfidenceMinutes minutes, ElectionController elections,
                                    vn.daihoi.infra.Meters meters) {
        this.meters = meters;
        this.commands = commands;
        this.sync = sync;
        this.access = access;
        this.rights = rights;
        this.box = box;
        this.minutes = minutes;
        this.elections = elections;
    }

    public record Official(@Line(max = Limits.ID) String personId, @Line(max = Limits.NAME) String office) {}

    public record NewConfidenceVote(@Line(max = Limits.NAME) String title, @NotNull @Size(max = Limits.ITEMS) List<@Valid Official> officials) {}

    /** One line: a level ({@code HIGH}, {@code CONFIDENCE}, {@code LOW}) or, on paper, why the line is invalid. */
    record Rating(@Line(max = Limits.ID) String candidateId, @Line(max = Limits.WORD) String level, @Line(max = Limits.WORD) String invalid) {}

    record Ballot(@NotNull @Size(max = Limits.ITEMS) List<@Valid Rating> ratings) {}

    record PaperEntry(@Min(1) int sheet, @Size(max = Limits.ITEMS) List<@Valid Rating> ratings, InvalidReason invalid,
                      @Note(max = Limits.REASON) String correctionReason) {}

    /** While the round is open only the turnout; once counted, R-63 per person with the R-64 flags. */
    public record RoundResults(String electionId, int round, String status, int voters, Integer turnout, Integer issued,
                               Integer collected, Integer whollyInvalid, List<PersonResult> people) {}

    /** the assembly's organisers list the officials to be rated, each with the office he holds. */
    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/congresses/{congressId}/confidence-votes")
    public CompletableFuture<ResponseEntity<ElectionView>> organise(@PathVariable String congressId, @Valid @RequestBody NewConfidenceVote body) {
        access.requireOrganiserOfCongress(congressId);
        if (body.officials() != null) {
            access.requireOrganiserOfPeople(body.officials().stream().filter(java.util.Objects::nonNull).map(Official::personId).toList());
        }
        List<ListedOfficial> officials = new ArrayList<>();
        for (Official o : body.officials()) {
            officials.add(o == null ? null : new ListedOfficial(UUID.randomUUID().toString(), o.personId(), o.office()));
        }
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenElectionCommand(id, congressId, ElectedBody.CONFIDENCE_VOTE, body.title(), null, officials));
        URI location = URI.create("/api/confidence-votes/" + id);
        return sync.answer(ElectionProjection.PROCESSING_GROUP, List.of(id), location,
                () -> ResponseEntity.created(location).body(minutes.vote(id)));
    }

    @GetMapping("/api/confidence-votes/{electionId}")
    public ElectionView vote(@PathVariable String electionId) {
        rights.requireReader(electionId);
        return minutes.vote(electionId);
    }

    /**
     * ADR 0008: a delegate's own rating ballot, cast into the same ballot box as election ballots. A ballot
     * naming someone off the list or an unknown level is refused before it is cast; a person left unrated is an
     * invalid line, the voter's choice.
     */
    @ApiResponse(responseCode = "200", description = "Cùng Idempotency-Key: biên nhận đã cấp · the same Idempotency-Key: the receipt already given")
    @ApiResponse(responseCode = "201", description = "Đã bỏ phiếu · cast")
    @PostMapping("/api/confidence-votes/{electionId}/rounds/{round}/ballots")
    public ResponseEntity<CastBallotCommand.Receipt> cast(@PathVariable String electionId, @PathVariable int round,
                                                          @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                                          @Valid @RequestBody Ballot body) {
        Caller voter = rights.requireVoter(electionId);
        CastBallotCommand.Receipt receipt = box.cast(new CastBallotCommand(electionId, round, voter.delegateId(), key, List.of(),
                lines(body.ratings())));
        meters.cast(receipt);
        return ResponseEntity.status(receipt.repeated() ? 200 : 201).body(receipt);
    }

    /** a counting member's entry of one paper rating ballot; double entry and corrections as in elections. */
    @PostMapping("/api/confidence-votes/{electionId}/rounds/{round}/paper-entries")
    public ResponseEntity<Void> enter(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody PaperEntry body) {
        Caller c = rights.requireCountingMember(electionId);
        minutes.vote(electionId);
        commands.sendAndWait(new EnterPaperBallotCommand(electionId, round, body.sheet(), c.accountId(), rights.personOf(c), List.of(), body.invalid(),
                body.correctionReason(), body.ratings() == null ? null : lines(body.ratings())));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/confidence-votes/{electionId}/rounds/{round}/results")
    public RoundResults results(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        minutes.vote(electionId);
        RoundView r = elections.roundView(electionId, round);
        if (!"COUNTED".equals(r.status())) {
            return new RoundResults(electionId, round, r.status(), r.voters(), r.participants(), null, null, null, List.of());
        }
        Results res = minutes.results(electionId, round);
        return new RoundResults(electionId, round, r.status(), r.voters(), r.participants(), res.issued(), res.collected(),
                res.wholeInvalid(), res.people());
    }

    @GetMapping("/api/confidence-votes/{electionId}/rounds/{round}/minutes")
    public ConfidenceMinutes.Minutes minutes(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        return minutes.of(electionId, round);
    }

    @GetMapping("/api/confidence-votes/{electionId}/rounds/{round}/minutes.pdf")
    public ResponseEntity<byte[]> minutesPdf(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"bien-ban-tin-nhiem-vong-" + round + ".pdf\"")
                .body(minutes.pdf(minutes.of(electionId, round)));
    }

    /** levels and line reasons by name; an unknown one is refused with the rule, not a parse error. */
    private static List<RatingLine> lines(List<Rating> ratings) {
        List<RatingLine> out = new ArrayList<>();
        for (Rating r : ratings) {
            if (r == null) {
                out.add(null);
                continue;
            }
            out.add(new RatingLine(r.candidateId(), parse(ConfidenceLevel.class, r.level(),
                    () -> RuleViolation.invalid("invalid-confidence-ballot-unknown-level", "R-62", "ratings")),
                    parse(LineInvalidReason.class, r.invalid(), () -> RuleViolation.invalid("invalid-confidence-line-reason", "R-62", "ratings"))));
        }
        return out;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, Supplier<RuleViolation> unknown) {
        if (value == null || value.isBlank()) return null;
        for (E e : type.getEnumConstants()) if (e.name().equals(value.strip())) return e;
        throw unknown.get();
    }
}
