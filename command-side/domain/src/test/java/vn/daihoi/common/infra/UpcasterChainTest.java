package vn.daihoi.common.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import vn.daihoi.congress.CongressConvened;
import vn.daihoi.congress.CongressKind;
import vn.daihoi.congress.RuleProfiles;
import vn.daihoi.congress.Term;
import vn.daihoi.congress.infra.CongressConvenedUpcaster;
import vn.daihoi.delegate.DelegateBasis;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.delegate.DelegateSummoned;
import vn.daihoi.delegate.infra.DelegateSummonedUpcaster;
import vn.daihoi.election.BallotAccounting;
import vn.daihoi.election.RoundClosed;
import vn.daihoi.election.RoundOpened;
import vn.daihoi.election.infra.RoundTimesUpcasters;
import vn.daihoi.congress.Attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13: the upcaster chain, one test per revision step. Each feeds the chain an event as the release before the
 * step stored it (the current shape's JSON without the fields the step added, at the old revision) and reads it
 * back as the current record: at the new revision, the added fields null, every other field as stored.
 */
class UpcasterChainTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(MAPPER).build();
    private final RoundTimesUpcasters rounds = new RoundTimesUpcasters();
    private final EventUpcasterChain chain = new EventUpcasterChain(new CongressConvenedUpcaster(), new DelegateSummonedUpcaster(),
            rounds.roundOpenedUpcaster(), rounds.roundClosedUpcaster());

    @Test
    void congressConvenedRevision1BecomesACongressWithNoPurposeElectingCongressOrConvener() throws Exception {
        CongressConvened now = new CongressConvened("c1", "u1", 10, new Term(2023, 2028), CongressKind.DELEGATE, false, null,
                LocalDate.of(2023, 5, 20), "Hội trường", 5, RuleProfiles.UNION_DEFAULT, null, null, null, null, null);
        CongressConvened read = roundTrip(now, "1", "2", "purpose", "ofCongressId", "convenerPersonId");
        assertThat(read).isEqualTo(now);
    }

    @Test
    void delegateSummonedRevision1WasSentByNoElection() throws Exception {
        DelegateSummoned now = new DelegateSummoned("c1", "d1", "p1", "DB01", DelegateCategory.DELEGATE, DelegateBasis.ELECTED,
                "Chủ tịch", null);
        assertThat(roundTrip(now, "1", "2", "fromElectionId")).isEqualTo(now);
    }

    @Test
    void roundOpenedRevision1HasNoBusinessTime() throws Exception {
        RoundOpened now = new RoundOpened("e1", 1, List.of("k1", "k2"), 1, List.of("d1", "d2"), new Attendance(2, 2, true), null, null);
        assertThat(roundTrip(now, "1", "2", "openedAt")).isEqualTo(now);
    }

    @Test
    void roundClosedRevision1HasNoBusinessTime() throws Exception {
        RoundClosed now = new RoundClosed("e1", 1, List.of("d1"), 1, 0, new BallotAccounting(2, 1, 0, 1, 0, 0, 2, 1), null);
        assertThat(roundTrip(now, "1", "2", "closedAt")).isEqualTo(now);
    }

    @Test
    void anEventAtTheCurrentRevisionPassesUntouched() throws Exception {
        RoundOpened now = new RoundOpened("e1", 1, List.of("k1"), 1, List.of("d1"), new Attendance(1, 1, true), "QĐ 1",
                Instant.parse("2023-05-20T02:00:00Z"));
        ObjectNode stored = MAPPER.valueToTree(now);
        IntermediateEventRepresentation out = upcast(RoundOpened.class.getName(), "2", stored);
        assertThat(out.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(out.getData(byte[].class))).isEqualTo(now);
    }

    /** Stores {@code now} as revision {@code from} without {@code added}, runs the chain, and reads the result. */
    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T now, String from, String to, String... added) throws Exception {
        ObjectNode stored = MAPPER.valueToTree(now);
        for (String f : added) {
            assertThat(stored.has(f)).as("the current shape has %s", f).isTrue();
            stored.remove(f);
        }
        IntermediateEventRepresentation out = upcast(now.getClass().getName(), from, stored);
        assertThat(out.getType().getName()).isEqualTo(now.getClass().getName());
        assertThat(out.getType().getRevision()).isEqualTo(to);
        ObjectNode data = (ObjectNode) MAPPER.readTree((byte[]) out.getData(byte[].class).getData());
        for (String f : added) assertThat(data.get(f).isNull()).as(f).isTrue();
        return (T) serializer.deserialize(out.getData(byte[].class));
    }

    private IntermediateEventRepresentation upcast(String type, String revision, ObjectNode payload) throws Exception {
        SerializedObject<byte[]> bytes = new SimpleSerializedObject<>(MAPPER.writeValueAsBytes(payload), byte[].class,
                new SimpleSerializedType(type, revision));
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Aggregate", "a1", 0, "ev1", Instant.EPOCH,
                type, revision, bytes.getData(), MAPPER.writeValueAsBytes(MAPPER.createObjectNode()));
        List<IntermediateEventRepresentation> out = chain.upcast(java.util.stream.Stream.of(new InitialEventRepresentation(entry, serializer))).toList();
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
