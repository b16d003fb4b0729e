package vn.daihoi.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Opaque bearer tokens. Only their SHA-256 is stored; resolving one is a hash and a primary-key lookup, so a
 * ballot never pays for a password hash. A voter's token also dies with his credential, and with his congress
 * when it closes or is cancelled (ADR 0015).
 */
@Component
public class Tokens {

    static final Duration ACCOUNT_TTL = Duration.ofHours(12);
    static final Duration VOTER_TTL = Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final Secrets secrets;
    private final Clock clock;

    public Tokens(JdbcTemplate jdbc, Secrets secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {}

    public Issued forAccount(String accountId) {
        return issue(accountId, null, null, null, ACCOUNT_TTL);
    }

    public Issued forVoter(String congressId, String delegateId, String credentialId) {
        return issue(null, congressId, delegateId, credentialId, VOTER_TTL);
    }

    private Issued issue(String accountId, String congressId, String delegateId, String credentialId, Duration ttl) {
        String token = secrets.newToken();
        Instant expires = clock.instant().plus(ttl);
        jdbc.update("insert into auth_token (token_hash, account_id, congress_id, delegate_id, credential_id, expires_at) values (?, ?, ?, ?, ?, ?)",
                Secrets.sha256(token), accountId, congressId, delegateId, credentialId, Timestamp.from(expires));
        return new Issued(token, expires);
    }

    /**
     * The caller a bearer token names, on every request. A token of a closed congress is dead (ADR 0015); its
     * congress is looked up by key: a "not exists" over the directory made PostgreSQL read every congress of every
     * term on each request (a province holds thousands).
     */
    public Optional<Caller> resolve(String token) {
        return jdbc.query("""
                select t.account_id, t.congress_id, t.delegate_id, t.credential_id
                from auth_token t left join account a on a.account_id = t.account_id
                     left join cmd_congress c on c.congress_id = t.congress_id
                where t.token_hash = ? and not t.revoked and t.expires_at > ? and (a.account_id is null or not a.disabled)
                  and c.open is not false""",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                Secrets.sha256(token), Timestamp.from(clock.instant())).stream().findFirst().map(r -> r[0] != null
                ? Caller.account((String) r[0], grants((String) r[0]))
                : Caller.voter((String) r[1], (String) r[2], (String) r[3]));
    }

    public void revoke(String token) {
        jdbc.update("update auth_token set revoked = true where token_hash = ?", (Object) Secrets.sha256(token));
    }

    List<Grant> grants(String accountId) {
        return jdbc.query("select role, scope_id from account_grant where account_id = ?",
                (rs, i) -> new Grant(Role.valueOf(rs.getString(1)), rs.getString(2)), accountId);
    }
}
