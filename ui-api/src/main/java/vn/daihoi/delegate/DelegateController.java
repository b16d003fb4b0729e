package vn.daihoi.delegate;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Secrets;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries;
import vn.daihoi.delegate.DelegateQueries.Roll;
import vn.daihoi.delegate.DelegateQueries.RollEntry;
import vn.daihoi.delegate.DelegateQueries.RollOf;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.infra.edge.Note;
import vn.daihoi.infra.pdf.PdfDocumentBuilder;
import vn.daihoi.infra.pdf.Slip;
import vn.daihoi.person.PersonProjection;
import vn.daihoi.person.PersonalData;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The roll of a congress over HTTP. Voting codes are shown once, in the answer that issues
 * them (or on the slips PDF); the server keeps only their keyed hash.
 */
@RestController
@RequestMapping("/api/congresses/{congressId}")
public class DelegateController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSync sync;
    private final Access access;
    private final Secrets secrets;
    private final CongressProjection congresses;

    private final vn.daihoi.web.PublicAddress address;
    private final vn.daihoi.delegate.infra.JdbcVotingCredentials credentials;

    public DelegateController(CommandGateway commands, QueryGateway queries, ProjectionSync sync, Access access,
                              Secrets secrets, CongressProjection congresses, vn.daihoi.web.PublicAddress address,
                              vn.daihoi.delegate.infra.JdbcVotingCredentials credentials) {
        this.address = address;
        this.credentials = credentials;
        this.commands = commands;
        this.queries = queries;
        this.sync = sync;
        this.access = access;
        this.secrets = secrets;
        this.congresses = congresses;
    }

    public record PersonBody(@NotBlank @Line(max = Limits.PERSON_NAME) String fullName, LocalDate birthDate, @Line(max = Limits.WORD) String gender, @Line(max = Limits.PHONE) String phone,
                      @Line(max = Limits.EMAIL) String email) {}

    public record NewDelegate(@Line(max = Limits.ID) String personId, @Valid PersonBody person, @NotBlank @Line(max = Limits.CODE) String code, DelegateCategory category,
                       DelegateBasis basis, @Line(max = Limits.NAME) String position) {}

    public record Correction(boolean present, @NotBlank @Note(max = Limits.REASON) String reason) {}

    public record Replacement(@NotBlank @Line(max = Limits.ID) String alternateId, @NotBlank @Note(max = Limits.REASON) String reason) {}

    record Revocation(@Note(max = Limits.REASON) String reason) {}

    public record Slips(@NotEmpty @Size(max = Limits.IDS) List<@NotBlank @Line(max = Limits.ID) String> delegateIds) {}

    record CredentialsReport(@Size(max = Limits.IDS) @Valid List<RecordCredentialsReportCommand.Rejection> rejected,
                             @Note(max = Limits.NOTES) String notes) {}

    /** What a check-in or reissue answers: the code appears here once and nowhere else. */
    public record Attendance(String delegateId, boolean present, String votingCode, int summoned, int presentVoters, boolean quorumMet) {}

    public record ImportReport(int added, int alreadyOnRoll, List<DelegateCsv.Rejected> rejected, List<Integer> addedLines,
                        List<Integer> alreadyOnRollLines) {}

    @GetMapping("/delegates")
    public Roll roll(@PathVariable String congressId) {
        access.requireReaderOfCongress(congressId);
        return queries.query(new RollOf(congressId), Roll.class).join();
    }

    /** A voter reads his own line of the roll with his voting token (and nothing of anyone else's). */
    @GetMapping("/me")
    public RollEntry me(@PathVariable String congressId) {
        Caller voter = access.requireVoterOf(congressId);
        return entry(congressId, voter.delegateId());
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/delegates")
    public CompletableFuture<ResponseEntity<RollEntry>> add(@PathVariable String congressId, @Valid @RequestBody NewDelegate body) {
        access.requireOrganiserOfCongress(congressId);
        if ((body.personId() == null) == (body.person() == null)) {
            throw RuleViolation.invalid("person-ambiguous", "R-70", "personId");
        }
        if (body.personId() != null) access.requireOrganiserOfPerson(body.personId()); // ADR 0013
        String delegateId = delegateId(congressId, body.code());
        PersonalData newPerson = body.person() == null ? null : new PersonalData(body.person().fullName(),
                body.person().birthDate(), body.person().gender(), body.person().phone(), body.person().email());
        String personId = body.personId() != null ? body.personId() : UUID.randomUUID().toString();
        ImportDelegatesCommand.Result r = commands.sendAndWait(new ImportDelegatesCommand(congressId, List.of(
                new ImportDelegatesCommand.Row(1, delegateId, personId, newPerson, body.code(),
                        body.category() == null ? DelegateCategory.DELEGATE : body.category(), body.basis(), body.position()))));
        if (r.addedLines().isEmpty()) {
            throw RuleViolation.conflict("delegate-code-taken", "R-11", "code", body.code());
        }
        return sync.answer(after(congressId, personId), rollAt(congressId),
                () -> ResponseEntity.status(201).body(entry(congressId, delegateId)));
    }

    /**
     * a CSV roll. Unreadable rows are reported with line and reason; the rest are imported in one
     * transaction; rows whose code is already on the roll are counted, not added again.
     */
    @PostMapping(value = "/delegates/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public CompletableFuture<ResponseEntity<ImportReport>> importCsv(@PathVariable String congressId, @RequestBody byte[] csv,
                                  @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        access.requireOrganiserOfCongress(congressId);
        DelegateCsv.Parsed parsed = DelegateCsv.parse(csv, DelegateCsv.charsetOf(contentType));
        List<ImportDelegatesCommand.Row> rows = new ArrayList<>();
        for (DelegateCsv.Line l : parsed.lines()) {
            rows.add(new ImportDelegatesCommand.Row(l.line(), delegateId(congressId, l.code()),
                    l.personId() != null ? l.personId() : UUID.randomUUID().toString(), l.person(), l.code(), l.category(),
                    l.basis(), l.position()));
        }
        ImportDelegatesCommand.Result r = rows.isEmpty() ? new ImportDelegatesCommand.Result(List.of(), List.of())
                : commands.sendAndWait(new ImportDelegatesCommand(congressId, rows));
        ImportReport report = new ImportReport(r.addedLines().size(), r.alreadyOnRollLines().size(), parsed.rejected(), r.addedLines(),
                r.alreadyOnRollLines());
        // ADR 0027: the report is the command's (which lines were refused): kept whole when the roll is late, marked.
        return sync.then(after(congressId, rows.stream().filter(x -> r.addedLines().contains(x.line()))
                        .map(ImportDelegatesCommand.Row::personId).toArray(String[]::new)),
                f -> f.fold(() -> ResponseEntity.ok(report), () -> ProjectionSync.marked(ResponseEntity.ok(report))));
    }

    @PostMapping("/delegates/{delegateId}/check-in")
    public CompletableFuture<ResponseEntity<Attendance>> checkIn(@PathVariable String congressId, @PathVariable String delegateId) {
        access.requireOrganiserOfCongress(congressId);
        String code = secrets.newVotingCode();
        issuing(congressId, delegateId, code, c -> commands.sendAndWait(new CheckInDelegateCommand(congressId, delegateId, c)));
        // ADR 0027: the code is shown once. Late, the answer keeps it (a voter checked in holds a credential), marked.
        return sync.then(after(congressId), f -> {
            RollEntry e = entry(congressId, delegateId);
            return f.fold(() -> ResponseEntity.ok(attendance(congressId, e, e.hasCredential() && e.votes() ? code : null)),
                    () -> ProjectionSync.marked(ResponseEntity.ok(attendance(congressId, e, e.votes() ? code : null))));
        });
    }

    @PostMapping("/delegates/{delegateId}/check-out")
    public CompletableFuture<ResponseEntity<Attendance>> checkOut(@PathVariable String congressId, @PathVariable String delegateId) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new CheckOutDelegateCommand(congressId, delegateId));
        return sync.answer(after(congressId), rollAt(congressId),
                () -> ResponseEntity.ok(attendance(congressId, entry(congressId, delegateId), null)));
    }

    @PostMapping("/delegates/{delegateId}/attendance-correction")
    public CompletableFuture<ResponseEntity<Attendance>> correct(@PathVariable String congressId, @PathVariable String delegateId,
                                                               @Valid @RequestBody Correction body) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new CorrectAttendanceCommand(congressId, delegateId, body.present(), body.reason()));
        return sync.answer(after(congressId), rollAt(congressId),
                () -> ResponseEntity.ok(attendance(congressId, entry(congressId, delegateId), null)));
    }

    @PostMapping("/delegates/{delegateId}/replace")
    public CompletableFuture<ResponseEntity<RollEntry>> replace(@PathVariable String congressId, @PathVariable String delegateId, @Valid @RequestBody Replacement body) {
        access.requireOrganiserOfCongress(congressId);
        access.requireDelegatesOfCongress(congressId, java.util.Collections.singletonList(body.alternateId()));
        commands.sendAndWait(new ReplaceDelegateCommand(congressId, delegateId, body.alternateId(), body.reason()));
        return sync.answer(after(congressId), rollAt(congressId), () -> ResponseEntity.ok(entry(congressId, body.alternateId())));
    }

    /** A lost slip: the old code stops working, a new one is shown. */
    @PostMapping("/delegates/{delegateId}/credential")
    public CompletableFuture<ResponseEntity<Attendance>> reissue(@PathVariable String congressId, @PathVariable String delegateId) {
        access.requireOrganiserOfCongress(congressId);
        String code = secrets.newVotingCode();
        issuing(congressId, delegateId, code, c -> commands.sendAndWait(new ReissueVotingCredentialCommand(congressId, delegateId, c)));
        // ADR 0027: the new code is shown once: a late roll marks the answer, never withholds the code.
        return sync.then(after(congressId), f -> f.fold(
                () -> ResponseEntity.ok(attendance(congressId, entry(congressId, delegateId), code)),
                () -> ProjectionSync.marked(ResponseEntity.ok(attendance(congressId, entry(congressId, delegateId), code)))));
    }

    @PostMapping("/delegates/{delegateId}/credential/revoke")
    public CompletableFuture<ResponseEntity<RollEntry>> revoke(@PathVariable String congressId, @PathVariable String delegateId, @Valid @RequestBody(required = false) Revocation body) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new RevokeVotingCredentialCommand(congressId, delegateId, body == null ? null : body.reason()));
        return sync.answer(after(congressId), rollAt(congressId), () -> ResponseEntity.ok(entry(congressId, delegateId)));
    }

    /** Prints fresh slips for present voters: each listed delegate's credential is reissued, its code printed once. */
    @PostMapping("/credential-slips")
    public CompletableFuture<ResponseEntity<byte[]>> slips(@PathVariable String congressId, @Valid @RequestBody Slips body) {
        access.requireOrganiserOfCongress(congressId);
        access.requireDelegatesOfCongress(congressId, body.delegateIds()); // ADR 0013: before the first slip is reissued
        // Every listed delegate must be on the roll, a voter and checked in before the first slip is
        // reissued: a refusal writes nothing, and no slip already handed out stops working for nothing. The
        // congress aggregate checks each again when it reissues.
        Map<String, RollEntry> onRoll = new java.util.HashMap<>();
        queries.query(new RollOf(congressId), Roll.class).join().delegates().forEach(d -> onRoll.put(d.delegateId(), d));
        for (String delegateId : body.delegateIds()) {
            RollEntry e = onRoll.get(delegateId);
            if (e == null) throw RuleViolation.notFound("unknown-delegate", "delegateIds");
            if (!e.votes()) throw RuleViolation.conflict("not-a-voter", "R-11", "delegateIds");
            if (!e.present()) throw RuleViolation.conflict("not-checked-in", "R-13", "delegateIds");
        }
        CongressQueries.CongressSummary congress = congresses.summary(congressId).orElseThrow();
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String delegateId : body.delegateIds()) {
            String code = secrets.newVotingCode();
            issuing(congressId, delegateId, code, c -> commands.sendAndWait(new ReissueVotingCredentialCommand(congressId, delegateId, c)));
            codes.put(delegateId, code);
        }
        // The slips need nothing the reissue changed (names and roll codes); the wait is for whoever reads the roll next.
        CompletableFuture<ProjectionSync.Freshness> verdict = after(congressId);
        Map<String, RollEntry> roll = queries.query(new RollOf(congressId), Roll.class).join().delegates().stream()
                .collect(Collectors.toMap(RollEntry::delegateId, Function.identity()));
        String title = congress.title();
        // ADR 0022: the slip is headed by the union body that issues it.
        vn.daihoi.organisation.UnitQueries.UnitWithAncestors unit = queries.query(
                new vn.daihoi.organisation.UnitQueries.UnitAsOf(congress.unitId(), congress.date()),
                vn.daihoi.organisation.UnitQueries.UnitWithAncestors.class).join();
        String issuer = unit.unit() == null ? null : unit.unit().name();
        String voting = address.base() + "/vote";
        List<Slip> slips = codes.entrySet().stream().map(c -> {
            RollEntry e = roll.get(c.getKey());
            return new Slip("Thẻ biểu quyết điện tử — " + title, List.of(
                    vn.daihoi.person.PersonQueries.displayName(e.fullName()) + " — mã đại biểu " + e.code(),
                    "Quét mã QR bằng điện thoại, hoặc nhập mã dưới đây trên trang bỏ phiếu. Mã chỉ dùng được một lần, cho riêng đại biểu này.",
                    "Enter this code on the voting page, or scan the QR code; it works once, for this delegate only."), c.getValue(),
                    // The code travels in the fragment: a phone opening the address never sends it to a server or a log.
                    voting + "#code=" + c.getValue(), issuer);
        }).toList();
        byte[] pdf = new PdfDocumentBuilder("Thẻ biểu quyết — " + title).slips(slips).toBytes();
        ResponseEntity<byte[]> answer = ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"the-bieu-quyet.pdf\"").body(pdf);
        // ADR 0027: the codes are printed once: a late roll marks the sheet, never withholds it.
        return sync.then(verdict, f -> f.fold(() -> answer, () -> ProjectionSync.marked(answer)));
    }

    @PostMapping("/credentials-report")
    public CompletableFuture<ResponseEntity<CongressQueries.Dashboard>> credentialsReport(@PathVariable String congressId, @Valid @RequestBody CredentialsReport body) {
        access.requireOrganiserOfCongress(congressId);
        commands.sendAndWait(new RecordCredentialsReportCommand(congressId, body.rejected(), body.notes()));
        return sync.answer(after(congressId), URI.create("/api/congresses/" + congressId), () -> ResponseEntity.ok(dashboard(congressId)));
    }

    /** Deterministic per congress and roll code, so that an import repeated adds nothing. */
    public static String delegateId(String congressId, String code) {
        return DelegateIds.of(congressId, code);
    }

    /** ADR 0027: the roll's read model (and the people's, for people just registered) has the write, or the limit passed. */
    private CompletableFuture<ProjectionSync.Freshness> after(String congressId, String... personIds) {
        CompletableFuture<ProjectionSync.Freshness> roll = sync.after(CongressProjection.PROCESSING_GROUP, List.of(congressId));
        return personIds.length == 0 ? roll
                : roll.thenCombine(sync.after(PersonProjection.PROCESSING_GROUP, List.of(personIds)), ProjectionSync.Freshness::and);
    }

    private static URI rollAt(String congressId) {
        return URI.create("/api/congresses/" + congressId + "/delegates");
    }

    private RollEntry entry(String congressId, String delegateId) {
        return queries.query(new RollOf(congressId), Roll.class).join().delegates().stream()
                .filter(d -> d.delegateId().equals(delegateId)).findFirst()
                .orElseThrow(() -> RuleViolation.notFound("unknown-delegate", "delegateId"));
    }

    private CongressQueries.Dashboard dashboard(String congressId) {
        return queries.query(new CongressQueries.DashboardOf(congressId),
                org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf(CongressQueries.Dashboard.class)).join().orElseThrow();
    }

    private Attendance attendance(String congressId, RollEntry e, String code) {
        CongressQueries.Dashboard d = dashboard(congressId);
        return new Attendance(e.delegateId(), e.present(), code, d.summoned(), d.present(), d.quorumMet());
    }

    /**
     * Sends a command that issues a new credential for a one-time code: only its hash is kept (ADR 0006), in a row
     * prepared in the command's own transaction and made redeemable by its issue event (issue 13: no command handler
     * writes to the database; a refused command leaves no row).
     */
    private void issuing(String congressId, String delegateId, String code, java.util.function.Function<IssuedCredential, Object> command) {
        IssuedCredential c = new IssuedCredential(UUID.randomUUID().toString(), secrets.hashVotingCode(code));
        credentials.issuing(c, congressId, delegateId, () -> command.apply(c));
    }
}
