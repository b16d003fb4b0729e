package vn.daihoi.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.delegate.infra.JdbcVotingCredentials;
import vn.daihoi.infra.Problems;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.infra.edge.Line;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Signing in: accounts by password, voters by the one-time code on their slip. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final Accounts accounts;
    private final Tokens tokens;
    private final Secrets secrets;
    private final JdbcVotingCredentials credentials;
    private final Access access;
    private final SignInLimits limits;

    public AuthController(Accounts accounts, Tokens tokens, Secrets secrets, JdbcVotingCredentials credentials, Access access,
                          SignInLimits limits) {
        this.limits = limits;
        this.accounts = accounts;
        this.tokens = tokens;
        this.secrets = secrets;
        this.credentials = credentials;
        this.access = access;
    }

    public record Login(@NotBlank @Line(max = Limits.USERNAME) String username,
                 @NotBlank @Line(max = Limits.PASSWORD_BYTES, maxBytes = Limits.PASSWORD_BYTES) String password) {}

    public record VotingCode(@NotBlank @Line(max = Limits.SECRET) String code) {}

    public record Session(String token, Instant expiresAt, String accountId, String congressId, String delegateId, List<Grant> grants) {}

    @PostMapping("/login")
    public Session login(@Valid @RequestBody Login body, HttpServletRequest request) {
        SignInLimits.Attempt attempt = limits.login(request, body.username());
        String accountId = accounts.authenticate(body.username(), body.password()).orElseThrow(
                () -> RuleViolation.invalid("bad-credentials", null, "password"));
        attempt.succeeded();
        Tokens.Issued t = tokens.forAccount(accountId);
        return new Session(t.token(), t.expiresAt(), accountId, null, null, tokens.grants(accountId));
    }

    /**
     * The code is spent by this exchange: a second try with it fails, as does a revoked credential's code, and a code
     * whose congress has closed or been cancelled has expired (ADR 0015).
     */
    @PostMapping("/voting-code")
    public Session votingCode(@Valid @RequestBody VotingCode body, HttpServletRequest request) {
        SignInLimits.Attempt attempt = limits.votingCode(request, body.code());
        JdbcVotingCredentials.Redemption found = credentials.redeemWhileOpen(secrets.hashVotingCode(body.code()));
        if (found.expired()) {
            throw RuleViolation.conflict("voting-code-expired", "R-13", "code");
        }
        JdbcVotingCredentials.Redeemed r = Optional.ofNullable(found.redeemed()).orElseThrow(
                () -> RuleViolation.invalid("invalid-voting-code", "R-13", "code"));
        attempt.succeeded();
        Tokens.Issued t = tokens.forVoter(r.congressId(), r.delegateId(), r.credentialId());
        return new Session(t.token(), t.expiresAt(), null, r.congressId(), r.delegateId(), List.of(new Grant(Role.VOTER, r.congressId())));
    }

    /** ADR 0015: refused before any lookup or hash, with the time after which one more attempt is allowed. */
    @ExceptionHandler(SignInLimits.TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(SignInLimits.TooManyAttempts e) {
        ProblemDetail p = Problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", null, null, "problem.too-many-attempts",
                e.retryAfterSeconds()).getBody();
        p.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(p);
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
