package vn.daihoi.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import vn.daihoi.congress.Attendance;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundOpened;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0022: a round's business times travel in its events (revision 2), and a round stored before them (revision 1)
 * still reads, with no time of its own, so that the projection falls back to the event's stored timestamp.
 */
class RoundTimesInStoredEventsTest {

    private final ObjectMapper store = EventStoreConfiguration.storeMapper();

    @Test
    void aRoundOpenedAndClosedOnTheCongressDayKeepsItsTimesThroughTheStore() throws Exception {
        Instant opened = Instant.parse("2023-04-14T02:30:00Z");
        Instant closed = Instant.parse("2023-04-14T03:15:00Z");
        RoundOpened open = new RoundOpened("e1", 1, List.of("c1", "c2"), 1, List.of("d1"), new Attendance(1, 1, true), null, opened);
        RoundClosed close = new RoundClosed("e1", 1, List.of("d1"), 1, 0,
                new vn.daihoi.election.BallotAccounting(1, 1, 0, 0, 0, 0, 1, 1), closed);

        assertThat(store.readValue(store.writeValueAsString(open), RoundOpened.class).openedAt()).isEqualTo(opened);
        assertThat(store.readValue(store.writeValueAsString(close), RoundClosed.class).closedAt()).isEqualTo(closed);
    }

    @Test
    void aRoundStoredBeforeBusinessTimesStillReadsWithoutOne() throws Exception {
        String revision1 = "{\"electionId\":\"e1\",\"round\":1,\"candidateIds\":[\"c1\"],\"seats\":1,\"voterDelegateIds\":[\"d1\"],"
                + "\"attendance\":{\"summoned\":1,\"present\":1,\"quorumMet\":true},\"decisionReference\":null}";

        RoundOpened read = store.readValue(revision1, RoundOpened.class);

        assertThat(read.openedAt()).isNull();
        assertThat(read.candidateIds()).containsExactly("c1");
    }
}
