package vn.daihoi.term;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import vn.daihoi.common.RuleViolation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A federation's deadlines for one term's congress season under it: set once, moved by a later decision. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CongressSeasonAggregate {

    @AggregateIdentifier
    private String seasonId;

    protected CongressSeasonAggregate() {
        // for event sourcing and creation on first use
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetCongressSeasonDeadlineCommand cmd) {
        if (cmd.congressBy() == null || cmd.termStartYear() < 1945 || cmd.decision() == null || cmd.decision().number() == null
                || cmd.decision().number().isBlank()) {
            throw RuleViolation.invalid("missing-field", "R-02", "congressBy").variant("season-deadline");
        }
        if (cmd.recognitionBy() != null && cmd.recognitionBy().isBefore(cmd.congressBy())) {
            throw RuleViolation.invalid("invalid-deadline", "R-03", "recognitionBy");
        }
        apply(new CongressSeasonDeadlineSet(cmd.seasonId(), cmd.federationUnitId(), cmd.termStartYear(), cmd.congressBy(),
                cmd.recognitionBy(), cmd.decision()));
    }

    @EventSourcingHandler
    void on(CongressSeasonDeadlineSet e) {
        seasonId = e.seasonId();
    }
}
