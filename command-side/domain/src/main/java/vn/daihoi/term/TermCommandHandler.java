package vn.daihoi.term;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;
import vn.daihoi.congress.Assemblies;
import vn.daihoi.congress.RuleProfile;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.election.ElectedPeople;
import vn.daihoi.election.ElectionFacts;
import vn.daihoi.organisation.Decision;
import vn.daihoi.organisation.UnitDirectory;
import vn.daihoi.organisation.UnitKind;
import vn.daihoi.person.PersonDirectory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The term commands that read what elections and congresses recorded — through the command-side lookups their own
 * events keep (ADR 0024), never by loading them — or change several leaderships at once: recognising one ends its predecessors' offices the same day
 * in the same unit of work.
 */
public class TermCommandHandler {

    private final Repository<LeadershipAggregate> leaderships;
    private final ElectedPeople elections;
    private final Assemblies congresses;
    private final TermDirectory directory;
    private final UnitDirectory units;
    private final PersonDirectory persons;

    public TermCommandHandler(Repository<LeadershipAggregate> leaderships, ElectedPeople elections,
                              Assemblies congresses, TermDirectory directory, UnitDirectory units,
                              PersonDirectory persons) {
        this.leaderships = leaderships;
        this.elections = elections;
        this.congresses = congresses;
        this.directory = directory;
        this.units = units;
        this.persons = persons;
    }

    @CommandHandler
    public String handle(SubmitForRecognitionCommand cmd) throws Exception {
        boolean branch = branchUnit(cmd.unitId());
        List<String> ids = cmd.electionIds() == null ? List.of() : cmd.electionIds();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw RuleViolation.invalid("election-given-twice", "R-03", "electionIds");
        }
        List<ElectionFacts> facts = new ArrayList<>();
        for (String id : ids) facts.add(election(id));
        Slate slate = Slate.of(cmd.unitId(), facts);
        TermDirectory.CongressEntry congress = directory.congress(slate.congressId()).orElseThrow(() ->
                RuleViolation.notFound("unknown-congress", "electionIds").variant("of-election"));
        if (cmd.term() == null || congress.termStartYear() != cmd.term().startYear() || congress.ordinal() != cmd.congressOrdinal()) {
            throw RuleViolation.conflict("term-does-not-match", "R-03", "term");
        }
        RuleProfile profile = congresses.find(slate.congressId()).map(Assemblies.Assembly::profile).orElseThrow(() ->
                RuleViolation.notFound("unknown-congress", "electionIds").variant("of-election"));
        var existing = directory.leadershipFor(cmd.unitId(), cmd.term().startYear());
        if (existing.isPresent()) {
            leaderships.load(existing.get()).execute(l -> l.resubmit(cmd, slate, branch, profile));
            return existing.get();
        }
        requireId(cmd.leadershipId());
        leaderships.newInstance(() -> new LeadershipAggregate(cmd, slate, branch, profile));
        return cmd.leadershipId();
    }

    @CommandHandler
    public void handle(RecogniseLeadershipCommand cmd) {
        Aggregate<LeadershipAggregate> l = leaderships.load(cmd.leadershipId());
        l.execute(x -> x.recognise(cmd));
        LeadershipAggregate recognised = l.invoke(x -> x);
        endPredecessors(recognised.unitId(), cmd.leadershipId(), recognised.term().startYear(), cmd.recognisedOn(), cmd.decision());
    }

    @CommandHandler
    public String handle(ImportTermCommand cmd) throws Exception {
        requireId(cmd.leadershipId());
        boolean branch = branchUnit(cmd.unitId());
        if (cmd.term() == null) {
            throw RuleViolation.invalid("missing-field", "R-02", "term").variant("term");
        }
        if (directory.leadershipFor(cmd.unitId(), cmd.term().startYear()).isPresent()) {
            throw RuleViolation.conflict("term-exists", "R-02", "term", cmd.term().label());
        }
        requirePersons(cmd.holdings() == null ? List.of() : cmd.holdings().stream().map(h -> h == null ? null : h.personId()).toList());
        LocalDate successor = directory.ofUnit(cmd.unitId()).stream()
                .filter(e -> e.termStartYear() > cmd.term().startYear() && e.startedOn() != null)
                .map(TermDirectory.Entry::startedOn).min(LocalDate::compareTo).orElse(null);
        leaderships.newInstance(() -> new LeadershipAggregate(cmd, branch, RuleProfiles.UNION_DEFAULT, successor));
        if (successor == null && cmd.recognisedOn() != null) {
            endPredecessors(cmd.unitId(), cmd.leadershipId(), cmd.term().startYear(), cmd.recognisedOn(), cmd.recognition());
        }
        return cmd.leadershipId();
    }

    @CommandHandler
    public String handle(AppointProvisionalCommitteeCommand cmd) throws Exception {
        requireId(cmd.leadershipId());
        boolean branch = branchUnit(cmd.unitId());
        requirePersons(cmd.members() == null ? List.of() : cmd.members().stream().map(m -> m == null ? null : m.personId()).toList());
        leaderships.newInstance(() -> new LeadershipAggregate(cmd, branch, RuleProfiles.UNION_DEFAULT));
        // the provisional committee takes over from whoever led the unit until then.
        endPredecessors(cmd.unitId(), cmd.leadershipId(), cmd.term().startYear(), cmd.appointedOn(), cmd.decision());
        return cmd.leadershipId();
    }

    @CommandHandler
    public void handle(FillVacancyByElectionCommand cmd) {
        ElectionFacts facts = election(cmd.electionId());
        leaderships.load(cmd.leadershipId()).execute(l -> l.fillByElection(cmd, facts, units));
    }

    /** every earlier leadership of the unit (imported or not, provisional too) ends its open offices on {@code day}. */
    private void endPredecessors(String unitId, String leadershipId, int termStart, LocalDate day, Decision decision) {
        for (TermDirectory.Entry e : directory.ofUnit(unitId)) {
            if (e.leadershipId().equals(leadershipId) || e.termStartYear() > termStart) continue;
            leaderships.load(e.leadershipId()).execute(p -> p.succeededOn(day, decision, leadershipId));
        }
    }

    private ElectionFacts election(String electionId) {
        if (Text.isBlank(electionId)) {
            throw RuleViolation.invalid("missing-field", "R-03", "electionIds").variant("election-id");
        }
        return elections.facts(electionId)
                .orElseThrow(() -> RuleViolation.notFound("unknown-election", "electionIds", electionId).variant("named"));
    }

    private boolean branchUnit(String unitId) {
        UnitKind kind = units.find(unitId == null ? "" : unitId).map(UnitDirectory.Entry::kind).orElseThrow(() ->
                RuleViolation.notFound("unknown-unit", "unitId"));
        // a branch union and the sections under it use the branch share.
        return kind.level() >= UnitKind.BRANCH_UNION.level();
    }

    private void requirePersons(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id != null && seen.add(id) && !persons.exists(id)) {
                throw RuleViolation.invalid("unknown-person", "R-70", "personId").variant("office-holder");
            }
        }
    }

    private static void requireId(String id) {
        if (Text.isBlank(id)) throw new IllegalArgumentException("an id is required");
    }
}
