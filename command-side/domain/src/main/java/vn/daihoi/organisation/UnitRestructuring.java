package vn.daihoi.organisation;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import vn.daihoi.common.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Mergers and splits change several units in one transaction: the units that end, the units
 * that begin, and the children that follow them. Events of one command are only visible to the directory
 * once the command commits, so the checks here reason about the new units themselves.
 */
public class UnitRestructuring {

    private final Repository<UnitAggregate> units;
    private final UnitDirectory directory;

    public UnitRestructuring(Repository<UnitAggregate> units, UnitDirectory directory) {
        this.units = units;
        this.directory = directory;
    }

    @CommandHandler
    public String handle(MergeUnitsCommand cmd) throws Exception {
        UnitRules.requireDated(cmd.effectiveOn(), cmd.decision());
        LocalDate day = cmd.effectiveOn();
        UnitTreePolicy tree = new UnitTreePolicy(directory);
        if ((cmd.intoUnitId() == null) == (cmd.newUnit() == null)) {
            throw RuleViolation.invalid("merge-target-ambiguous", "R-02", "intoUnitId");
        }
        Set<String> sources = new LinkedHashSet<>(cmd.sourceUnitIds());
        int minimum = cmd.newUnit() == null ? 1 : 2;
        if (sources.size() < minimum || sources.size() != cmd.sourceUnitIds().size()) {
            throw RuleViolation.invalid("merge-sources-invalid", "R-02", "sourceUnitIds", minimum).variant("too-few");
        }
        List<UnitDirectory.Entry> sourceEntries = new ArrayList<>();
        for (String id : sources) sourceEntries.add(requireActive(id, day, "sourceUnitIds"));

        String targetId;
        UnitKind targetKind;
        String targetParent;
        if (cmd.newUnit() != null) {
            NewUnit spec = cmd.newUnit();
            checkNewUnit(spec, "newUnit", tree, day);
            targetId = spec.unitId();
            targetKind = spec.kind();
            targetParent = spec.parentUnitId();
        } else {
            UnitDirectory.Entry target = requireActive(cmd.intoUnitId(), day, "intoUnitId");
            if (sources.contains(target.unitId())) {
                throw RuleViolation.invalid("merge-sources-invalid", "R-02", "intoUnitId").variant("target-among-sources");
            }
            targetId = target.unitId();
            targetKind = target.kind();
            targetParent = target.unitId();
        }
        requireOutsideOf(sources, targetParent, day, cmd.newUnit() != null ? "newUnit.parentUnitId" : "intoUnitId");

        List<UnitDirectory.Entry> children = new ArrayList<>();
        for (String source : sources) {
            List<UnitDirectory.Entry> own = tree.childrenOn(source, day);
            tree.requireNoLaterChildren(source, day, own);
            children.addAll(own);
        }

        if (cmd.newUnit() != null) {
            units.newInstance(() -> new UnitAggregate(cmd.newUnit(), UnitOrigin.MERGER, List.copyOf(sources), day, cmd.decision()));
        } else {
            units.load(targetId).execute(t -> t.absorb(List.copyOf(sources), day, cmd.decision()));
        }
        for (String source : sources) {
            units.load(source).execute(s -> s.mergeInto(targetId, day, cmd.decision()));
        }
        for (UnitDirectory.Entry child : children) {
            units.load(child.unitId()).execute(c ->
                    c.placeUnder(targetId, targetKind, MoveReason.PARENT_MERGED, day, cmd.decision()));
        }
        return targetId;
    }

    @CommandHandler
    public List<String> handle(SplitUnitCommand cmd) throws Exception {
        UnitRules.requireDated(cmd.effectiveOn(), cmd.decision());
        LocalDate day = cmd.effectiveOn();
        UnitTreePolicy tree = new UnitTreePolicy(directory);
        UnitDirectory.Entry source = requireActive(cmd.sourceUnitId(), day, "sourceUnitId");
        int minimum = cmd.sourceContinues() ? 1 : 2;
        if (cmd.into().size() < minimum) {
            throw RuleViolation.invalid("split-targets-invalid", "R-02", "into", minimum).variant("too-few");
        }
        Set<String> codes = new HashSet<>();
        Set<String> ids = new HashSet<>();
        List<NewUnit> specs = new ArrayList<>();
        for (int i = 0; i < cmd.into().size(); i++) {
            NewUnit spec = cmd.into().get(i);
            String field = "into[" + i + "]";
            if (spec.parentUnitId() == null && source.parentOn(day) != null) {
                spec = new NewUnit(spec.unitId(), spec.code(), spec.name(), spec.kind(), source.parentOn(day),
                        spec.takesChildUnitIds());
            }
            checkNewUnit(spec, field, tree, day);
            if (!codes.add(spec.code().toUpperCase()) || !ids.add(spec.unitId())) {
                throw RuleViolation.invalid("split-targets-invalid", "R-01", field + ".code").variant("duplicates");
            }
            if (!cmd.sourceContinues()) requireOutsideOf(Set.of(source.unitId()), spec.parentUnitId(), day, field + ".parentUnitId");
            specs.add(spec);
        }

        List<UnitDirectory.Entry> children = tree.childrenOn(source.unitId(), day);
        Set<String> childIds = new HashSet<>();
        children.forEach(c -> childIds.add(c.unitId()));
        Set<String> assigned = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            for (String child : specs.get(i).takesChildUnitIds()) {
                if (!childIds.contains(child) || !assigned.add(child)) {
                    throw RuleViolation.invalid("split-children-invalid", "R-01", "into[" + i + "].takesChildUnitIds", child).variant("child");
                }
            }
        }
        if (!cmd.sourceContinues()) {
            if (!assigned.containsAll(childIds)) {
                throw RuleViolation.invalid("split-children-invalid", "R-01", "into").variant("unassigned");
            }
            tree.requireNoLaterChildren(source.unitId(), day, children);
        }

        List<String> newIds = specs.stream().map(NewUnit::unitId).toList();
        units.load(source.unitId()).execute(s -> s.splitInto(newIds, cmd.sourceContinues(), day, cmd.decision()));
        for (NewUnit spec : specs) {
            units.newInstance(() -> new UnitAggregate(spec, UnitOrigin.SPLIT, List.of(source.unitId()), day, cmd.decision()));
            for (String child : spec.takesChildUnitIds()) {
                units.load(child).execute(c ->
                        c.placeUnder(spec.unitId(), spec.kind(), MoveReason.PARENT_SPLIT, day, cmd.decision()));
            }
        }
        return newIds;
    }

    private UnitDirectory.Entry requireActive(String unitId, LocalDate day, String field) {
        UnitRules.requireId(unitId, field);
        UnitDirectory.Entry e = directory.find(unitId).orElseThrow(
                () -> RuleViolation.invalid("unknown-unit", "R-01", field, unitId).variant("named"));
        if (!e.activeOn(day) || e.endedOn() != null) {
            throw RuleViolation.conflict("unit-ended", "R-01", field, e.code(), day).variant("on-date");
        }
        return e;
    }

    private void checkNewUnit(NewUnit spec, String field, UnitTreePolicy tree, LocalDate day) {
        if (spec == null) {
            throw RuleViolation.invalid("missing-field", null, field).variant("new-unit");
        }
        UnitRules.requireId(spec.unitId(), field + ".unitId");
        UnitRules.requireCode(spec.code(), field + ".code");
        UnitRules.requireName(spec.name(), field + ".name");
        UnitRules.requireKind(spec.kind(), field + ".kind");
        if (directory.find(spec.unitId()).isPresent()) {
            throw RuleViolation.conflict("unit-id-taken", null, field + ".unitId");
        }
        tree.requireFreeCode(spec.code(), field + ".code");
        if (spec.parentUnitId() == null) {
            UnitAggregate.requireMayBeRoot(spec.kind());
        } else {
            tree.requireParent(spec.parentUnitId(), spec.kind(), day, field + ".parentUnitId");
        }
    }

    /** the unit that remains must not stand inside a unit that ends, or its children would loop back to it. */
    private void requireOutsideOf(Set<String> ending, String startId, LocalDate day, String field) {
        String cursor = startId;
        for (int depth = 0; cursor != null && depth < 64; depth++) {
            if (ending.contains(cursor)) {
                throw RuleViolation.conflict("unit-tree-cycle", "R-01", field).variant("restructured");
            }
            cursor = directory.find(cursor).map(e -> e.parentOn(day)).orElse(null);
        }
    }

}
