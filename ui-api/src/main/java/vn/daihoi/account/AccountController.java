package vn.daihoi.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;

import java.util.List;

/**
 * Accounts are created by administrators. An organiser may add counting-committee members to a congress of
 * his units, and organisers or auditors to units under his own (ADR 0013); nobody else creates or grants.
 */
@RestController
@RequestMapping("/api/accounts")
public class AccountController {

    private final Accounts accounts;
    private final Access access;

    public AccountController(Accounts accounts, Access access) {
        this.accounts = accounts;
        this.access = access;
    }

    record NewAccount(@NotBlank @Line(max = Limits.USERNAME) String username, @NotBlank @Line(max = Limits.PASSWORD_BYTES, maxBytes = Limits.PASSWORD_BYTES) String password,
                      @Line(max = Limits.ID) String personId, @Size(max = Limits.ITEMS) List<@NotNull @Valid GrantBody> grants) {}

    record GrantBody(@NotNull Role role, @Line(max = Limits.ID) String scopeId) {
        Grant toGrant() {
            return new Grant(role, scopeId == null ? "" : scopeId);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Accounts.AccountView create(@Valid @RequestBody NewAccount body) {
        List<Grant> grants = body.grants() == null ? List.of() : body.grants().stream().map(GrantBody::toGrant).toList();
        Caller caller = access.caller();
        if (!caller.isAdmin()) {
            // ADR 0013: only organisers create accounts, each with a grant they may give; voters, auditors and
            // counting members never do, and an account without a grant is an administrator's to create.
            if (caller.isVoter() || caller.scopes(Role.ORGANISER).isEmpty() || grants.isEmpty()) throw new AccessDenied();
            if (body.personId() != null && !body.personId().isBlank()) access.requireOrganiserOfPerson(body.personId());
        }
        grants.forEach(this::requireMayGrant);
        return accounts.create(access.caller().accountId(), body.username(), body.password(), body.personId(), grants, false);
    }

    @PostMapping("/{accountId}/grants")
    public Accounts.AccountView grant(@PathVariable String accountId, @Valid @RequestBody GrantBody body) {
        requireMayGrant(body.toGrant());
        accounts.find(accountId).orElseThrow(() -> vn.daihoi.common.RuleViolation.notFound("unknown-account", "accountId"));
        accounts.grant(access.caller().accountId(), accountId, body.toGrant());
        return accounts.find(accountId).orElseThrow();
    }

    @GetMapping
    public List<Accounts.AccountView> all() {
        access.requireAdmin();
        return accounts.all();
    }

    private void requireMayGrant(Grant g) {
        if (g.role() == Role.ADMIN || g.role() == Role.VOTER) {
            access.requireAdmin();
        } else if (g.role() == Role.COUNTING) {
            access.requireOrganiserOfCongress(g.scopeId());
        } else {
            access.requireOrganiserAbove(g.scopeId());
        }
    }
}
