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
            throw RuleViolation.invalid("missing-field", "R-70", "requestReference",
                    "Cần số hoặc mã của yêu cầu xoá dữ liệu hợp pháp.",
                    "The reference of the lawful erasure request is required.");
        }
        vault.destroyKey(personId);
        apply(new PersonErased(personId, Text.clean(cmd.requestReference())));
    }

    /** a person has a name; identity is the id, never the name, so equal names are fine. */
    public static void requireValid(String personId, PersonalData data) {
        if (Text.isBlank(personId)) {
            throw RuleViolation.invalid("missing-field", null, "personId", "Thiếu mã người.", "The person id is required.");
        }
        if (data == null || Text.isBlank(data.fullName())) {
            throw RuleViolation.invalid("missing-person-name", "R-70", "fullName",
                    "Họ và tên không được để trống.", "The full name must not be empty.");
        }
        if (data.fullName().length() > 200) {
            throw RuleViolation.invalid("person-name-too-long", "R-70", "fullName",
                    "Họ và tên dài quá 200 ký tự.", "The full name is longer than 200 characters.");
        }
    }

    private void requireNotErased() {
        if (erased) {
            throw RuleViolation.conflict("person-erased", "R-70", "personId",
                    "Dữ liệu cá nhân của người này đã bị xoá theo yêu cầu hợp pháp.",
                    "This person's personal data was erased on a lawful request.");
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
