package vn.daihoi.organisation;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.organisation.UnitQueries.ChildrenAsOf;
import vn.daihoi.organisation.UnitQueries.History;
import vn.daihoi.organisation.UnitQueries.HistoryOf;
import vn.daihoi.organisation.UnitQueries.TreeAsOf;
import vn.daihoi.organisation.UnitQueries.TreeNode;
import vn.daihoi.organisation.UnitQueries.UnitAsOf;
import vn.daihoi.organisation.UnitQueries.UnitByCode;
import vn.daihoi.organisation.UnitQueries.UnitView;
import vn.daihoi.organisation.UnitQueries.UnitWithAncestors;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The organisation registry over HTTP. Dates are calendar dates in Vietnam; today by default. */
@RestController
@RequestMapping("/api/units")
public class UnitController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSync sync;
    private final Clock clock;
    private final Access access;

    public UnitController(CommandGateway commands, QueryGateway queries, ProjectionSync sync, Clock clock, Access access) {
        this.commands = commands;
        this.queries = queries;
        this.sync = sync;
        this.clock = clock;
        this.access = access;
    }

    // ---- commands -----------------------------------------------------------------------------------

    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping
    public CompletableFuture<ResponseEntity<UnitWithAncestors>> register(@Valid @RequestBody UnitRequests.Register body) {
        String unitId = body.unitId() == null || body.unitId().isBlank() ? UUID.randomUUID().toString() : body.unitId();
        String parent = parentId(body.parentUnitId(), body.parentCode(), body.effectiveOn(), "parentCode");
        if (parent == null) access.requireAdmin(); else requireOrganiserOfKnown(parent, "parentUnitId");
        commands.sendAndWait(new RegisterUnitCommand(unitId, body.code(), body.name(), body.kind(), parent,
                body.effectiveOn(), body.decision().toDecision()));
        URI location = URI.create("/api/units/" + unitId);
        return sync.answer(UnitProjection.PROCESSING_GROUP, List.of(unitId), location,
                () -> ResponseEntity.created(location).body(unitAsOf(unitId, body.effectiveOn())));
    }

    @PostMapping("/{unitId}/rename")
    public CompletableFuture<ResponseEntity<UnitWithAncestors>> rename(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Rename body) {
        requireKnown(unitId);
        access.requireOrganiserAbove(unitId);
        commands.sendAndWait(new RenameUnitCommand(unitId, body.name(), body.effectiveOn(), body.decision().toDecision()));
        return sync.answer(UnitProjection.PROCESSING_GROUP, List.of(unitId), URI.create("/api/units/" + unitId),
                () -> ResponseEntity.ok(unitAsOf(unitId, body.effectiveOn())));
    }

    @PostMapping("/{unitId}/move")
    public CompletableFuture<ResponseEntity<UnitWithAncestors>> move(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Move body) {
        String parent = parentId(body.newParentUnitId(), body.newParentCode(), body.effectiveOn(), "newParentCode");
        if (parent == null) {
            throw RuleViolation.invalid("missing-field", null, "newParentUnitId").variant("new-parent");
        }
        requireKnown(unitId);
        access.requireOrganiserAbove(unitId);
        requireOrganiserOfKnown(parent, "newParentUnitId");
        commands.sendAndWait(new MoveUnitCommand(unitId, parent, body.effectiveOn(), body.decision().toDecision()));
        return sync.answer(UnitProjection.PROCESSING_GROUP, List.of(unitId), URI.create("/api/units/" + unitId),
                () -> ResponseEntity.ok(unitAsOf(unitId, body.effectiveOn())));
    }

    @PostMapping("/{unitId}/dissolve")
    public CompletableFuture<ResponseEntity<UnitWithAncestors>> dissolve(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Dissolve body) {
        requireKnown(unitId);
        access.requireOrganiserAbove(unitId);
        commands.sendAndWait(new DissolveUnitCommand(unitId, body.effectiveOn(), body.decision().toDecision()));
        return sync.answer(UnitProjection.PROCESSING_GROUP, List.of(unitId), URI.create("/api/units/" + unitId),
                () -> ResponseEntity.ok(unitAsOf(unitId, body.effectiveOn())));
    }

    @ApiResponse(responseCode = "200", description = "Sáp nhập vào đơn vị có sẵn · merged into an existing unit")
    @ApiResponse(responseCode = "201", description = "Sáp nhập thành đơn vị mới · merged into a new unit")
    @PostMapping("/merge")
    public CompletableFuture<ResponseEntity<UnitWithAncestors>> merge(@Valid @RequestBody UnitRequests.Merge body) {
        body.sourceUnitIds().forEach(access::requireOrganiserAbove);
        if (body.intoUnitId() != null) access.requireOrganiserAbove(body.intoUnitId());
        if (body.newUnit() != null) {
            if (body.newUnit().parentUnitId() == null) access.requireAdmin();
            else requireOrganiserOfKnown(body.newUnit().parentUnitId(), "newUnit.parentUnitId");
        }
        NewUnit newUnit = body.newUnit() == null ? null : newUnit(body.newUnit());
        String target = commands.sendAndWait(new MergeUnitsCommand(body.sourceUnitIds(), body.intoUnitId(), newUnit,
                body.effectiveOn(), body.decision().toDecision()));
        List<String> touched = new ArrayList<>(body.sourceUnitIds());
        touched.add(target);
        URI location = URI.create("/api/units/" + target);
        return sync.answer(UnitProjection.PROCESSING_GROUP, touched, location,
                () -> ResponseEntity.status(newUnit == null ? HttpStatus.OK : HttpStatus.CREATED)
                        .location(location).body(unitAsOf(target, body.effectiveOn())));
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping("/{unitId}/split")
    public CompletableFuture<ResponseEntity<List<UnitWithAncestors>>> split(@PathVariable String unitId, @Valid @RequestBody UnitRequests.Split body) {
        requireKnown(unitId);
        access.requireOrganiserAbove(unitId);
        // ADR 0013: a new unit is placed only under a unit the caller organises (by default the source's parent).
        for (int i = 0; i < body.into().size(); i++) {
            String parent = body.into().get(i).parentUnitId();
            if (parent != null && !parent.isBlank()) requireOrganiserOfKnown(parent, "into[" + i + "].parentUnitId");
        }
        List<NewUnit> into = body.into().stream().map(UnitController::newUnit).toList();
        List<String> created = commands.sendAndWait(new SplitUnitCommand(unitId, into, body.sourceContinues(),
                body.effectiveOn(), body.decision().toDecision()));
        List<String> touched = new ArrayList<>(created);
        touched.add(unitId);
        into.forEach(n -> touched.addAll(n.takesChildUnitIds()));
        // Late: the source's own page, whose history lists what it was split into.
        return sync.answer(UnitProjection.PROCESSING_GROUP, touched, URI.create("/api/units/" + unitId),
                () -> ResponseEntity.status(HttpStatus.CREATED)
                        .body(created.stream().map(id -> unitAsOf(id, body.effectiveOn())).toList()));
    }

    private static NewUnit newUnit(UnitRequests.NewUnitBody b) {
        String id = b.unitId() == null || b.unitId().isBlank() ? UUID.randomUUID().toString() : b.unitId();
        return new NewUnit(id, b.code(), b.name(), b.kind(), b.parentUnitId(), b.takesChildUnitIds());
    }

    private String parentId(String parentUnitId, String parentCode, LocalDate day, String field) {
        if (parentUnitId != null && !parentUnitId.isBlank()) return parentUnitId;
        if (parentCode == null || parentCode.isBlank()) return null;
        return byCode(parentCode, day).orElseThrow(() -> RuleViolation.invalid("unknown-parent-unit", "R-01", field, parentCode).variant("by-code"));
    }

    // ---- queries ------------------------------------------------------------------------------------

    /** The forest (or the subtree under {@code root}) as it stood on {@code asOf}. */
    @GetMapping
    public List<TreeNode> tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) String root) {
        if (root != null) {
            access.requireReaderOf(root);
            return queries.query(new TreeAsOf(day(asOf), root), ResponseTypes.multipleInstancesOf(TreeNode.class)).join();
        }
        if (access.caller().isAdmin()) {
            return queries.query(new TreeAsOf(day(asOf), null), ResponseTypes.multipleInstancesOf(TreeNode.class)).join();
        }
        // Everyone else sees the subtrees they were granted, each once.
        List<TreeNode> forest = new ArrayList<>();
        java.util.Set<String> roots = new java.util.LinkedHashSet<>(access.caller().scopes(vn.daihoi.account.Role.ORGANISER));
        roots.addAll(access.caller().scopes(vn.daihoi.account.Role.AUDITOR));
        for (String r : roots) {
            forest.addAll(queries.query(new TreeAsOf(day(asOf), r), ResponseTypes.multipleInstancesOf(TreeNode.class)).join());
        }
        return forest;
    }

    @GetMapping("/{unitId}")
    public UnitWithAncestors unit(@PathVariable String unitId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireReaderOf(unitId);
        return activeUnit(unitId, day(asOf));
    }

    @GetMapping("/by-code/{code}")
    public UnitWithAncestors unitByCode(@PathVariable String code,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        String id = byCode(code, day(asOf)).orElseThrow(() -> unknownUnit(code));
        access.requireReaderOf(id);
        return activeUnit(id, day(asOf));
    }

    @GetMapping("/{unitId}/children")
    public List<UnitView> children(@PathVariable String unitId,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        access.requireReaderOf(unitId);
        activeUnit(unitId, day(asOf));
        return queries.query(new ChildrenAsOf(unitId, day(asOf)), ResponseTypes.multipleInstancesOf(UnitView.class)).join();
    }

    @GetMapping("/{unitId}/history")
    public History history(@PathVariable String unitId) {
        access.requireReaderOf(unitId);
        return queries.query(new HistoryOf(unitId), ResponseTypes.optionalInstanceOf(History.class)).join()
                .orElseThrow(() -> unknownUnit(unitId));
    }

    private void requireKnown(String unitId) {
        if (!unitAsOf(unitId, LocalDate.now(clock)).known()) throw unknownUnit(unitId);
    }

    /** An unknown parent is the aggregate's to refuse (422, R-01); a known one must be the caller's. */
    private void requireOrganiserOfKnown(String unitId, String field) {
        if (unitAsOf(unitId, LocalDate.now(clock)).known()) access.requireOrganiserOf(unitId);
        else if (!access.caller().isAdmin() && access.caller().scopes(vn.daihoi.account.Role.ORGANISER).isEmpty()) {
            throw new vn.daihoi.account.AccessDenied();
        }
    }

    private UnitWithAncestors activeUnit(String unitId, LocalDate day) {
        UnitWithAncestors u = unitAsOf(unitId, day);
        if (!u.known()) throw unknownUnit(unitId);
        if (u.unit() == null) {
            throw u.endedOn() == null
                    ? RuleViolation.notFound("unit-not-active-on-date", "asOf", day, u.registeredOn())
                    : RuleViolation.notFound("unit-not-active-on-date", "asOf", day, u.registeredOn(), u.endedOn()).variant("ended");
        }
        return u;
    }

    private UnitWithAncestors unitAsOf(String unitId, LocalDate day) {
        return queries.query(new UnitAsOf(unitId, day), UnitWithAncestors.class).join();
    }

    private Optional<String> byCode(String code, LocalDate day) {
        return queries.query(new UnitByCode(code.strip(), day), ResponseTypes.optionalInstanceOf(String.class)).join();
    }

    private static RuleViolation unknownUnit(String ref) {
        return RuleViolation.notFound("unknown-unit", "unitId", ref).variant("named");
    }

    private LocalDate day(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(clock);
    }
}
