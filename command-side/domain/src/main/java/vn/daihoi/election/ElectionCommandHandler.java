package vn.daihoi.election;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressAggregate;
import vn.daihoi.congress.CongressStatus;
import vn.daihoi.congress.DecisionSubject;
import vn.daihoi.person.PersonDirectory;

import java.util.List;

/**
 * The election commands that need the congress too — its profile, approved seats, decisions and the voters
 * present — loaded read-only in the same unit of work, and the casting of ballots, which goes to the ballot
 * box and not through the election aggregate (ADR 0008).
 */
public class ElectionCommandHandler {

    private final Repository<ElectionAggregate> elections;
    private final Repository<CongressAggregate> congresses;
    private final PersonDirectory persons;
    private final BallotBox box;
    private final LeadershipElectionPolicy policy;

    public ElectionCommandHandler(Repository<ElectionAggregate> elections, Repository<CongressAggregate> congresses,
                                  PersonDirectory persons, BallotBox box, ElectionDirectory directory) {
        this.elections = elections;
        this.congresses = congresses;
        this.persons = persons;
        this.box = box;
        this.policy = new LeadershipElectionPolicy(new ElectedPeople(elections, directory)::of);
    }

    @CommandHandler
    public String handle(OpenElectionCommand cmd) throws Exception {
        Aggregate<CongressAggregate> congress = congresses.load(cmd.congressId());
        CongressAggregate c = congress.invoke(x -> x);
        if (c.status() != CongressStatus.IN_SESSION) {
            throw RuleViolation.conflict("congress-not-in-session", "R-15", "congressId");
        }
        policy.checkOpening(cmd.body(), LeadershipElectionPolicy.Assembly.of(c, cmd.congressId()));
        // a chair is one seat; other bodies default to the committee size the congress approved.
        boolean single = cmd.body() == ElectedBody.CHAIR || cmd.body() == ElectedBody.INSPECTION_CHAIR;
        int given = cmd.seats() != null ? cmd.seats() : single ? 1 : c.seatsToFill();
        if (cmd.body() == ElectedBody.CONFIDENCE_VOTE) {
            // a confidence vote rates each listed official; its "seats" are the lines of the ballot.
            for (vn.daihoi.confidence.ListedOfficial o : cmd.officials()) {
                if (o != null && o.personId() != null && !persons.exists(o.personId())) {
                    throw RuleViolation.invalid("unknown-person", "R-60", "officials").variant("official");
                }
            }
            given = Math.max(1, cmd.officials().size());
        }
        int seats = given;
        elections.newInstance(() -> new ElectionAggregate(cmd, c.unitId(), c.profile(), seats));
        return cmd.electionId();
    }

    @CommandHandler
    public void handle(NominateCandidateCommand cmd) {
        ElectionAggregate e = elections.load(cmd.electionId()).invoke(x -> x);
        if (cmd.personId() == null || !persons.exists(cmd.personId())) {
            throw RuleViolation.invalid("unknown-person", "R-20", "personId").variant("nominee");
        }
        CongressAggregate at = congresses.load(e.congressId()).invoke(x -> x);
        policy.checkCandidate(e.facts().body(), LeadershipElectionPolicy.Assembly.of(at, e.congressId()), cmd.personId());
        if (cmd.source() == NominationSource.DELEGATE) {
            CongressAggregate c = at;
            if (cmd.nominatedByDelegateId() == null || !c.isOnRoll(cmd.nominatedByDelegateId())) {
                throw RuleViolation.invalid("nominator-not-a-delegate", "R-20", "nominatedByDelegateId");
            }
        }
        elections.load(cmd.electionId()).execute(x -> x.nominate(cmd));
    }

    @CommandHandler
    public void handle(ApproveCandidateListCommand cmd) {
        Aggregate<ElectionAggregate> election = elections.load(cmd.electionId());
        CongressAggregate c = congresses.load(election.invoke(ElectionAggregate::congressId)).invoke(x -> x);
        CongressAggregate.DecisionFacts list = c.decision(cmd.listDecisionId())
                .filter(d -> d.subject() == DecisionSubject.CANDIDATE_LIST && d.passed())
                .orElseThrow(() -> RuleViolation.invalid("list-decision-missing", "R-15", "listDecisionId"));
        boolean noSurplus = cmd.noSurplusDecisionId() != null && c.decision(cmd.noSurplusDecisionId())
                .filter(d -> d.subject() == DecisionSubject.LIST_WITHOUT_SURPLUS && d.passed()).isPresent();
        election.execute(e -> e.approveList(cmd, list.personIds(), noSurplus));
    }

    @CommandHandler
    public void handle(OpenRoundCommand cmd) {
        Aggregate<ElectionAggregate> election = elections.load(cmd.electionId());
        CongressAggregate c = congresses.load(election.invoke(ElectionAggregate::congressId)).invoke(x -> x);
        if (c.status() != CongressStatus.IN_SESSION) {
            throw RuleViolation.conflict("congress-not-in-session", "R-13", "electionId");
        }
        ElectionAggregate.Facts facts = election.invoke(ElectionAggregate::facts);
        LeadershipElectionPolicy.RoundRoll roll = policy.roundRoll(facts.body(),
                LeadershipElectionPolicy.Assembly.of(c, facts.congressId()), c);
        election.execute(e -> e.openRound(cmd, roll.voterDelegateIds(), roll.attendance(), c.countingCommittee(), box));
    }

    @CommandHandler
    public void handle(AddLateVoterCommand cmd) {
        Aggregate<ElectionAggregate> election = elections.load(cmd.electionId());
        ElectionAggregate.Facts facts = election.invoke(ElectionAggregate::facts);
        CongressAggregate c = congresses.load(facts.congressId()).invoke(x -> x);
        if (!policy.mayJoinRound(facts.body(), LeadershipElectionPolicy.Assembly.of(c, facts.congressId()), c, cmd.delegateId())) {
            throw RuleViolation.conflict("not-a-present-voter", "R-13", "delegateId");
        }
        election.execute(e -> e.addLateVoter(cmd, box));
    }

    /** the ballot goes straight into the box; the aggregate never sees it, so no event orders it. */
    @CommandHandler
    public CastBallotCommand.Receipt handle(CastBallotCommand cmd) {
        return box.cast(cmd);
    }
}
