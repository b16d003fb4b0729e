package vn.daihoi.delegate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressAggregate;
import vn.daihoi.election.ElectedBody;
import vn.daihoi.election.ElectedPeople;
import vn.daihoi.election.ElectionAggregate;
import vn.daihoi.organisation.UnitDirectory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Rolls filled from elections, in one transaction each: the committee a congress elected summoned to its first
 * meeting, and the delegates and alternates a congress elected sent to the upper unit's congress (R-11,
 * A person already on the roll is left as he is, so doing it again adds nobody twice.
 */
public class ElectedRoll {

    private final Repository<CongressAggregate> congresses;
    private final ElectedPeople elected;
    private final UnitDirectory units;

    public ElectedRoll(Repository<CongressAggregate> congresses, ElectedPeople elected, UnitDirectory units) {
        this.congresses = congresses;
        this.elected = elected;
        this.units = units;
    }

    @CommandHandler
    public SummonElectedCommitteeCommand.Result handle(SummonElectedCommitteeCommand cmd) {
        Aggregate<CongressAggregate> meeting = load(cmd.meetingId(), "meetingId");
        CongressAggregate m = meeting.invoke(x -> x);
        if (!m.isFirstMeeting() || m.ofCongressId() == null) {
            throw RuleViolation.conflict("not-a-first-meeting", "R-41", "meetingId");
        }
        ElectedPeople.Body committee = elected.of(m.ofCongressId(), ElectedBody.EXECUTIVE_COMMITTEE);
        if (committee.isEmpty()) {
            throw RuleViolation.conflict("committee-not-elected", "R-41", "ofCongressId");
        }
        List<String> added = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (ElectedPeople.Member member : committee.members()) {
            String delegateId = summon(meeting, member.personId(), "BCH", DelegateCategory.DELEGATE,
                    DelegateBasis.MEMBER, "Ủy viên Ban Chấp hành", member.electionId());
            if (delegateId == null) present.add(member.personId());
            else added.add(delegateId);
        }
        return new SummonElectedCommitteeCommand.Result(committee.members().get(0).electionId(), added, present);
    }

    @CommandHandler
    public SendElectedDelegatesCommand.Result handle(SendElectedDelegatesCommand cmd) {
        ElectionAggregate.Facts election;
        try {
            election = elected.facts(cmd.electionId());
        } catch (AggregateNotFoundException e) {
            throw RuleViolation.notFound("unknown-election", "electionId");
        }
        if (election.body() != ElectedBody.UPPER_CONGRESS_DELEGATES && election.body() != ElectedBody.UPPER_CONGRESS_ALTERNATES) {
            throw RuleViolation.invalid("not-an-upper-delegates-election", "R-23", "electionId");
        }
        if (election.roundOpen()) {
            throw RuleViolation.conflict("round-open", "R-28", "electionId").variant("election");
        }
        if (election.electedPersonIds().isEmpty()) {
            throw RuleViolation.conflict("nobody-elected", "R-26", "electionId");
        }
        CongressAggregate electing = congresses.load(election.congressId()).invoke(x -> x);
        Aggregate<CongressAggregate> upper = load(cmd.upperCongressId(), "upperCongressId");
        CongressAggregate u = upper.invoke(x -> x);
        if (u.isMeeting()) {
            throw RuleViolation.conflict("upper-congress-is-a-meeting", "R-23", "upperCongressId");
        }
        String parent = units.find(election.unitId()).map(e -> e.parentOn(u.date())).orElse(null);
        if (!Objects.equals(parent, u.unitId())) {
            throw RuleViolation.conflict("upper-congress-not-of-parent-unit", "R-01", "upperCongressId");
        }
        if (!Objects.equals(electing.term(), u.term())) {
            throw RuleViolation.conflict("upper-congress-of-another-term", "R-02", "upperCongressId");
        }
        boolean official = election.body() == ElectedBody.UPPER_CONGRESS_DELEGATES;
        DelegateCategory category = official ? DelegateCategory.DELEGATE : DelegateCategory.ALTERNATE;
        List<String> added = new ArrayList<>();
        List<String> present = new ArrayList<>();
        for (String personId : election.electedPersonIds()) {
            String delegateId = summon(upper, personId, official ? "DB" : "DK", category, DelegateBasis.ELECTED, null,
                    election.electionId());
            if (delegateId == null) present.add(personId);
            else added.add(delegateId);
        }
        return new SendElectedDelegatesCommand.Result(election.electionId(), category, added, present);
    }

    /** Summons the person under a code of his own, or answers null when he is already on the roll. */
    private static String summon(Aggregate<CongressAggregate> congress, String personId, String prefix,
                                 DelegateCategory category, DelegateBasis basis, String position, String electionId) {
        if (congress.invoke(c -> c.hasPerson(personId))) return null;
        String base = prefix + "-" + shortId(personId);
        String code = base;
        for (int n = 2; taken(congress, code); n++) code = base + "-" + n;
        String chosen = code;
        String congressId = congress.identifierAsString();
        String delegateId = DelegateIds.of(congressId, chosen);
        congress.execute(c -> c.summon(delegateId, personId, chosen, category, basis, position, electionId));
        return delegateId;
    }

    private static boolean taken(Aggregate<CongressAggregate> congress, String code) {
        return congress.invoke(c -> c.hasCode(code));
    }

    private static String shortId(String personId) {
        String compact = personId.replace("-", "").toUpperCase(Locale.ROOT);
        return compact.length() <= 10 ? compact : compact.substring(0, 10);
    }

    private Aggregate<CongressAggregate> load(String congressId, String field) {
        try {
            if (congressId == null || congressId.isBlank()) throw new AggregateNotFoundException(String.valueOf(congressId), "blank");
            Aggregate<CongressAggregate> a = congresses.load(congressId);
            a.invoke(x -> x);
            return a;
        } catch (AggregateNotFoundException e) {
            throw RuleViolation.notFound("unknown-congress", field).variant("congress-or-meeting");
        }
    }
}
