package vn.daihoi.organisation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.daihoi.common.RuleViolation;

import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One union unit over its whole life. Its changes are dated by decision, not by the clock, and
 * are recorded in the order they take effect: a change may not take effect before the unit's latest one.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class UnitAggregate {

    @AggregateIdentifier
    private String unitId;
    private String name;
    private UnitKind kind;
    private String parentUnitId;
    private LocalDate lastChangeOn;
    private UnitStatus status;

    protected UnitAggregate() {
        // for event sourcing
    }

    @CommandHandler
    public UnitAggregate(RegisterUnitCommand cmd, UnitDirectory directory) {
        UnitRules.requireId(cmd.unitId(), "unitId");
        UnitRules.requireCode(cmd.code(), "code");
        UnitRules.requireName(cmd.name(), "name");
        UnitRules.requireKind(cmd.kind(), "kind");
        UnitRules.requireDated(cmd.effectiveOn(), cmd.decision());
        UnitTreePolicy tree = new UnitTreePolicy(directory);
        tree.requireFreeCode(cmd.code(), "code");
        if (cmd.parentUnitId() == null) {
            requireMayBeRoot(cmd.kind());
        } else {
            tree.requireParent(cmd.parentUnitId(), cmd.kind(), cmd.effectiveOn(), "parentUnitId");
        }
        apply(new UnitRegistered(cmd.unitId(), cmd.code(), cmd.name(), cmd.kind(), cmd.parentUnitId(),
                UnitOrigin.FOUNDED, List.of(), cmd.effectiveOn(), cmd.decision()));
    }

    /** A unit formed by a merger or a split; its checks were made by {@link UnitRestructuring}. */
    UnitAggregate(NewUnit spec, UnitOrigin origin, List<String> predecessors, LocalDate effectiveOn, Decision decision) {
        apply(new UnitRegistered(spec.unitId(), spec.code(), spec.name(), spec.kind(), spec.parentUnitId(),
                origin, predecessors, effectiveOn, decision));
    }

    static void requireMayBeRoot(UnitKind kind) {
        if (!kind.mayBeRoot()) {
            throw RuleViolation.invalid("missing-parent-unit", "R-01", "parentUnitId", kind);
        }
    }

    @CommandHandler
    public void handle(RenameUnitCommand cmd) {
        UnitRules.requireName(cmd.name(), "name");
        requireChangeable(cmd.effectiveOn(), cmd.decision());
        if (cmd.name().equals(name)) {
            throw RuleViolation.conflict("unit-name-unchanged", "R-01", "name");
        }
        apply(new UnitRenamed(unitId, name, cmd.name(), cmd.effectiveOn(), cmd.decision()));
    }

    @CommandHandler
    public void handle(MoveUnitCommand cmd, UnitDirectory directory) {
        UnitRules.requireId(cmd.newParentUnitId(), "newParentUnitId");
        requireChangeable(cmd.effectiveOn(), cmd.decision());
        UnitTreePolicy tree = new UnitTreePolicy(directory);
        if (!cmd.newParentUnitId().equals(unitId)) {
            // The cycle is named before the level: under a descendant, the level would be wrong too, but less telling.
            tree.requireNoCycle(unitId, cmd.newParentUnitId(), cmd.effectiveOn(), "newParentUnitId");
            UnitDirectory.Entry parent = tree.requireParent(cmd.newParentUnitId(), kind, cmd.effectiveOn(), "newParentUnitId");
            placeUnder(parent.unitId(), parent.kind(), MoveReason.DECISION, cmd.effectiveOn(), cmd.decision());
        } else {
            placeUnder(unitId, kind, MoveReason.DECISION, cmd.effectiveOn(), cmd.decision());
        }
    }

    /** The checks every change of parent shares; those that need other units were made by the caller. */
    void placeUnder(String newParent, UnitKind parentKind, MoveReason reason, LocalDate day, Decision decision) {
        requireChangeable(day, decision);
        if (newParent.equals(unitId)) {
            throw RuleViolation.conflict("unit-tree-cycle", "R-01", "newParentUnitId").variant("itself");
        }
        if (newParent.equals(parentUnitId)) {
            throw RuleViolation.conflict("unit-already-under-parent", "R-01", "newParentUnitId");
        }
        if (!kind.mayStandUnder(parentKind)) {
            throw RuleViolation.invalid("unit-level-mismatch", "R-01", "newParentUnitId", kind, parentKind, parentKind.withArticle());
        }
        apply(new UnitMoved(unitId, parentUnitId, newParent, reason, day, decision));
    }

    @CommandHandler
    public void handle(DissolveUnitCommand cmd, UnitDirectory directory) {
        requireChangeable(cmd.effectiveOn(), cmd.decision());
        new UnitTreePolicy(directory).requireNoLaterChildren(unitId, cmd.effectiveOn(), List.of());
        apply(new UnitDissolved(unitId, cmd.effectiveOn(), cmd.decision()));
    }

    void mergeInto(String intoUnitId, LocalDate day, Decision decision) {
        requireChangeable(day, decision);
        apply(new UnitMerged(unitId, intoUnitId, day, decision));
    }

    void absorb(List<String> mergedUnitIds, LocalDate day, Decision decision) {
        requireChangeable(day, decision);
        apply(new UnitsMergedIn(unitId, mergedUnitIds, day, decision));
    }

    void splitInto(List<String> intoUnitIds, boolean continues, LocalDate day, Decision decision) {
        requireChangeable(day, decision);
        apply(new UnitSplit(unitId, intoUnitIds, continues, day, decision));
    }

    /** An ended unit takes no change, and no change may take effect before the latest one recorded. */
    void requireChangeable(LocalDate day, Decision decision) {
        UnitRules.requireDated(day, decision);
        if (status != UnitStatus.ACTIVE) {
            throw RuleViolation.conflict("unit-ended", "R-01", "unitId", status.name().toLowerCase());
        }
        if (day.isBefore(lastChangeOn)) {
            throw RuleViolation.conflict("change-before-latest", "R-02", "effectiveOn", day, lastChangeOn);
        }
    }

    UnitKind kind() { return kind; }

    String parentUnitId() { return parentUnitId; }

    @EventSourcingHandler
    void on(UnitRegistered e) {
        unitId = e.unitId();
        name = e.name();
        kind = e.kind();
        parentUnitId = e.parentUnitId();
        lastChangeOn = e.effectiveOn();
        status = UnitStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(UnitRenamed e) {
        name = e.name();
        lastChangeOn = e.effectiveOn();
    }

    @EventSourcingHandler
    void on(UnitMoved e) {
        parentUnitId = e.toParentUnitId();
        lastChangeOn = e.effectiveOn();
    }

    @EventSourcingHandler
    void on(UnitsMergedIn e) {
        lastChangeOn = e.effectiveOn();
    }

    @EventSourcingHandler
    void on(UnitMerged e) {
        status = UnitStatus.MERGED;
        lastChangeOn = e.effectiveOn();
    }

    @EventSourcingHandler
    void on(UnitSplit e) {
        if (!e.continues()) status = UnitStatus.SPLIT;
        lastChangeOn = e.effectiveOn();
    }

    @EventSourcingHandler
    void on(UnitDissolved e) {
        status = UnitStatus.DISSOLVED;
        lastChangeOn = e.effectiveOn();
    }
}
