package vn.daihoi.congress;

import vn.daihoi.delegate.IssuedCredential;
import vn.daihoi.organisation.Decision;
import vn.daihoi.organisation.UnitDirectory;
import vn.daihoi.organisation.UnitKind;
import vn.daihoi.person.PersonDirectory;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test doubles for the ports a congress consults; the JDBC ones are proven through the API on PostgreSQL. */
final class CongressFixtures {
    private CongressFixtures() {}

    static final LocalDate DAY = LocalDate.of(2023, 5, 20);
    static final Decision DECISION = new Decision("15/QĐ-BCH", LocalDate.of(2023, 4, 1), "BCH Công đoàn cơ sở");

    static final class Units implements UnitDirectory {
        final Map<String, Entry> entries = new HashMap<>();

        Units() {
            add("prov", UnitKind.PROVINCIAL_FEDERATION, null);
            add("cdvc", UnitKind.UPPER_LEVEL_UNION, "prov");
            add("snv", UnitKind.BRANCH_UNION, "cdvc");
        }

        void add(String id, UnitKind kind, String parent) {
            entries.put(id, new Entry(id, id.toUpperCase(), kind, LocalDate.of(2010, 1, 1), null,
                    List.of(new ParentPeriod(LocalDate.of(2010, 1, 1), parent))));
        }

        @Override public Optional<String> unitWithCode(String code) { return Optional.empty(); }
        @Override public Optional<Entry> find(String unitId) { return Optional.ofNullable(entries.get(unitId)); }
        @Override public List<Entry> everUnder(String parentUnitId) { return List.of(); }
    }

    static final class Congresses implements CongressDirectory {
        final Map<String, String> open = new HashMap<>();
        final Set<String> ordinals = new HashSet<>();
        final Map<String, Known> known = new HashMap<>();

        @Override public Optional<String> openCongress(String unitId, int termStartYear) {
            return Optional.ofNullable(open.get(unitId + "/" + termStartYear));
        }
        @Override public boolean ordinalTaken(String unitId, int ordinal) { return ordinals.contains(unitId + "/" + ordinal); }
        @Override public Optional<Known> find(String congressId) { return Optional.ofNullable(known.get(congressId)); }
    }


    static final class Persons implements PersonDirectory {
        @Override public boolean exists(String personId) { return personId.startsWith("p"); }
    }

    static IssuedCredential credential(String id) {
        return new IssuedCredential(id, id.getBytes(StandardCharsets.UTF_8));
    }

    static ConveneCongressCommand convene(String id, int ordinal, Term term) {
        return new ConveneCongressCommand(id, "snv", ordinal, term, CongressKind.DELEGATE, true, "cdvc", DAY,
                "Hội trường Sở Nội vụ", 5, null, null, DECISION);
    }

    /** the first meeting of the committee congress {@code ofCongressId} elected, convened by person {@code convener}. */
    static ConveneCongressCommand firstMeeting(String id, String ofCongressId, String convener) {
        return new ConveneCongressCommand(id, "snv", 0, new Term(2023, 2028), CongressKind.COMMITTEE_MEETING, false, null,
                DAY.plusDays(1), "Phòng họp Sở Nội vụ", 0, null, null, null, MeetingPurpose.FIRST_MEETING, ofCongressId, convener);
    }

    static CongressConvened firstMeetingConvened(String id, String ofCongressId, String convener) {
        return new CongressConvened(id, "snv", 0, new Term(2023, 2028), CongressKind.COMMITTEE_MEETING, false, null,
                DAY.plusDays(1), "Phòng họp Sở Nội vụ", 0, RuleProfiles.UNION_DEFAULT, null, null,
                MeetingPurpose.FIRST_MEETING, ofCongressId, convener);
    }

    static CongressConvened convened(String id, CongressKind kind) {
        return new CongressConvened(id, "snv", 10, new Term(2023, 2028), kind, true, "cdvc", DAY,
                "Hội trường Sở Nội vụ", 5, RuleProfiles.UNION_DEFAULT, null, DECISION);
    }

    /** Elections as the election lookup would answer: nobody elected anywhere, unless told. */
    static final class Elections implements vn.daihoi.election.ElectedPeople {
        final java.util.Map<String, vn.daihoi.election.ElectedPeople.Body> bodies = new java.util.HashMap<>();
        final java.util.Map<String, vn.daihoi.election.ElectionFacts> facts = new java.util.HashMap<>();

        @Override
        public Body of(String congressId, vn.daihoi.election.ElectedBody body) {
            return bodies.getOrDefault(congressId + "/" + body, new Body(java.util.List.of(), false));
        }

        @Override
        public java.util.Optional<vn.daihoi.election.ElectionFacts> facts(String electionId) {
            return java.util.Optional.ofNullable(facts.get(electionId));
        }
    }
}
