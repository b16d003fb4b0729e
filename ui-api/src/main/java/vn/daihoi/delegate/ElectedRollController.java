package vn.daihoi.delegate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.delegate.DelegateQueries.Roll;
import vn.daihoi.delegate.DelegateQueries.RollOf;
import vn.daihoi.election.ElectionAccess;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Rolls filled from elections (ADR 0009): the committee a congress elected, summoned to its first meeting,
 * and the delegates and alternates a lower unit's congress elected, sent to this congress. Both
 * write the roll of the congress in the path, so both belong to that congress's organisers.
 */
@RestController
@RequestMapping("/api/congresses/{congressId}/delegates")
public class ElectedRollController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSync sync;
    private final Access access;
    private final ElectionAccess elections;

    public ElectedRollController(CommandGateway commands, QueryGateway queries, ProjectionSync sync, Access access,
                                 ElectionAccess elections) {
        this.commands = commands;
        this.queries = queries;
        this.sync = sync;
        this.access = access;
        this.elections = elections;
    }

    public record FromElection(@NotBlank @Line(max = Limits.ID) String electionId) {}

    /** What was added, what was already there, and the roll as it now stands. */
    public record Report(String electionId, int added, int alreadyOnRoll, List<String> addedDelegateIds,
                  List<String> alreadyOnRollPersonIds, Roll roll) {}

    /** every member the convening congress elected to the executive committee, summoned as a voting member. */
    @PostMapping("/elected-committee")
    public CompletableFuture<ResponseEntity<Report>> summonCommittee(@PathVariable String congressId) {
        access.requireOrganiserOfCongress(congressId);
        SummonElectedCommitteeCommand.Result r = toRoll(() -> commands.sendAndWait(new SummonElectedCommitteeCommand(congressId)));
        return report(congressId, r.fromElectionId(), r.addedDelegateIds(), r.alreadyOnRollPersonIds());
    }

    /**
     * the people elected by a lower unit's counted election of delegates (or alternates) to this congress join
     * its roll. The caller organises this congress's unit (the upper level, which summons its own congress, R-11).
     */
    @PostMapping("/from-election")
    public CompletableFuture<ResponseEntity<Report>> fromElection(@PathVariable String congressId, @Valid @RequestBody FromElection body) {
        access.requireOrganiserOfCongress(congressId);
        // ADR 0013: the lower unit's election is under this congress's unit, so its organiser reaches it too.
        elections.requireOrganiser(body.electionId(), "electionId");
        SendElectedDelegatesCommand.Result r = toRoll(() -> commands.sendAndWait(new SendElectedDelegatesCommand(congressId, body.electionId())));
        return report(congressId, r.electionId(), r.addedDelegateIds(), r.alreadyOnRollPersonIds());
    }

    /** The roll's congress or meeting is the command's target: when there is none, say so in the domain's words. */
    private static <T> T toRoll(java.util.function.Supplier<T> send) {
        try {
            return send.get();
        } catch (org.axonframework.modelling.command.AggregateNotFoundException e) {
            throw vn.daihoi.common.RuleViolation.notFound("unknown-congress", "congressId").variant("congress-or-meeting");
        }
    }

    /** ADR 0027: the report with the roll once the roll's read model has the write; 202 with the roll's location when late. */
    private CompletableFuture<ResponseEntity<Report>> report(String congressId, String electionId, List<String> added, List<String> present) {
        return sync.answer(CongressProjection.PROCESSING_GROUP, List.of(congressId), URI.create("/api/congresses/" + congressId + "/delegates"),
                () -> ResponseEntity.ok(new Report(electionId, added.size(), present.size(), added, present,
                        queries.query(new RollOf(congressId), Roll.class).join())));
    }
}
