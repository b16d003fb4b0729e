package vn.daihoi.election;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
import vn.daihoi.election.ElectionQueries.ElectionOf;
import vn.daihoi.election.ElectionQueries.ElectionView;
import vn.daihoi.election.ElectionQueries.RoundOf;
import vn.daihoi.election.ElectionQueries.RoundView;
import vn.daihoi.election.infra.JdbcBallotBox;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.infra.edge.Note;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Elections over HTTP. Organisers run them; delegates of the congress read them and cast their
 * own ballots with their voting token; results appear only once a round is counted.
 */
@RestController
public class ElectionController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSync sync;
    private final Access access;
    private final JdbcBallotBox box;
    private final CountingMinutes minutes;
    private final ElectionAccess rights;

    private final KeyShareSheet sheets;
    private final vn.daihoi.account.Accounts accounts;
    private final ElectionProjection elections;
    /** ADR 0022: a round opens and closes at the moment the command arrives; the minutes print that moment. */
    private final java.time.Clock clock;
    private final vn.daihoi.infra.Meters meters;

    public ElectionController(CommandGateway commands, QueryGateway queries, ProjectionSync sync, Access access,
                              JdbcBallotBox box, CountingMinutes minutes, ElectionAccess rights, KeyShareSheet sheets,
                              vn.daihoi.account.Accounts accounts, ElectionProjection elections, java.time.Clock clock,
                              vn.daihoi.infra.Meters meters) {
        this.clock = clock;
        this.meters = meters;
        this.elections = elections;
        this.sheets = sheets;
        this.accounts = accounts;
        this.minutes = minutes;
        this.rights = rights;
        this.commands = commands;
        this.queries = queries;
        this.sync = sync;
        this.access = access;
        this.box = box;
    }

    public record NewElection(@NotNull ElectedBody body, @Line(max = Limits.NAME) String title, Integer seats) {}

    public record Nomination(@NotBlank @Line(max = Limits.ID) String personId, @NotNull NominationSource source, @Line(max = Limits.ID) String nominatedByDelegateId,
                      @Line(max = Limits.NAME) String applicationReference) {}

    public record Withdrawal(boolean granted, @NotBlank @Line(max = Limits.REFERENCE) String decisionReference) {}

    public record ListApproval(@NotBlank @Line(max = Limits.ID) String listDecisionId, @Line(max = Limits.ID) String noSurplusDecisionId) {}

    public record NewRound(@Min(1) int round, @Size(max = Limits.ITEMS) List<@NotBlank @Line(max = Limits.ID) String> candidateIds, Integer seats,
                    @Line(max = Limits.REFERENCE) String decisionReference) {}

    public record LateVoter(@NotBlank @Line(max = Limits.ID) String delegateId, @NotBlank @Line(max = Limits.REFERENCE) String decisionReference) {}

    record Ballot(@NotNull @Size(max = Limits.ITEMS) List<@NotBlank @Line(max = Limits.ID) String> keptCandidateIds) {}

    public record PaperVoter(@NotBlank @Line(max = Limits.ID) String delegateId) {}

    public record PaperEntry(@Min(1) int sheet, @Size(max = Limits.ITEMS) List<@NotBlank @Line(max = Limits.ID) String> keptCandidateIds, InvalidReason invalid,
                      @Note(max = Limits.REASON) String correctionReason) {}

    public record PaperAccounting(@Min(0) int notReturned) {}

    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/congresses/{congressId}/elections")
    public CompletableFuture<ResponseEntity<ElectionView>> open(@PathVariable String congressId, @Valid @RequestBody NewElection body) {
        access.requireOrganiserOfCongress(congressId);
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenElectionCommand(id, congressId, body.body(), body.title(), body.seats()));
        return synced(id, true);
    }

    @GetMapping("/api/elections/{electionId}")
    public ElectionView election(@PathVariable String electionId) {
        rights.requireReader(electionId);
        return view(electionId);
    }

    @PostMapping("/api/elections/{electionId}/candidates")
    public CompletableFuture<ResponseEntity<ElectionView>> nominate(@PathVariable String electionId, @Valid @RequestBody Nomination body) {
        rights.requireOrganiser(electionId);
        access.requireOrganiserOfPerson(body.personId()); // ADR 0013: only a person found in the caller's units
        access.requireDelegatesOfCongress(rights.congressOf(electionId), java.util.Collections.singletonList(body.nominatedByDelegateId()));
        commands.sendAndWait(new NominateCandidateCommand(electionId, UUID.randomUUID().toString(), body.personId(), body.source(),
                body.nominatedByDelegateId(), body.applicationReference()));
        return synced(electionId, false);
    }

    @PostMapping("/api/elections/{electionId}/candidates/{candidateId}/withdrawal")
    public CompletableFuture<ResponseEntity<ElectionView>> withdraw(@PathVariable String electionId, @PathVariable String candidateId, @Valid @RequestBody Withdrawal body) {
        rights.requireOrganiser(electionId);
        commands.sendAndWait(new DecideWithdrawalCommand(electionId, candidateId, body.granted(), body.decisionReference()));
        return synced(electionId, false);
    }

    /**
     * approval by the congress's decision. The ballot order is proposed from the names the ballot will
     * print; the election aggregate checks it against R-24 over those very names before it records the approval.
     */
    @PostMapping("/api/elections/{electionId}/approve-list")
    public CompletableFuture<ResponseEntity<ElectionView>> approve(@PathVariable String electionId, @Valid @RequestBody ListApproval body) {
        rights.requireOrganiser(electionId);
        ElectionView election = view(electionId);
        // a confidence ballot lists the officials as the organisers listed them (by office), not by name.
        List<String> order = BallotOrder.ofStanding(election);
        Map<String, String> printed = new java.util.LinkedHashMap<>();
        election.candidates().stream().filter(c -> !c.withdrawn() && c.fullName() != null)
                .forEach(c -> printed.put(c.candidateId(), c.fullName()));
        commands.sendAndWait(new ApproveCandidateListCommand(electionId, body.listDecisionId(), body.noSurplusDecisionId(), order, printed));
        return synced(electionId, false);
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/elections/{electionId}/rounds")
    public CompletableFuture<ResponseEntity<RoundView>> openRound(@PathVariable String electionId, @Valid @RequestBody NewRound body) {
        rights.requireOrganiser(electionId);
        commands.sendAndWait(new OpenRoundCommand(electionId, body.round(), body.candidateIds(), body.seats(), body.decisionReference(),
                clock.instant()));
        URI location = URI.create("/api/elections/" + electionId + "/rounds/" + body.round());
        return sync.answer(ElectionProjection.PROCESSING_GROUP, List.of(electionId), location,
                () -> ResponseEntity.created(location).body(roundView(electionId, body.round())));
    }

    @PostMapping("/api/elections/{electionId}/rounds/{round}/late-voters")
    public CompletableFuture<ResponseEntity<RoundView>> lateVoter(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody LateVoter body) {
        rights.requireOrganiser(electionId);
        access.requireDelegatesOfCongress(rights.congressOf(electionId), java.util.Collections.singletonList(body.delegateId()));
        commands.sendAndWait(new AddLateVoterCommand(electionId, round, body.delegateId(), body.decisionReference()));
        return syncedRound(electionId, round);
    }

    /**
     * a delegate's own electronic ballot. An invalid ballot is refused before it is cast, so it can
     * be corrected; a retried request with the same {@code Idempotency-Key} gets the same receipt (200); a new
     * ballot from a voter who already voted is refused.
     */
    @ApiResponse(responseCode = "200", description = "Cùng Idempotency-Key: biên nhận đã cấp · the same Idempotency-Key: the receipt already given")
    @ApiResponse(responseCode = "201", description = "Đã bỏ phiếu · cast")
    @PostMapping("/api/elections/{electionId}/rounds/{round}/ballots")
    public ResponseEntity<CastBallotCommand.Receipt> cast(@PathVariable String electionId, @PathVariable int round,
                                                          @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                                          @Valid @RequestBody Ballot body) {
        Caller voter = rights.requireVoter(electionId);
        // ADR 0008: the ballot box casts in one statement of its own; the command bus would add only its unit of work.
        CastBallotCommand.Receipt receipt = box.cast(
                new CastBallotCommand(electionId, round, voter.delegateId(), key, body.keptCandidateIds()));
        meters.cast(receipt);
        return ResponseEntity.status(receipt.repeated() ? 200 : 201).body(receipt);
    }

    /** the organisers hand a voter a paper ballot (he then cannot vote electronically). */
    @PostMapping("/api/elections/{electionId}/rounds/{round}/paper-ballots")
    public RoundView issuePaper(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody PaperVoter body) {
        rights.requireOrganiser(electionId);
        access.requireDelegatesOfCongress(rights.congressOf(electionId), java.util.Collections.singletonList(body.delegateId()));
        commands.sendAndWait(new IssuePaperBallotCommand(electionId, round, body.delegateId()));
        return roundView(electionId, round);
    }

    @PostMapping("/api/elections/{electionId}/rounds/{round}/paper-ballots/spoiled")
    public RoundView spoiled(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody PaperVoter body) {
        rights.requireOrganiser(electionId);
        access.requireDelegatesOfCongress(rights.congressOf(electionId), java.util.Collections.singletonList(body.delegateId()));
        commands.sendAndWait(new ReplaceSpoiledPaperBallotCommand(electionId, round, body.delegateId()));
        return roundView(electionId, round);
    }

    /** a counting-committee member's entry of one paper ballot; double entry by two members. */
    @PostMapping("/api/elections/{electionId}/rounds/{round}/paper-entries")
    public ResponseEntity<Void> enter(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody PaperEntry body) {
        Caller c = rights.requireCountingMember(electionId);
        commands.sendAndWait(new EnterPaperBallotCommand(electionId, round, body.sheet(), c.accountId(), rights.personOf(c), body.keptCandidateIds(),
                body.invalid(), body.correctionReason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/elections/{electionId}/rounds/{round}/paper-accounting")
    public RoundView accounting(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody PaperAccounting body) {
        String member = rights.requireCountingOrOrganiser(electionId);
        commands.sendAndWait(new RecordPaperAccountingCommand(electionId, round, body.notReturned(), member));
        return roundView(electionId, round);
    }

    /** ADR 0017: the key shares of the members present at the count, as scanned or typed from their sheets. */
    public record Shares(@Size(max = 255) List<@NotBlank @Line(max = 200) String> shares) {}

    /**
     * ADR 0017: the count — the box opens only with the key shares of enough counting-committee members.
     * The organisers or the counting committee close it; the shares are what opens it.
     */
    @PostMapping("/api/elections/{electionId}/rounds/{round}/close")
    public CompletableFuture<ResponseEntity<RoundView>> close(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody(required = false) Shares body) {
        rights.requireCountingOrOrganiser(electionId);
        commands.sendAndWait(new CloseRoundCommand(electionId, round, body == null ? List.of() : body.shares(), clock.instant()));
        return syncedRound(electionId, round);
    }

    /** What a member receives: his share, once. The answer is not cached anywhere (no-store). */
    public record KeyShareView(String electionId, int round, String holderPersonId, int index, int holders, int sharesNeeded,
                               String keyFingerprint, String shareCode, boolean boxSealed) {}

    /** ADR 0017: a counting-committee member takes his key share of the round, once, as data. */
    @PostMapping("/api/elections/{electionId}/rounds/{round}/key-share")
    public CompletableFuture<ResponseEntity<KeyShareView>> takeShare(@PathVariable String electionId, @PathVariable int round) {
        KeyShareSlip slip = takeSlip(electionId, round);
        // ADR 0027: a share is given once; a late read model marks the answer but never withholds the share.
        return sync.answerMarked(ElectionProjection.PROCESSING_GROUP, List.of(electionId), () -> ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(new KeyShareView(electionId, round, slip.holderPersonId(), slip.index(), slip.holders(), slip.sharesNeeded(),
                        slip.keyFingerprint(), slip.shareCode(), slip.sealedNow())));
    }

    /** ADR 0017: the same, once, as the printable sheet with its QR code. */
    @PostMapping(value = "/api/elections/{electionId}/rounds/{round}/key-share.pdf", produces = "application/pdf")
    public CompletableFuture<ResponseEntity<byte[]>> takeShareSheet(@PathVariable String electionId, @PathVariable int round) {
        KeyShareSlip slip = takeSlip(electionId, round);
        // ADR 0027: as takeShare, the sheet is given whole and once; a late read model only marks it.
        return sync.answerMarked(ElectionProjection.PROCESSING_GROUP, List.of(electionId), () -> {
            byte[] pdf = sheets.pdf(view(electionId), round, slip, minutes.name(slip.holderPersonId()));
            // The page's form runs this same method: its mapping has no "produces", so the type is stated here.
            return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF).header("Cache-Control", "no-store")
                    .header("Content-Disposition", "attachment; filename=\"manh-khoa-vong-" + round + ".pdf\"").body(pdf);
        });
    }

    private KeyShareSlip takeSlip(String electionId, int round) {
        Caller c = rights.requireCountingMember(electionId);
        String personId = accounts.find(c.accountId()).map(vn.daihoi.account.Accounts.AccountView::personId).orElse(null);
        if (personId == null || personId.isBlank()) {
            throw RuleViolation.conflict("not-a-share-holder", "R-23", "personId").variant("account");
        }
        return commands.sendAndWait(new TakeKeyShareCommand(electionId, round, personId));
    }

    record VoidRound(@NotBlank @Line(max = Limits.NAME) String reason, @NotBlank @Line(max = Limits.REFERENCE) String decisionReference) {}

    /** R-28, ADR 0017: too few key shares can be presented; on the congress's decision the round is void and held again. */
    @PostMapping("/api/elections/{electionId}/rounds/{round}/void")
    public CompletableFuture<ResponseEntity<RoundView>> voidRound(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody VoidRound body) {
        rights.requireOrganiser(electionId);
        commands.sendAndWait(new VoidRoundCommand(electionId, round, body.reason(), body.decisionReference()));
        return syncedRound(electionId, round);
    }

    /** Where a published round's results can be read without signing in. */
    public record ResultsLink(String linkId, String path) {}

    /**
     * Publishes a counted round's results under an unguessable public link (a recorded command); publishing again
     * answers the link already published.
     */
    @ApiResponse(responseCode = "200", description = "Đã công bố trước đó · published before")
    @ApiResponse(responseCode = "201", description = "Đã công bố · published")
    @PostMapping("/api/elections/{electionId}/rounds/{round}/results-link")
    public CompletableFuture<ResponseEntity<ResultsLink>> publishResults(@PathVariable String electionId, @PathVariable int round) {
        rights.requireOrganiser(electionId);
        java.util.Optional<String> known = elections.resultsLinkOf(electionId, round);
        if (known.isPresent()) return CompletableFuture.completedFuture(ResponseEntity.ok(new ResultsLink(known.get(), "/results/" + known.get())));
        byte[] random = new byte[24];
        LINKS.nextBytes(random);
        String linkId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        commands.sendAndWait(new PublishResultsCommand(electionId, round, linkId));
        // ADR 0027: the link is the command's, not the read model's: the answer stays whole, marked when the page is late.
        return sync.answerMarked(ElectionProjection.PROCESSING_GROUP, List.of(electionId),
                () -> ResponseEntity.created(URI.create("/results/" + linkId)).body(new ResultsLink(linkId, "/results/" + linkId)));
    }

    private static final java.security.SecureRandom LINKS = new java.security.SecureRandom();

    /** Open: turnout only. Counted: results and every ballot beside its tracking code, for anyone who may read. */
    @GetMapping("/api/elections/{electionId}/rounds/{round}")
    public RoundView round(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        return roundView(electionId, round);
    }

    /** printable paper ballots for a round, as many copies as asked (default: one per voter on the roll). */
    @GetMapping("/api/elections/{electionId}/rounds/{round}/ballot-papers.pdf")
    public ResponseEntity<byte[]> ballotPapers(@PathVariable String electionId, @PathVariable int round,
                                               @org.springframework.web.bind.annotation.RequestParam(required = false) Integer copies) {
        rights.requireOrganiser(electionId);
        int n = copies != null ? copies : roundView(electionId, round).voters();
        if (n < 1 || n > 2000) {
            throw RuleViolation.invalid("invalid-copies", null, "copies");
        }
        boolean confidence = view(electionId).body() == ElectedBody.CONFIDENCE_VOTE;
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"" + (confidence ? "phieu-tin-nhiem" : "phieu-bau") + "-vong-" + round + ".pdf\"")
                .body(minutes.ballotPapers(electionId, round, n));
    }

    /** the counting minutes of a counted round, as JSON. */
    @GetMapping("/api/elections/{electionId}/rounds/{round}/minutes")
    public CountingMinutes.Minutes minutes(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        return minutes.of(electionId, round);
    }

    /** The same minutes as a printable PDF in Vietnamese. */
    @GetMapping("/api/elections/{electionId}/rounds/{round}/minutes.pdf")
    public ResponseEntity<byte[]> minutesPdf(@PathVariable String electionId, @PathVariable int round) {
        rights.requireReader(electionId);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"bien-ban-kiem-phieu-vong-" + round + ".pdf\"")
                .body(minutes.pdf(minutes.of(electionId, round)));
    }

    /** The round as anyone who may read it sees it: while open, only the turnout (no interim results). */
    public RoundView roundView(String electionId, int round) {
        RoundView v = queries.query(new RoundOf(electionId, round), ResponseTypes.optionalInstanceOf(RoundView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("unknown-round", "round"));
        if ("OPEN".equals(v.status())) {
            return new RoundView(v.electionId(), v.round(), v.status(), v.seats(), v.candidateIds(), v.voters(), v.summoned(),
                    v.present(), box.turnout(electionId, round), null, null, null, null, null, null, null, null, List.of(), List.of(),
                    null, null, List.of(), v.openedAt(), null, v.box());
        }
        return v;
    }

    /** ADR 0027: the election once its read model has the write; 202 with its location when late. */
    private CompletableFuture<ResponseEntity<ElectionView>> synced(String electionId, boolean created) {
        URI location = URI.create("/api/elections/" + electionId);
        return sync.answer(ElectionProjection.PROCESSING_GROUP, List.of(electionId), location,
                () -> (created ? ResponseEntity.created(location) : ResponseEntity.ok()).body(view(electionId)));
    }

    /** ADR 0027: the round once the election's read model has the write; 202 with the round's location when late. */
    private CompletableFuture<ResponseEntity<RoundView>> syncedRound(String electionId, int round) {
        return sync.answer(ElectionProjection.PROCESSING_GROUP, List.of(electionId),
                URI.create("/api/elections/" + electionId + "/rounds/" + round), () -> ResponseEntity.ok(roundView(electionId, round)));
    }

    private ElectionView view(String electionId) {
        return queries.query(new ElectionOf(electionId), ResponseTypes.optionalInstanceOf(ElectionView.class)).join()
                .orElseThrow(ElectionAccess::unknown);
    }
}
