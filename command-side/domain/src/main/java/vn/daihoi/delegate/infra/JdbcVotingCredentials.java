package vn.daihoi.delegate.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.daihoi.congress.CongressCancelled;
import vn.daihoi.congress.CongressClosed;
import vn.daihoi.congress.infra.JdbcCongressDirectory;
import vn.daihoi.delegate.VotingCredentialIssued;
import vn.daihoi.delegate.VotingCredentialRevoked;

import java.util.Optional;

/**
 * The voting credentials: one row per credential with the keyed hash of its code, its delegate and congress (ADR 0006).
 * Issue 13: no command handler writes here. The API prepares a credential's row ({@link #prepare}, state PENDING)
 * before it sends the command that carries it; the congress aggregate decides, and its events, handled in the
 * command's own transaction (the congress directory's subscribing group), make the row redeemable (ISSUED) or revoke
 * it. A prepared row whose command was refused, or that the aggregate did not issue (a guest, a voter who already
 * holds one), is never redeemable and goes when its congress closes. Redeemed once by the login endpoint.
 */
@Component
@ProcessingGroup(JdbcCongressDirectory.PROCESSING_GROUP)
public class JdbcVotingCredentials {

    private final JdbcTemplate jdbc;

    public JdbcVotingCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Prepares {@code credential}'s row, sends the command that may issue it, and takes the row back unless the command
     * issued it: a refused command leaves nothing behind, nor does one that did not issue (a guest, a voter who holds
     * one already). The row is prepared in a transaction of its own, not around the command: a command inside an
     * outer transaction would have Axon tell the processors of its events before they are committed, and every
     * answer would wait a poll for its read model. A crash between the two leaves a row no code redeems, which goes
     * when the congress closes.
     */
    public <T> T issuing(vn.daihoi.delegate.IssuedCredential credential, String congressId, String delegateId,
                         java.util.function.Supplier<T> send) {
        prepare(credential.credentialId(), congressId, delegateId, credential.codeHash());
        try {
            return send.get();
        } finally {
            jdbc.update("delete from voting_credential where credential_id = ? and state = 'PENDING'", credential.credentialId());
        }
    }

    public record Redeemed(String credentialId, String congressId, String delegateId) {}

    /** A credential about to be issued by a command: its row exists, but no code redeems it until the issue event. */
    void prepare(String credentialId, String congressId, String delegateId, byte[] codeHash) {
        jdbc.update("insert into voting_credential (credential_id, congress_id, delegate_id, code_hash, state) values (?, ?, ?, ?, 'PENDING') on conflict (credential_id) do nothing",
                credentialId, congressId, delegateId, codeHash);
    }

    @EventHandler
    void on(VotingCredentialIssued e) {
        int issued = jdbc.update("""
                update voting_credential set state = 'ISSUED'
                where credential_id = ? and congress_id = ? and delegate_id = ? and state = 'PENDING'""",
                e.credentialId(), e.congressId(), e.delegateId());
        // The event stands for a code the delegate holds: without its prepared row the command must not commit.
        if (issued != 1) throw new IllegalStateException("voting credential " + e.credentialId() + " was not prepared for its delegate");
    }

    @EventHandler
    void on(VotingCredentialRevoked e) {
        jdbc.update("update voting_credential set state = 'REVOKED' where credential_id = ?", e.credentialId());
        jdbc.update("update auth_token set revoked = true where credential_id = ?", e.credentialId());
    }

    @EventHandler
    void on(CongressClosed e) {
        forgetPrepared(e.congressId());
    }

    @EventHandler
    void on(CongressCancelled e) {
        forgetPrepared(e.congressId());
    }

    private void forgetPrepared(String congressId) {
        jdbc.update("delete from voting_credential where congress_id = ? and state = 'PENDING'", congressId);
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
