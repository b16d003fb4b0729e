package vn.daihoi.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The directory as fixture tests set it up: units with their parents over time. The JDBC one is tested through the API. */
class InMemoryUnitDirectory implements UnitDirectory {

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    InMemoryUnitDirectory unit(String id, UnitKind kind, LocalDate from, String parent) {
        entries.put(id, new Entry(id, id.toUpperCase(), kind, from, null, List.of(new ParentPeriod(from, parent))));
        return this;
    }

    InMemoryUnitDirectory moved(String id, LocalDate from, String parent) {
        Entry e = entries.get(id);
        List<ParentPeriod> parents = new ArrayList<>(e.parents());
        parents.add(new ParentPeriod(from, parent));
        entries.put(id, new Entry(id, e.code(), e.kind(), e.registeredOn(), e.endedOn(), parents));
        return this;
    }

    InMemoryUnitDirectory ended(String id, LocalDate on) {
        Entry e = entries.get(id);
        entries.put(id, new Entry(id, e.code(), e.kind(), e.registeredOn(), on, e.parents()));
        return this;
    }

    @Override
    public Optional<String> unitWithCode(String code) {
        return entries.values().stream().filter(e -> e.code().equalsIgnoreCase(code)).map(Entry::unitId).findFirst();
    }

    @Override
    public Optional<Entry> find(String unitId) {
        return Optional.ofNullable(entries.get(unitId));
    }

    @Override
    public List<Entry> everUnder(String parentUnitId) {
        return entries.values().stream()
                .filter(e -> e.parents().stream().anyMatch(p -> parentUnitId.equals(p.parentUnitId()))).toList();
    }
}
