package vn.daihoi.election;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.infra.edge.Note;

import java.time.Clock;
import java.time.LocalDate;

/**
 * R-31 over HTTP: the paper ballots of a counted round stay sealed for the profile's months. The organisers of the
 * congress's unit record an opening decided by the presidium or the executive committee, and the destruction once
 * the seal has run out. The day of either is today in Vietnam (the application's clock), never a date of the request:
 * a client cannot destroy ballots "on" a later day.
 */
@RestController
public class PaperBallotSealController {

    private final CommandGateway commands;
    private final ElectionAccess rights;
    private final Clock clock;

    public PaperBallotSealController(CommandGateway commands, ElectionAccess rights, Clock clock) {
        this.commands = commands;
        this.rights = rights;
        this.clock = clock;
    }

    /**
     * @param authority who decided to open them: {@code PRESIDIUM} or {@code EXECUTIVE_COMMITTEE}; anything else, or
     *                  nothing, is refused by the election, so the refusal names the rule
     */
    public record SealOpening(@Line(max = Limits.WORD) String authority, @NotBlank @Line(max = Limits.REFERENCE) String decisionReference,
                              @NotBlank @Note(max = Limits.REASON) String reason) {}

    public record PaperDestruction(@NotBlank @Line(max = Limits.REFERENCE) String decisionReference) {}

    /** What was done to the round's paper ballots, on which day, and the day they stay sealed until. */
    public record PaperBallotsAnswer(String electionId, int round, String done, LocalDate on, String authority, LocalDate sealedUntil) {}

    @PostMapping("/api/elections/{electionId}/rounds/{round}/paper-ballots/openings")
    public PaperBallotsAnswer openSealed(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody SealOpening body) {
        rights.requireOrganiser(electionId);
        LocalDate today = LocalDate.now(clock);
        SealAuthority authority = SealAuthority.named(body.authority());
        LocalDate sealedUntil = commands.sendAndWait(new OpenSealedPaperBallotsCommand(electionId, round, authority,
                body.decisionReference(), body.reason(), today));
        return new PaperBallotsAnswer(electionId, round, "OPENED", today, authority.name(), sealedUntil);
    }

    @PostMapping("/api/elections/{electionId}/rounds/{round}/paper-ballots/destruction")
    public PaperBallotsAnswer destroy(@PathVariable String electionId, @PathVariable int round, @Valid @RequestBody PaperDestruction body) {
        rights.requireOrganiser(electionId);
        LocalDate today = LocalDate.now(clock);
        LocalDate sealedUntil = commands.sendAndWait(new DestroyPaperBallotsCommand(electionId, round, today, body.decisionReference()));
        return new PaperBallotsAnswer(electionId, round, "DESTROYED", today, null, sealedUntil);
    }
}
