package vn.daihoi.person;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.common.Text;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person, registered once. Personal data is sealed with the person's own key before it enters an
 * event; erasure destroys the key, so history stays whole and replayable while the data is gone (ADR 0005).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class PersonAggregate {

    @AggregateIdentifier
    private String personId;
    private boolean erased;

    protected PersonAggregate() {
        // for event sourcing
    }

    @CommandHandler
    public PersonAggregate(RegisterPersonCommand cmd, PersonalDataVault vault) {
        this(cmd.personId(), cmd.data(), vault);
    }

    /** Also used by imports, which register many people in one transaction. */
    public PersonAggregate(String personId, PersonalData data, PersonalDataVault vault) {
        requireValid(personId, data);
        apply(new PersonRegistered(personId, vault.seal(personId, data)));
    }

    @CommandHandler
    public void handle(CorrectPersonalDataCommand cmd, PersonalDataVault vault) {
        requireNotErased();
        requireValid(personId, cmd.data());
        apply(new PersonalDataCorrected(personId, vault.seal(personId, cmd.data())));
    }

    @CommandHandler
    public void handle(ErasePersonCommand cmd, PersonalDataVault vault) {
        requireNotErased();
        if (Text.isBlank(cmd.requestReference())) {
            throw RuleViolation.invalid("missing-field", "R-70", "requestReference").variant("erasure-request");
        }
        vault.destroyKey(personId);
        apply(new PersonErased(personId, Text.clean(cmd.requestReference())));
    }

    /** a person has a name; identity is the id, never the name, so equal names are fine. */
    public static void requireValid(String personId, PersonalData data) {
        if (Text.isBlank(personId)) {
            throw RuleViolation.invalid("missing-field", null, "personId").variant("person-id");
        }
        if (data == null || Text.isBlank(data.fullName())) {
            throw RuleViolation.invalid("missing-person-name", "R-70", "fullName");
        }
        if (data.fullName().length() > 200) {
            throw RuleViolation.invalid("person-name-too-long", "R-70", "fullName");
        }
    }

    private void requireNotErased() {
        if (erased) {
            throw RuleViolation.conflict("person-erased", "R-70", "personId");
        }
    }

    @EventSourcingHandler
    void on(PersonRegistered e) {
        personId = e.personId();
    }

    @EventSourcingHandler
    void on(PersonErased e) {
        erased = true;
    }
}
