package vn.daihoi.delegate.infra;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.delegate.VotingCredentialRegistry;

import java.util.Optional;

/**
 * The voting credentials: one row per credential with the keyed hash of its code, its delegate and congress.
 * Registered and revoked in the command's transaction; redeemed once by the login endpoint.
 */
@Component
public class JdbcVotingCredentials implements VotingCredentialRegistry {

    private final JdbcTemplate jdbc;

    public JdbcVotingCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Redeemed(String credentialId, String congressId, String delegateId) {}

    @Override
    public void register(String credentialId, String congressId, String delegateId, byte[] codeHash) {
        jdbc.update("insert into voting_credential (credential_id, congress_id, delegate_id, code_hash, state) values (?, ?, ?, ?, 'ISSUED')",
                credentialId, congressId, delegateId, codeHash);
    }

    @Override
    public void revoke(String credentialId) {
        jdbc.update("update voting_credential set state = 'REVOKED' where credential_id = ?", credentialId);
        jdbc.update("update auth_token set revoked = true where credential_id = ?", credentialId);
    }

    /** Exchanges a code (by its hash) once: the credential moves from ISSUED to REDEEMED atomically. */
    public Optional<Redeemed> redeem(byte[] codeHash) {
        return jdbc.query("update voting_credential set state = 'REDEEMED' where code_hash = ? and state = 'ISSUED' "
                        + "returning credential_id, congress_id, delegate_id",
                (rs, i) -> new Redeemed(rs.getString(1), rs.getString(2), rs.getString(3)), (Object) codeHash).stream().findFirst();
    }

    public boolean active(String credentialId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from voting_credential where credential_id = ? and state = 'REDEEMED')",
                Boolean.class, credentialId));
    }
}
