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

    /** What an exchange of a code found: the credential it redeemed, or why it redeemed none. */
    public record Redemption(Redeemed redeemed, boolean expired) {
        public static final Redemption UNKNOWN = new Redemption(null, false);
        public static final Redemption EXPIRED = new Redemption(null, true);
    }

    /** Exchanges a code (by its hash) once: the credential moves from ISSUED to REDEEMED atomically. */
    public Optional<Redeemed> redeem(byte[] codeHash) {
        return Optional.ofNullable(redeemWhileOpen(codeHash).redeemed());
    }

    /**
     * Exchanges a code once, only while its congress is open: a code of a closed or cancelled congress has
     * expired (ADR 0015) and stays unspent. A committee meeting has no row in the congress directory (ADR 0009)
     * and is not judged here.
     */
    public Redemption redeemWhileOpen(byte[] codeHash) {
        Optional<Redeemed> r = jdbc.query("""
                        update voting_credential v set state = 'REDEEMED'
                        where v.code_hash = ? and v.state = 'ISSUED'
                          and coalesce((select c.open from cmd_congress c where c.congress_id = v.congress_id), true)
                        returning v.credential_id, v.congress_id, v.delegate_id""",
                (rs, i) -> new Redeemed(rs.getString(1), rs.getString(2), rs.getString(3)), (Object) codeHash).stream().findFirst();
        if (r.isPresent()) return new Redemption(r.get(), false);
        boolean expired = Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from voting_credential v join cmd_congress c on c.congress_id = v.congress_id
                                       where v.code_hash = ? and v.state = 'ISSUED' and not c.open)""",
                Boolean.class, (Object) codeHash));
        return expired ? Redemption.EXPIRED : Redemption.UNKNOWN;
    }

    public boolean active(String credentialId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from voting_credential where credential_id = ? and state = 'REDEEMED')",
                Boolean.class, credentialId));
    }
}
