package vn.daihoi.account;

import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.organisation.UnitQueries;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Authorisation by role and by unit: a grant on a unit covers the unit and everything under it (how an upper
 * level directs its branches' congresses, and how a federation audits its province). Lineage is read from the
 * unit tree as of today; a unit that has ended is placed where it last stood.
 */
@Component
public class Access {

    private final QueryGateway queries;
    private final CongressProjection congresses;
    private final Clock clock;
    private final DataScope people;

    public Access(QueryGateway queries, CongressProjection congresses, Clock clock, DataScope people) {
        this.queries = queries;
        this.congresses = congresses;
        this.clock = clock;
        this.people = people;
    }

    public Caller caller() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        if (a == null || !(a.getPrincipal() instanceof Caller c)) throw new AccessDenied();
        return c;
    }

    public void requireAdmin() {
        if (!caller().isAdmin()) throw new AccessDenied();
    }

    /** The unit itself and its ancestors, nearest first. */
    public List<String> lineage(String unitId) {
        LocalDate today = LocalDate.now(clock);
        UnitQueries.UnitWithAncestors u = queries.query(new UnitQueries.UnitAsOf(unitId, today), UnitQueries.UnitWithAncestors.class).join();
        if (!u.known()) {
            throw RuleViolation.notFound("unknown-unit", "unitId");
        }
        if (u.unit() == null) {
            LocalDate last = u.endedOn() != null ? u.endedOn().minusDays(1) : u.registeredOn();
            u = queries.query(new UnitQueries.UnitAsOf(unitId, last), UnitQueries.UnitWithAncestors.class).join();
        }
        List<String> ids = new ArrayList<>();
        ids.add(unitId);
        u.ancestors().forEach(a -> ids.add(a.unitId()));
        return ids;
    }

    private boolean holds(Caller c, List<String> units, Role... roles) {
        for (Role r : roles) for (String unit : units) if (c.has(r, unit)) return true;
        return false;
    }

    public void requireOrganiserOf(String unitId) {
        Caller c = caller();
        if (!c.isAdmin() && !holds(c, lineage(unitId), Role.ORGANISER)) throw new AccessDenied();
    }

    /** Structure is decided above: an organiser of a unit strictly above this one. */
    public void requireOrganiserAbove(String unitId) {
        Caller c = caller();
        if (c.isAdmin()) return;
        List<String> above = lineage(unitId);
        if (!holds(c, above.subList(1, above.size()), Role.ORGANISER)) throw new AccessDenied();
    }

    /**
     * the unit above on whose behalf the caller decides — the nearest ancestor he organises, or the parent
     * for an administrator; refused for anyone else (an organiser of the unit itself included).
     */
    public String organiserUnitAbove(String unitId) {
        Caller c = caller();
        List<String> above = lineage(unitId);
        above = above.subList(1, above.size());
        for (String unit : above) if (c.has(Role.ORGANISER, unit)) return unit;
        if (c.isAdmin()) return above.isEmpty() ? null : above.get(0);
        throw new AccessDenied();
    }

    /** Someone who reads some part of the tree: an administrator, an organiser or an auditor. */
    public void requireReaderOfAnyUnit() {
        Caller c = caller();
        if (!c.isAdmin() && c.scopes(Role.ORGANISER).isEmpty() && c.scopes(Role.AUDITOR).isEmpty()) throw new AccessDenied();
    }

    public void requireReaderOf(String unitId) {
        Caller c = caller();
        if (!c.isAdmin() && !holds(c, lineage(unitId), Role.ORGANISER, Role.AUDITOR)) throw new AccessDenied();
    }

    public boolean mayRead(String unitId) {
        Caller c = caller();
        return c.isAdmin() || holds(c, lineage(unitId), Role.ORGANISER, Role.AUDITOR);
    }

    public String unitOfCongress(String congressId) {
        return congresses.summary(congressId).map(s -> s.unitId()).orElseThrow(() -> RuleViolation.notFound("unknown-congress", "congressId"));
    }

    public void requireOrganiserOfCongress(String congressId) {
        requireOrganiserOf(unitOfCongress(congressId));
    }

    /** Organisers and auditors over the unit, and the congress's counting committee. */
    public void requireReaderOfCongress(String congressId) {
        Caller c = caller();
        String unit = unitOfCongress(congressId);
        if (c.isAdmin() || c.has(Role.COUNTING, congressId)) return;
        if (!holds(c, lineage(unit), Role.ORGANISER, Role.AUDITOR)) throw new AccessDenied();
    }

    /** A voter of this congress, by his own token. */
    public Caller requireVoterOf(String congressId) {
        Caller c = caller();
        if (!c.isVoter() || !c.congressId().equals(congressId)) throw new AccessDenied();
        return c;
    }

    // ---- people (ADR 0013) -------------------------------------------------------------------------

    /** The person is found in a unit (or under a unit) where the caller holds one of these roles. */
    public boolean mayReachPerson(String personId, Role... roles) {
        Caller c = caller();
        if (c.isAdmin()) return true;
        if (c.isVoter()) return false;
        for (String unit : people.unitsOf(personId)) {
            if (holds(c, List.of(unit), roles)) return true;
            List<String> line;
            try {
                line = lineage(unit);
            } catch (RuleViolation unknownUnit) {
                continue; // a registration under a grant whose unit was never registered
            }
            if (holds(c, line, roles)) return true;
        }
        return false;
    }

    /**
     * An organiser over the person: he reads and corrects the data, and may put the person on a roll, a
     * list or an office. An unknown id is left to the registry to refuse (404/422), for organisers only.
     */
    public void requireOrganiserOfPerson(String personId) {
        Caller c = caller();
        if (c.isAdmin()) return;
        if (c.isVoter() || c.scopes(Role.ORGANISER).isEmpty()) throw new AccessDenied();
        if (people.known(personId) && !mayReachPerson(personId, Role.ORGANISER)) throw new AccessDenied();
    }

    /** Every person id of a request body, as {@link #requireOrganiserOfPerson}; null entries are left to validation. */
    public void requireOrganiserOfPeople(java.util.Collection<String> personIds) {
        if (personIds == null) return;
        for (String id : personIds) if (id != null) requireOrganiserOfPerson(id);
    }

    /** who registered a person, so that his organiser finds him before any roll does. */
    public void recordRegistration(String personId) {
        Caller c = caller();
        if (!c.isAdmin()) people.registeredBy(personId, c.scopes(Role.ORGANISER));
    }

    /**
     * Delegates named in a request body must sit in the congress of the path: one of another congress's roll
     * is out of scope (403); an unknown id is left to the aggregate to refuse.
     */
    public void requireDelegatesOfCongress(String congressId, java.util.Collection<String> delegateIds) {
        if (delegateIds == null) return;
        for (String id : delegateIds) {
            if (id == null) continue;
            List<String> sits = people.congressesOfDelegate(id);
            if (!sits.isEmpty() && !sits.contains(congressId)) throw new AccessDenied();
        }
    }
}
