package vn.daihoi.election.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import vn.daihoi.election.AddLateVoterCommand;
import vn.daihoi.election.IssuePaperBallotCommand;
import vn.daihoi.election.PublishedBallot;
import vn.daihoi.election.RecordPaperAccountingCommand;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundCounted;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.daihoi.election.rules.Refusals.only;
import static vn.daihoi.election.rules.Scenario.C;
import static vn.daihoi.election.rules.Scenario.E;

/**
 * R-23, given / when / expect: no record links a voter to the content of a ballot — not an event, and not the order
 * of one. A whole round, electronic and paper, late voter included, is run through the aggregate; then every event of
 * its stream is read as it will be stored. The in-memory box hands back its ballots and voters in the order they were
 * cast, so the order the events keep is the aggregate's own.
 */
class R23NoBallotInEventsTest {

    private static final Set<String> VOTERS = Set.of("d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09");
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    private Scenario s;
    private List<Object> closing;

    private void aWholeRound() {
        s = new Scenario(vn.daihoi.congress.RuleProfiles.UNION_DEFAULT, 2, 9, 8).candidates(3);
        List<Object> given = new ArrayList<>(s.roundOneOpen("c1", "c2", "c3"));
        given.add(new IssuePaperBallotCommand(E, 1, "d07"));
        given.add(new IssuePaperBallotCommand(E, 1, "d08"));
        given.addAll(s.paperBallot(1, 1, "c2"));
        given.addAll(s.paperBallot(1, 2, "c1", "c3"));
        given.add(new RecordPaperAccountingCommand(E, 1, 0, null));
        var history = s.fixture.givenCommands(given);
        s.assemblies.present(C, "d09", true);
        history = history.andGivenCommands(new AddLateVoterCommand(E, 1, "d09", "QĐ-ĐCT-07"));
        // Cast in an order that is neither the voters' order nor the contents' order.
        s.box.vote(E, 1, "d06", "c3");
        s.box.vote(E, 1, "d02", "c1");
        s.box.vote(E, 1, "d09", "c2", "c3");
        s.box.vote(E, 1, "d01", "c1", "c2");
        s.box.vote(E, 1, "d04", "c1");
        closing = Scenario.applied(history.when(s.close(1)));
    }

    private List<JsonNode> stream() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Iterator<? extends DomainEventMessage<?>> events = s.fixture.getEventStore().readEvents(E).asStream().iterator();
        while (events.hasNext()) out.add(json.valueToTree(events.next().getPayload()));
        return out;
    }

    private static Set<String> voters(JsonNode event) {
        Set<String> found = new TreeSet<>();
        event.findValues("delegateId").forEach(v -> found.add(v.asText()));
        for (String field : List.of("voterDelegateIds", "participantDelegateIds")) {
            event.findValues(field).forEach(list -> list.forEach(v -> found.add(v.asText())));
        }
        // Any other field that happens to hold a voter's id.
        event.findParents("electionId").forEach(p -> p.fields().forEachRemaining(f -> {
            if (f.getValue().isTextual() && VOTERS.contains(f.getValue().asText())) found.add(f.getValue().asText());
        }));
        return found;
    }

    private static boolean carriesContent(JsonNode event) {
        for (JsonNode kept : event.findValues("keptCandidateIds")) if (kept.size() > 0) return true;
        for (JsonNode ratings : event.findValues("ratings")) if (!ratings.isNull() && ratings.size() > 0) return true;
        return false;
    }

    @Test
    void noEventOfTheRoundNamesAVoterAndCarriesABallotsContent() throws Exception {
        aWholeRound();
        List<JsonNode> events = stream();
        assertThat(events).hasSizeGreaterThan(10);
        int withVoters = 0;
        int withContent = 0;
        for (JsonNode e : events) {
            boolean names = !voters(e).isEmpty();
            boolean content = carriesContent(e);
            if (names) withVoters++;
            if (content) withContent++;
            assertThat(names && content).as("an event names a voter and carries a ballot: %s", e).isFalse();
        }
        // The check looked at something: voters are named (roll, paper issued, late voter, participants) and ballots published.
        assertThat(withVoters).isGreaterThanOrEqualTo(4);
        assertThat(withContent).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theBallotsArePublishedInTheOrderOfTheirContentNotTheOrderTheyWereCast() {
        aWholeRound();
        List<PublishedBallot> ballots = only(closing, RoundCounted.class).ballots();
        assertThat(ballots).extracting(PublishedBallot::keptCandidateIds).containsExactly(
                List.of("c1"), List.of("c1"), List.of("c1", "c2"), List.of("c1", "c3"), List.of("c2"), List.of("c2", "c3"), List.of("c3"));
        assertThat(ballots).isSortedAccordingTo(PublishedBallot.CONTENT_ORDER);
    }

    @Test
    void theParticipantsAreRecordedInTheOrderOfTheirIdsNotTheOrderTheyVoted() {
        aWholeRound();
        assertThat(only(closing, RoundClosed.class).participantDelegateIds()).containsExactly("d01", "d02", "d04", "d06", "d09");
    }

    @Test
    void aPaperEntryNamesTheCountingMemberNeverTheVoter() throws Exception {
        aWholeRound();
        for (JsonNode e : stream()) {
            if (e.has("sheet")) {
                assertThat(voters(e)).isEmpty();
                assertThat(e.path("enteredBy").asText()).startsWith("acc-p-kp");
            }
        }
    }
}
