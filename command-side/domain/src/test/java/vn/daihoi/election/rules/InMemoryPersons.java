package vn.daihoi.election.rules;

import vn.daihoi.person.PersonDirectory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The person directory held in memory: the ids a test registers, nothing else. */
public final class InMemoryPersons implements PersonDirectory {

    private final Set<String> registered = new HashSet<>();

    public InMemoryPersons register(String... personIds) {
        registered.addAll(List.of(personIds));
        return this;
    }

    @Override
    public boolean exists(String personId) {
        return registered.contains(personId);
    }
}
