package vn.daihoi.person;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.daihoi.common.RuleViolation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** a person's data is sealed before it enters an event, and erased by destroying the key. */
class PersonAggregateTest {

    /** A vault whose "ciphertext" is recognisable, to show the event holds what the vault returned. */
    static final class RecordingVault implements PersonalDataVault {
        final Set<String> destroyed = new HashSet<>();

        @Override
        public SealedPersonalData seal(String personId, PersonalData data) {
            return new SealedPersonalData(1, new byte[12], ("sealed:" + personId).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Optional<PersonalData> open(String personId, SealedPersonalData sealed) {
            return Optional.empty();
        }

        @Override
        public void destroyKey(String personId) {
            destroyed.add(personId);
        }
    }

    private AggregateTestFixture<PersonAggregate> fixture;
    private RecordingVault vault;
    private final PersonalData data = new PersonalData("Trần Văn Minh (nhân vật hư cấu)", LocalDate.of(1980, 3, 2), "Nam", null, null);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PersonAggregate.class);
        vault = new RecordingVault();
        fixture.registerInjectableResource(vault);
    }

    @Test
    void registeringAPersonStoresOnlySealedData() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPersonCommand("p1", data))
                .expectEvents(new PersonRegistered("p1", vault.seal("p1", data)));
    }

    @Test
    void aPersonNeedsAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPersonCommand("p1", new PersonalData("  ", null, null, null, null)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void erasureDestroysTheKeyAndIsRecordedWithoutPersonalData() {
        fixture.given(new PersonRegistered("p1", vault.seal("p1", data)))
                .when(new ErasePersonCommand("p1", "YC-2026-014"))
                .expectEvents(new PersonErased("p1", "YC-2026-014"));
        assertThat(vault.destroyed).containsExactly("p1");
    }

    @Test
    void anErasedPersonsDataCannotBeCorrectedBackIn() {
        fixture.given(new PersonRegistered("p1", vault.seal("p1", data)), new PersonErased("p1", "YC-2026-014"))
                .when(new CorrectPersonalDataCommand("p1", data))
                .expectException(RuleViolation.class);
    }
}
