package vn.daihoi.congress;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressQueries.Dashboard;
import vn.daihoi.congress.CongressQueries.DashboardOf;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.infra.edge.Note;
import vn.daihoi.organisation.DecisionBody;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Congresses over HTTP. Organisers of the unit (or above it) act; auditors read. */
@RestController
public class CongressController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSync sync;
    private final Access access;
    private final Clock clock;

    public CongressController(CommandGateway commands, QueryGateway queries, ProjectionSync sync, Access access, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.sync = sync;
        this.access = access;
        this.clock = clock;
    }

    public record TermShiftBody(@NotNull @Valid DecisionBody decision, int months) {}

    /**
     * A congress, or with {@code kind} COMMITTEE_MEETING a committee meeting (ADR 0009): then {@code purpose} is
     * required, {@code ofCongressId} and {@code convenerPersonId} name the electing congress and the convener of a
     * first meeting, and {@code ordinal}/{@code announcedSeats} are left out.
     */
    public record Convene(@Line(max = Limits.ID) String congressId, @NotBlank @Line(max = Limits.ID) String unitId, Integer ordinal, @NotNull Term term,
                   @NotNull CongressKind kind, boolean pilot, @Line(max = Limits.ID) String pilotChosenByUnitId, @NotNull LocalDate date,
                   @NotBlank @Line(max = Limits.NAME) String venue, Integer announcedSeats, @Line(max = Limits.ID) String profileId, @Valid TermShiftBody termShift,
                   @Valid DecisionBody decision, MeetingPurpose purpose, @Line(max = Limits.ID) String ofCongressId, @Line(max = Limits.ID) String convenerPersonId) {}

    public record Reschedule(@NotNull LocalDate date, @NotBlank @Line(max = Limits.NAME) String venue, @Note(max = Limits.REASON) String reason) {}

    public record Cancel(@NotBlank @Note(max = Limits.REASON) String reason) {}

    public record ShowOfHands(@Line(max = Limits.ID) String decisionId, @NotNull DecisionSubject subject, @Line(max = Limits.NAME) String title,
                       @Size(max = Limits.IDS) List<@NotBlank @Line(max = Limits.ID) String> personIds,
                       Integer seats, @Min(0) int votesFor, @Min(0) int votesAgainst, @Min(0) int abstentions) {}

    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/congresses")
    public CompletableFuture<ResponseEntity<Dashboard>> convene(@Valid @RequestBody Convene body) {
        access.requireOrganiserOf(body.unitId());
        String id = body.congressId() == null || body.congressId().isBlank() ? UUID.randomUUID().toString() : body.congressId();
        commands.sendAndWait(new ConveneCongressCommand(id, body.unitId(), body.ordinal() == null ? 0 : body.ordinal(),
                body.term(), body.kind(), body.pilot(), body.pilotChosenByUnitId(), body.date(), body.venue(),
                body.announcedSeats() == null ? 0 : body.announcedSeats(), body.profileId(),
                body.termShift() == null ? null : new TermShift(body.termShift().decision().toDecision(), body.termShift().months()),
                body.decision() == null ? null : body.decision().toDecision(), body.purpose(), body.ofCongressId(),
                body.convenerPersonId()));
        return synced(id, true);
    }

    @GetMapping("/api/congresses/{congressId}")
    public Dashboard dashboard(@PathVariable String congressId) {
        access.requireReaderOfCongress(congressId);
        return dashboardOf(congressId);
    }

    @PostMapping("/api/congresses/{congressId}/reschedule")
    public CompletableFuture<ResponseEntity<Dashboard>> reschedule(@PathVariable String congressId, @Valid @RequestBody Reschedule body) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new RescheduleCongressCommand(congressId, body.date(), body.venue(), body.reason()));
        return synced(congressId, false);
    }

    @PostMapping("/api/congresses/{congressId}/cancel")
    public CompletableFuture<ResponseEntity<Dashboard>> cancel(@PathVariable String congressId, @Valid @RequestBody Cancel body) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new CancelCongressCommand(congressId, body.reason()));
        return synced(congressId, false);
    }

    @PostMapping("/api/congresses/{congressId}/open")
    public CompletableFuture<ResponseEntity<Dashboard>> open(@PathVariable String congressId) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new OpenCongressSessionCommand(congressId));
        return synced(congressId, false);
    }

    @PostMapping("/api/congresses/{congressId}/close")
    public CompletableFuture<ResponseEntity<Dashboard>> close(@PathVariable String congressId) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new CloseCongressCommand(congressId));
        return synced(congressId, false);
    }

    /** a show-of-hands decision, checked against attendance and the profile's majority. */
    @PostMapping("/api/congresses/{congressId}/decisions")
    public CompletableFuture<ResponseEntity<Dashboard>> decide(@PathVariable String congressId, @Valid @RequestBody ShowOfHands body) {
        access.requireOrganiserOfCongress(congressId);
        access.requireOrganiserOfPeople(body.personIds()); // ADR 0013
        String id = body.decisionId() == null || body.decisionId().isBlank() ? UUID.randomUUID().toString() : body.decisionId();
        commands.sendAndWait(new RecordShowOfHandsDecisionCommand(congressId, id, body.subject(), body.title(), body.personIds(),
                body.seats(), body.votesFor(), body.votesAgainst(), body.abstentions()));
        return synced(congressId, false);
    }

    /** The season under a federation: which units have convened, held and finished their congress for a term. */
    @GetMapping("/api/units/{unitId}/congresses")
    public CongressQueries.Season season(@PathVariable String unitId, @RequestParam int term,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireReaderOf(unitId);
        return queries.query(new CongressQueries.CongressesUnder(unitId, term, asOf == null ? LocalDate.now(clock) : asOf),
                CongressQueries.Season.class).join();
    }

    @GetMapping("/api/rule-profiles")
    public List<RuleProfile> profiles() {
        access.caller();
        return RuleProfiles.all();
    }

    /** ADR 0027: the dashboard once the congress's read model has the write; 202 with its location when late. */
    private CompletableFuture<ResponseEntity<Dashboard>> synced(String congressId, boolean created) {
        URI location = URI.create("/api/congresses/" + congressId);
        return sync.answer(CongressProjection.PROCESSING_GROUP, List.of(congressId), location,
                () -> (created ? ResponseEntity.created(location) : ResponseEntity.ok()).body(dashboardOf(congressId)));
    }

    Dashboard dashboardOf(String congressId) {
        return queries.query(new DashboardOf(congressId), ResponseTypes.optionalInstanceOf(Dashboard.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("unknown-congress", "congressId"));
    }
}
