package vn.daihoi.term;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressQueries;
import vn.daihoi.congress.CongressStatus;
import vn.daihoi.congress.Term;
import vn.daihoi.congress.TermShift;
import vn.daihoi.election.ElectionAccess;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.infra.edge.Note;
import vn.daihoi.organisation.Decision;
import vn.daihoi.term.TermQueries.LeadershipSummary;
import vn.daihoi.term.TermQueries.LeadershipView;
import vn.daihoi.term.TermQueries.OfficeHolders;
import vn.daihoi.term.TermQueries.PersonOffices;
import vn.daihoi.term.TermQueries.SeasonDeadline;
import vn.daihoi.term.TermQueries.UnitTerms;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Terms of office. A unit's organiser submits its congress's result; an organiser of
 * a unit above recognises or refuses it, imports past terms, appoints; organisers and auditors of the unit or any
 * unit above read the history.
 */
@RestController
public class TermController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSync sync;
    private final Access access;
    private final Clock clock;
    private final RecognitionDossier dossiers;
    private final ElectionAccess elections;

    public TermController(CommandGateway commands, QueryGateway queries, ProjectionSync sync, Access access, Clock clock,
                          RecognitionDossier dossiers, ElectionAccess elections) {
        this.commands = commands;
        this.queries = queries;
        this.sync = sync;
        this.access = access;
        this.clock = clock;
        this.dossiers = dossiers;
        this.elections = elections;
    }

    public record Submission(@NotEmpty @Size(max = Limits.ITEMS) List<@NotBlank @Line(max = Limits.ID) String> electionIds) {}

    public record Recognition(@NotNull LocalDate recognisedOn, @NotNull @Valid Decision decision) {}

    public record Refusal(@NotNull LocalDate refusedOn, @NotBlank @Note(max = Limits.REASON) String reason) {}

    record PastHolding(@NotBlank @Line(max = Limits.ID) String personId, @NotNull Office office, LocalDate from, @Valid Decision startDecision, LocalDate to,
                       HoldingEnd ended, @Valid Decision endDecision) {}

    record Import(@NotNull @Valid Term term, @Min(1) int congressOrdinal, LocalDate congressDate, @Min(1) int seats,
                  @Valid TermShift termShift, @NotNull LocalDate recognisedOn, @NotNull @Valid Decision decision,
                  @NotEmpty @Size(max = Limits.ITEMS) List<@NotNull @Valid PastHolding> holdings) {}

    public record Appointee(@NotBlank @Line(max = Limits.ID) String personId, @NotNull Office office) {}

    public record Provisional(@NotNull @Valid Term term, @NotNull ProvisionalReason reason, @NotNull LocalDate appointedOn,
                       @NotNull @Valid Decision decision, @Min(1) int seats, @NotEmpty @Size(max = Limits.ITEMS) List<@NotNull @Valid Appointee> members) {}

    public record Ending(@NotBlank @Line(max = Limits.ID) String personId, Office office, @NotNull HoldingEnd how, @NotNull LocalDate endedOn,
                  @NotNull @Valid Decision decision) {}

    public record ByElection(@NotBlank @Line(max = Limits.ID) String electionId, @NotNull LocalDate startedOn, @Valid Decision decision, @Valid Decision consent) {}

    public record Appointment(@NotBlank @Line(max = Limits.ID) String personId, @NotNull Office office, @NotNull LocalDate startedOn,
                       @NotNull @Valid Decision decision, @Valid Decision consent) {}

    record Extraordinary(@NotNull ExtraordinaryGrounds grounds, @NotNull LocalDate approvedOn, @NotNull @Valid Decision consent) {}

    record Deadline(@NotNull LocalDate congressBy, LocalDate recognitionBy, @NotNull @Valid Decision decision) {}

    // ---- commands ---------------------------------------------------------------------------------------

    /** the unit's organiser submits its counted elections; the term and ordinal are the congress's. */
    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/units/{unitId}/terms")
    public CompletableFuture<ResponseEntity<LeadershipView>> submit(@PathVariable String unitId, @Valid @RequestBody Submission body) {
        access.requireOrganiserOf(unitId);
        body.electionIds().forEach(id -> elections.requireOrganiser(id, "electionIds"));
        // The committee's election fixes the congress, its term and ordinal (Slate): the first meeting's elections,
        // which may come first in the list, belong to a meeting without an ordinal.
        String congressId = null;
        for (String electionId : body.electionIds()) {
            var view = queries.query(new vn.daihoi.election.ElectionQueries.ElectionOf(electionId),
                    ResponseTypes.optionalInstanceOf(vn.daihoi.election.ElectionQueries.ElectionView.class)).join();
            if (congressId == null && electionId.equals(body.electionIds().get(0))) {
                congressId = view.map(vn.daihoi.election.ElectionQueries.ElectionView::congressId)
                        .orElseThrow(() -> RuleViolation.notFound("unknown-election", "electionIds"));
            }
            if (view.isPresent() && view.get().body() == vn.daihoi.election.ElectedBody.EXECUTIVE_COMMITTEE) {
                congressId = view.get().congressId();
                break;
            }
        }
        CongressQueries.CongressSummary congress = queries.query(new CongressQueries.DashboardOf(congressId),
                        ResponseTypes.optionalInstanceOf(CongressQueries.Dashboard.class)).join()
                .map(CongressQueries.Dashboard::congress)
                .orElseThrow(() -> RuleViolation.notFound("unknown-congress", "electionIds"));
        String id = commands.sendAndWait(new SubmitForRecognitionCommand(UUID.randomUUID().toString(), unitId, congress.term(),
                congress.ordinal(), body.electionIds(), LocalDate.now(clock)));
        return synced(id, List.of(id), true);
    }

    /** only an organiser of a unit above; the predecessors' offices end the same day. */
    @PostMapping("/api/terms/{leadershipId}/recognise")
    public CompletableFuture<ResponseEntity<LeadershipView>> recognise(@PathVariable String leadershipId, @Valid @RequestBody Recognition body) {
        LeadershipView l = view(leadershipId);
        String by = access.organiserUnitAbove(l.unitId());
        commands.sendAndWait(new RecogniseLeadershipCommand(leadershipId, body.recognisedOn(), body.decision(), by));
        return synced(leadershipId, unitLeaderships(l.unitId()), false);
    }

    @PostMapping("/api/terms/{leadershipId}/refuse")
    public CompletableFuture<ResponseEntity<LeadershipView>> refuse(@PathVariable String leadershipId, @Valid @RequestBody Refusal body) {
        LeadershipView l = view(leadershipId);
        String by = access.organiserUnitAbove(l.unitId());
        commands.sendAndWait(new RefuseRecognitionCommand(leadershipId, body.refusedOn(), body.reason(), by));
        return synced(leadershipId, List.of(leadershipId), false);
    }

    /** A past term from its decisions, by an organiser above the unit (or an administrator). */
    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/units/{unitId}/terms/import")
    public CompletableFuture<ResponseEntity<LeadershipView>> importTerm(@PathVariable String unitId, @Valid @RequestBody Import body) {
        String by = access.organiserUnitAbove(unitId);
        access.requireOrganiserOfPeople(body.holdings().stream().map(PastHolding::personId).toList());
        String id = UUID.randomUUID().toString();
        List<ImportTermCommand.PastHolding> holdings = body.holdings().stream().map(h -> new ImportTermCommand.PastHolding(
                h.personId(), h.office(), h.from(), h.startDecision(), h.to(), h.ended(), h.endDecision())).toList();
        commands.sendAndWait(new ImportTermCommand(id, unitId, body.term(), body.congressOrdinal(), body.congressDate(), body.seats(),
                body.termShift(), body.recognisedOn(), body.decision(), holdings, by));
        return synced(id, unitLeaderships(unitId, id), true);
    }

    /** */
    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/units/{unitId}/terms/provisional")
    public CompletableFuture<ResponseEntity<LeadershipView>> provisional(@PathVariable String unitId, @Valid @RequestBody Provisional body) {
        String by = access.organiserUnitAbove(unitId);
        access.requireOrganiserOfPeople(body.members().stream().map(Appointee::personId).toList());
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new AppointProvisionalCommitteeCommand(id, unitId, body.term(), body.reason(), body.appointedOn(),
                body.decision(), body.seats(), body.members().stream()
                .map(m -> new AppointProvisionalCommitteeCommand.Appointee(m.personId(), m.office())).toList(), by));
        return synced(id, unitLeaderships(unitId, id), true);
    }

    /** resignation, dismissal or transfer, by the unit's organiser or one above. */
    @PostMapping("/api/terms/{leadershipId}/offices/end")
    public CompletableFuture<ResponseEntity<LeadershipView>> end(@PathVariable String leadershipId, @Valid @RequestBody Ending body) {
        access.requireOrganiserOf(view(leadershipId).unitId());
        commands.sendAndWait(new EndOfficeCommand(leadershipId, body.personId(), body.office(), body.how(), body.endedOn(), body.decision()));
        return synced(leadershipId, List.of(leadershipId), false);
    }

    /**
     * a counted by-election of the unit fills vacancies. Beyond the cap, the consent in the body is the upper
     * level's: only a caller who organises a unit above sends one (ADR 0029); the unit's own organiser is refused.
     */
    @PostMapping("/api/terms/{leadershipId}/by-elections")
    public CompletableFuture<ResponseEntity<LeadershipView>> byElection(@PathVariable String leadershipId, @Valid @RequestBody ByElection body) {
        String unitId = view(leadershipId).unitId();
        access.requireOrganiserOf(unitId);
        String consentedBy = consentingUnit(unitId, body.consent());
        elections.requireOrganiser(body.electionId(), "electionId");
        commands.sendAndWait(new FillVacancyByElectionCommand(leadershipId, body.electionId(), body.startedOn(), body.decision(), body.consent(),
                consentedBy));
        return synced(leadershipId, List.of(leadershipId), false);
    }

    /** the upper level appoints. */
    @PostMapping("/api/terms/{leadershipId}/appointments")
    public CompletableFuture<ResponseEntity<LeadershipView>> appoint(@PathVariable String leadershipId, @Valid @RequestBody Appointment body) {
        String by = access.organiserUnitAbove(view(leadershipId).unitId());
        access.requireOrganiserOfPerson(body.personId());
        commands.sendAndWait(new AppointToOfficeCommand(leadershipId, body.personId(), body.office(), body.startedOn(), body.decision(), body.consent(),
                body.consent() == null ? null : by));
        return synced(leadershipId, List.of(leadershipId), false);
    }

    /** the consent of the unit directly above, sent by its organiser (ADR 0029). */
    @PostMapping("/api/terms/{leadershipId}/extraordinary-congress")
    public CompletableFuture<ResponseEntity<LeadershipView>> extraordinary(@PathVariable String leadershipId, @Valid @RequestBody Extraordinary body) {
        String by = access.organiserUnitAbove(view(leadershipId).unitId());
        commands.sendAndWait(new ApproveExtraordinaryCongressCommand(leadershipId, body.grounds(), body.approvedOn(), body.consent(), by));
        return synced(leadershipId, List.of(leadershipId), false);
    }

    /** The federation's deadlines for its units' congresses of a term. */
    @PostMapping("/api/units/{unitId}/congress-season/{termStartYear}/deadline")
    public CompletableFuture<ResponseEntity<SeasonView>> deadline(@PathVariable String unitId, @PathVariable int termStartYear, @Valid @RequestBody Deadline body) {
        access.requireOrganiserOf(unitId);
        String id = SetCongressSeasonDeadlineCommand.idOf(unitId, termStartYear);
        commands.sendAndWait(new SetCongressSeasonDeadlineCommand(id, unitId, termStartYear, body.congressBy(), body.recognitionBy(), body.decision()));
        return sync.answer(TermProjection.PROCESSING_GROUP, List.of(id),
                URI.create("/api/units/" + unitId + "/congress-season?term=" + termStartYear),
                () -> ResponseEntity.ok(season(unitId, termStartYear, null)));
    }

    // ---- reads ------------------------------------------------------------------------------------------

    @GetMapping("/api/terms/{leadershipId}")
    public LeadershipView leadership(@PathVariable String leadershipId) {
        LeadershipView l = view(leadershipId);
        access.requireReaderOf(l.unitId());
        return l;
    }

    @GetMapping("/api/units/{unitId}/terms")
    public UnitTerms terms(@PathVariable String unitId) {
        access.requireReaderOf(unitId);
        return queries.query(new TermQueries.TermsOfUnit(unitId), UnitTerms.class).join();
    }

    /** who held which office on a calendar date (Asia/Ho_Chi_Minh); today by default. */
    @GetMapping("/api/units/{unitId}/office-holders")
    public OfficeHolders holders(@PathVariable String unitId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        access.requireReaderOf(unitId);
        return queries.query(new TermQueries.OfficeHoldersOn(unitId, on == null ? LocalDate.now(clock) : on), OfficeHolders.class).join();
    }

    /** One person's offices across units and terms, limited to the units the caller may read. */
    @GetMapping("/api/people/{personId}/offices")
    public PersonOffices personOffices(@PathVariable String personId) {
        PersonOffices all = queries.query(new TermQueries.OfficesOfPerson(personId), PersonOffices.class).join();
        Map<String, Boolean> readable = new HashMap<>();
        var visible = all.holdings().stream().filter(h -> readable.computeIfAbsent(h.unitId(), access::mayRead)).toList();
        if (!all.holdings().isEmpty() && visible.isEmpty()) throw new vn.daihoi.account.AccessDenied();
        if (all.holdings().isEmpty()) {
            access.requireReaderOfAnyUnit();
            boolean known = queries.query(new vn.daihoi.person.PersonQueries.PersonById(personId),
                    ResponseTypes.optionalInstanceOf(vn.daihoi.person.PersonQueries.PersonView.class))
                    .join().isPresent();
            if (!known) {
                throw RuleViolation.notFound("unknown-person", "personId");
            }
            // ADR 0013: without an office to show, the name is shown only to a reader of a unit the person is found in.
            if (!access.mayReachPerson(personId, vn.daihoi.account.Role.ORGANISER, vn.daihoi.account.Role.AUDITOR)) {
                throw new vn.daihoi.account.AccessDenied();
            }
        }
        return new PersonOffices(all.personId(), all.fullName(), all.erased(), visible);
    }

    @GetMapping("/api/terms/{leadershipId}/dossier")
    public RecognitionDossier.Dossier dossier(@PathVariable String leadershipId) {
        LeadershipView l = view(leadershipId);
        access.requireReaderOf(l.unitId());
        return dossiers.of(l);
    }

    @GetMapping("/api/terms/{leadershipId}/dossier.pdf")
    public ResponseEntity<byte[]> dossierPdf(@PathVariable String leadershipId) {
        LeadershipView l = view(leadershipId);
        access.requireReaderOf(l.unitId());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"ho-so-cong-nhan-" + leadershipId + ".pdf\"")
                .body(dossiers.pdf(dossiers.of(l)));
    }

    public record SeasonUnit(String unitId, String unitCode, String unitName, String unitKind, String congressId,
                             CongressStatus congressStatus, boolean held, String leadershipId, LeadershipStatus leadershipStatus,
                             boolean recognised, LocalDate recognisedOn, boolean imported, boolean overdue, List<String> overdueReasons) {}

    public record SeasonView(String federationUnitId, Term term, LocalDate asOf, SeasonDeadline deadline, List<SeasonUnit> units,
                             int held, int recognised, int overdue) {}

    /**
     * The congress season of a term under a federation. Held: the unit's congress for the term is closed, or the
     * term was imported. Recognised: its leadership for the term was recognised (or imported). Overdue: a deadline
     * the federation set has passed (the deadline day itself still counts as in time) without a held congress
     * ({@code CONGRESS}) or without recognition ({@code RECOGNITION}).
     */
    @GetMapping("/api/units/{unitId}/congress-season")
    public SeasonView season(@PathVariable String unitId, @RequestParam int term,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireReaderOf(unitId);
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        CongressQueries.Season season = queries.query(new CongressQueries.CongressesUnder(unitId, term, day), CongressQueries.Season.class).join();
        List<CongressQueries.UnitCongress> under = season.units().stream().filter(u -> !u.unitId().equals(unitId)).toList();
        List<LeadershipSummary> leaderships = queries.query(new TermQueries.LeadershipsForTerm(
                under.stream().map(CongressQueries.UnitCongress::unitId).toList(), term),
                ResponseTypes.multipleInstancesOf(LeadershipSummary.class)).join();
        Map<String, LeadershipSummary> byUnit = new HashMap<>();
        leaderships.forEach(l -> byUnit.put(l.unitId(), l));
        Optional<SeasonDeadline> deadline = queries.query(new TermQueries.SeasonDeadlineOf(unitId, term),
                ResponseTypes.optionalInstanceOf(SeasonDeadline.class)).join();
        List<SeasonUnit> units = new ArrayList<>();
        int held = 0, recognised = 0, overdue = 0;
        for (CongressQueries.UnitCongress u : under) {
            LeadershipSummary l = byUnit.get(u.unitId());
            CongressStatus status = u.congress() == null ? null : u.congress().status();
            boolean isHeld = status == CongressStatus.CLOSED || l != null && l.imported();
            boolean isRecognised = l != null && (l.status() == LeadershipStatus.RECOGNISED || l.status() == LeadershipStatus.IMPORTED);
            List<String> reasons = new ArrayList<>();
            if (deadline.isPresent()) {
                if (!isHeld && day.isAfter(deadline.get().congressBy())) reasons.add("CONGRESS");
                LocalDate by = deadline.get().recognitionBy();
                if (!isRecognised && by != null && day.isAfter(by)) reasons.add("RECOGNITION");
            }
            if (isHeld) held++;
            if (isRecognised) recognised++;
            if (!reasons.isEmpty()) overdue++;
            units.add(new SeasonUnit(u.unitId(), u.unitCode(), u.unitName(), u.unitKind(), u.congress() == null ? null : u.congress().congressId(),
                    status, isHeld, l == null ? null : l.leadershipId(), l == null ? null : l.status(), isRecognised,
                    l == null ? null : l.recognisedOn(), l != null && l.imported(), !reasons.isEmpty(), reasons));
        }
        return new SeasonView(unitId, new Term(term, term + 5), day, deadline.orElse(null), units, held, recognised, overdue);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /**
     * R-50, ADR 0029: the unit on whose behalf the caller gives {@code consent} — the nearest unit above the
     * leadership's that he organises (its parent for an administrator), never a unit named in the body. A caller who
     * organises no unit above — the unit's own organiser — is refused (403) before any command; the leadership then
     * refuses a unit that is not the one directly above on the day. No consent, no consenting unit.
     */
    private String consentingUnit(String unitId, Decision consent) {
        return consent == null ? null : access.organiserUnitAbove(unitId);
    }

    private LeadershipView view(String leadershipId) {
        return queries.query(new TermQueries.LeadershipOf(leadershipId), ResponseTypes.optionalInstanceOf(LeadershipView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("unknown-term", "leadershipId"));
    }

    private List<String> unitLeaderships(String unitId, String... more) {
        List<String> ids = new ArrayList<>(List.of(more));
        queries.query(new TermQueries.TermsOfUnit(unitId), UnitTerms.class).join().terms().forEach(t -> ids.add(t.leadershipId()));
        return ids;
    }

    /** ADR 0027: the term once the terms' read model has the write; 202 with its location when late. */
    private CompletableFuture<ResponseEntity<LeadershipView>> synced(String leadershipId, List<String> touched, boolean created) {
        URI location = URI.create("/api/terms/" + leadershipId);
        return sync.answer(TermProjection.PROCESSING_GROUP, touched, location,
                () -> (created ? ResponseEntity.created(location) : ResponseEntity.ok()).body(view(leadershipId)));
    }
}
