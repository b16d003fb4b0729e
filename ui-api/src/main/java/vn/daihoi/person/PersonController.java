package vn.daihoi.person;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.account.Access;
import vn.daihoi.account.AccessDenied;
import vn.daihoi.account.Caller;
import vn.daihoi.account.Role;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.infra.ProjectionSync;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import vn.daihoi.person.PersonQueries.PersonById;
import vn.daihoi.person.PersonQueries.PersonView;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The person registry. Organisers register people, and read and correct those found in their units (on a
 * roll, a list, an office, or registered by them: ADR 0013); only administrators erase, on a lawful request.
 */
@RestController
@RequestMapping("/api/people")
public class PersonController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProjectionSync sync;
    private final Access access;

    public PersonController(CommandGateway commands, QueryGateway queries, ProjectionSync sync, Access access) {
        this.commands = commands;
        this.queries = queries;
        this.sync = sync;
        this.access = access;
    }

    public record PersonBody(@NotBlank @Line(max = Limits.PERSON_NAME) String fullName, LocalDate birthDate, @Line(max = Limits.WORD) String gender, @Line(max = Limits.PHONE) String phone,
                      @Line(max = Limits.EMAIL) String email) {
        PersonalData toData() {
            return new PersonalData(fullName, birthDate, gender, phone, email);
        }
    }

    record Erase(@NotBlank @Line(max = Limits.REFERENCE) String requestReference) {}

    private void requireOrganiser() {
        Caller c = access.caller();
        if (!c.isAdmin() && c.scopes(Role.ORGANISER).isEmpty()) throw new AccessDenied();
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo · created")
    @PostMapping
    public CompletableFuture<ResponseEntity<PersonView>> register(@Valid @RequestBody PersonBody body) {
        requireOrganiser();
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterPersonCommand(id, body.toData()));
        access.recordRegistration(id);
        return synced(id, true);
    }

    @GetMapping("/{personId}")
    public PersonView person(@PathVariable String personId) {
        access.requireOrganiserOfPerson(personId); // R-70, ADR 0013: only over the units the person is found in
        return find(personId);
    }

    @PostMapping("/{personId}/correct")
    public CompletableFuture<ResponseEntity<PersonView>> correct(@PathVariable String personId, @Valid @RequestBody PersonBody body) {
        access.requireOrganiserOfPerson(personId);
        commands.sendAndWait(new CorrectPersonalDataCommand(personId, body.toData()));
        return synced(personId, false);
    }

    @PostMapping("/{personId}/erase")
    public CompletableFuture<ResponseEntity<PersonView>> erase(@PathVariable String personId, @Valid @RequestBody Erase body) {
        access.requireAdmin();
        commands.sendAndWait(new ErasePersonCommand(personId, body.requestReference()));
        return synced(personId, false);
    }

    /** ADR 0027: the person once the people's read model has the write; 202 with the location when late. */
    private CompletableFuture<ResponseEntity<PersonView>> synced(String personId, boolean created) {
        URI location = URI.create("/api/people/" + personId);
        return sync.answer(PersonProjection.PROCESSING_GROUP, List.of(personId), location,
                () -> (created ? ResponseEntity.created(location) : ResponseEntity.ok()).body(find(personId)));
    }

    private PersonView find(String personId) {
        return queries.query(new PersonById(personId), ResponseTypes.optionalInstanceOf(PersonView.class)).join()
                .orElseThrow(() -> RuleViolation.notFound("unknown-person", "personId"));
    }
}
