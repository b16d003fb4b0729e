package vn.daihoi.audit;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Role;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.organisation.UnitQueries;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

/** The published federation keys, their management, and the verification of the record (ADR 0018). */
@RestController
public class AuditController {

    private final FederationKeys keys;
    private final RecordVerifier verifier;
    private final Access access;
    private final ProjectionSync sync;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final QueryGateway queries;
    private final Clock clock;
    private final ReadModelRecord readModel;

    public AuditController(FederationKeys keys, RecordVerifier verifier, Access access, ProjectionSync sync, JdbcTemplate jdbc,
                           PlatformTransactionManager transactions, QueryGateway queries, Clock clock, ReadModelRecord readModel) {
        this.readModel = readModel;
        this.keys = keys;
        this.verifier = verifier;
        this.access = access;
        this.sync = sync;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.queries = queries;
        this.clock = clock;
    }

    /** One published key; {@code unitId} and {@code unitName} are null for the instance key (periodic checkpoints). */
    public record PublishedKey(String keyId, String unitId, String unitName, String algorithm, String publicKey, Instant createdAt,
                               Instant retiredAt) {}

    record NewKey(@Line(max = Limits.ID) String unitId) {}

    /** Public: anyone checking a signature needs the keys, and they reveal nothing. */
    @GetMapping("/api/federation-keys")
    public List<PublishedKey> published() {
        return keys.all().stream().map(this::published).toList();
    }

    /** Administrators: a new key for a federation (or, without unitId, the instance); the one in use is retired. */
    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/api/federation-keys")
    public ResponseEntity<PublishedKey> rotate(@Valid @RequestBody NewKey body) {
        access.requireAdmin();
        String unitId = body.unitId() == null || body.unitId().isBlank() ? null : body.unitId();
        if (unitId != null) {
            UnitQueries.UnitWithAncestors u = queries.query(new UnitQueries.UnitAsOf(unitId, LocalDate.now(clock)), UnitQueries.UnitWithAncestors.class).join();
            if (!u.known()) throw RuleViolation.notFound("unknown-unit", "unitId");
            if (u.unit() == null || u.unit().kind().level() > 1) {
                throw RuleViolation.invalid("not-a-federation", "R-01", "unitId");
            }
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(published(keys.rotate(unitId)));
    }

    /** Administrators and auditors: recompute the chains, the checkpoints and the published read models. */
    @PostMapping("/api/operations/verify")
    public CompletableFuture<ResponseEntity<RecordVerifier.Report>> verify() {
        Caller c = access.caller();
        if (!c.isAdmin() && c.scopes(Role.AUDITOR).isEmpty()) throw new AccessDenied();
        long head = sync.head();
        // ADR 0027: waits (without a request thread) for the elections' read model to reach the head; late, the report
        // itself says what was not compared, and the answer is marked.
        return sync.then(sync.afterHead("elections", Duration.ofSeconds(10)), freshness -> freshness.fold(
                () -> ResponseEntity.ok(snapshot.execute(s -> verifier.verify(head))),
                () -> {
                    RecordVerifier.Report report = snapshot.execute(s -> verifier.verify(-1));
                    // Not compared is not intact: say so rather than answer on what was checked.
                    List<RecordVerifier.Finding> findings = new java.util.ArrayList<>(report.findings());
                    findings.add(new RecordVerifier.Finding("read-models-behind", "elections",
                            "Dữ liệu đọc của các cuộc bầu cử chưa cập nhật kịp; chưa so được phiếu và kết quả đã công bố. Hãy kiểm tra lại sau.",
                            "The elections' read models are behind; published ballots and results were not compared. Verify again later."));
                    return ProjectionSync.marked(ResponseEntity.ok(
                            new RecordVerifier.Report(false, report.eventsChecked(), report.checkpointsChecked(), findings)));
                }));
    }

    private PublishedKey published(FederationKeys.PublicKeyRow k) {
        return new PublishedKey(k.keyId(), k.unitId(), k.unitId() == null ? null : readModel.unitName(k.unitId()), k.algorithm(),
                Base64.getEncoder().encodeToString(k.publicKey()), k.createdAt(), k.retiredAt());
    }
}
