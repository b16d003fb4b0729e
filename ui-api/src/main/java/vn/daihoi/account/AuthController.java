package vn.daihoi.account;

import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.delegate.infra.JdbcVotingCredentials;

import java.time.Instant;
import java.util.List;

/** Signing in: accounts by password, voters by the one-time code on their slip. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final Accounts accounts;
    private final Tokens tokens;
    private final Secrets secrets;
    private final JdbcVotingCredentials credentials;
    private final Access access;

    public AuthController(Accounts accounts, Tokens tokens, Secrets secrets, JdbcVotingCredentials credentials, Access access) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.secrets = secrets;
        this.credentials = credentials;
        this.access = access;
    }

    record Login(@NotBlank @Line(max = Limits.USERNAME) String username,
                 @NotBlank @Line(max = Limits.PASSWORD_BYTES, maxBytes = Limits.PASSWORD_BYTES) String password) {}

    record VotingCode(@NotBlank @Line(max = Limits.SECRET) String code) {}

    record Session(String token, Instant expiresAt, String accountId, String congressId, String delegateId, List<Grant> grants) {}

    @PostMapping("/login")
    public Session login(@Valid @RequestBody Login body) {
        String accountId = accounts.authenticate(body.username(), body.password()).orElseThrow(() -> new RuleViolation(
                RuleViolation.Kind.INVALID, "bad-credentials", null, "password",
                "Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password."));
        Tokens.Issued t = tokens.forAccount(accountId);
        return new Session(t.token(), t.expiresAt(), accountId, null, null, tokens.grants(accountId));
    }

    /** The code is spent by this exchange: a second try with it fails, as does a revoked credential's code. */
    @PostMapping("/voting-code")
    public Session votingCode(@Valid @RequestBody VotingCode body) {
        JdbcVotingCredentials.Redeemed r = credentials.redeem(secrets.hashVotingCode(body.code())).orElseThrow(() -> new RuleViolation(
                RuleViolation.Kind.INVALID, "invalid-voting-code", "R-13", "code",
                "Mã biểu quyết không đúng, đã dùng hoặc đã bị thu hồi.", "The voting code is wrong, used or revoked."));
        Tokens.Issued t = tokens.forVoter(r.congressId(), r.delegateId(), r.credentialId());
        return new Session(t.token(), t.expiresAt(), null, r.congressId(), r.delegateId(), List.of(new Grant(Role.VOTER, r.congressId())));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@RequestHeader("Authorization") String header) {
        access.caller();
        tokens.revoke(header.substring(7).strip());
    }

    @GetMapping("/me")
    public Caller me() {
        return access.caller();
    }
}
