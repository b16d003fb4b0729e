package vn.daihoi.term;

import vn.daihoi.organisation.UnitDirectory;
import vn.daihoi.organisation.UnitKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The unit directory as the term fixtures need it: which unit stood above which, from which day. */
public final class UnitsAbove implements UnitDirectory {

    private final Map<String, List<ParentPeriod>> parents = new LinkedHashMap<>();

    /** {@code unitId} stands under {@code parentUnitId} from {@code from} on (a root when the parent is null). */
    public UnitsAbove under(String unitId, String parentUnitId, LocalDate from) {
        parents.computeIfAbsent(unitId, k -> new ArrayList<>()).add(new ParentPeriod(from, parentUnitId));
        return this;
    }

    /** Forgets where the unit stood, to lay out its history anew. */
    public UnitsAbove forget(String unitId) {
        parents.remove(unitId);
        return this;
    }

    @Override
    public Optional<String> unitWithCode(String code) {
        return Optional.empty();
    }

    @Override
    public Optional<Entry> find(String unitId) {
        List<ParentPeriod> p = parents.get(unitId);
        if (p == null) return Optional.empty();
        return Optional.of(new Entry(unitId, unitId.toUpperCase(), UnitKind.BRANCH_UNION, LocalDate.of(2000, 1, 1), null, p));
    }

    @Override
    public List<Entry> everUnder(String parentUnitId) {
        return parents.keySet().stream().map(this::find).flatMap(Optional::stream)
                .filter(e -> e.parents().stream().anyMatch(p -> parentUnitId.equals(p.parentUnitId()))).toList();
    }
}
