package vn.daihoi.account;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.daihoi.common.RuleViolation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Accounts and grants. Passwords are hashed with Spring Security's delegating encoder (bcrypt today). */
@Component
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    /** A hash of a random password nobody knows, made once by the encoder that hashes real passwords (same cost). */
    private final String dummyHash = encoder.encode(UUID.randomUUID().toString());

    public Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record AccountView(String accountId, String username, String personId, boolean demo, List<Grant> grants) {}

    @Transactional
    public AccountView create(String actorId, String username, String password, String personId, List<Grant> grants, boolean demo) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw RuleViolation.invalid("invalid-username", null, "username");
        }
        if (password == null || password.length() < 10) {
            throw RuleViolation.invalid("weak-password", null, "password");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from account where username = ?)", Boolean.class, name))) {
            throw RuleViolation.conflict("username-taken", null, "username");
        }
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into account (account_id, username, password_hash, person_id, demo) values (?, ?, ?, ?, ?)",
                id, name, encoder.encode(password), personId, demo);
        for (Grant g : grants) grant(actorId, id, g);
        audit(actorId, "CREATE", id, name);
        return find(id).orElseThrow();
    }

    public void grant(String actorId, String accountId, Grant g) {
        if (g.role() == null || g.role() == Role.VOTER || (g.role() != Role.ADMIN && (g.scopeId() == null || g.scopeId().isBlank()))) {
            throw RuleViolation.invalid("invalid-grant", null, "grants");
        }
        jdbc.update("insert into account_grant (account_id, role, scope_id) values (?, ?, ?) on conflict do nothing",
                accountId, g.role().name(), g.role() == Role.ADMIN ? "" : g.scopeId());
        audit(actorId, "GRANT", accountId, g.role() + ":" + (g.scopeId() == null ? "" : g.scopeId()));
    }

    /**
     * ADR 0015: every attempt costs one password hash. An unknown username or a disabled account is compared with
     * a dummy hash made by the same encoder at the same cost, so the answer time does not tell which usernames exist.
     */
    public Optional<String> authenticate(String username, String password) {
        String given = password == null ? "" : password;
        String name = username == null ? "" : username.strip().toLowerCase();
        Optional<Stored> stored = jdbc.query("select account_id, password_hash, disabled from account where username = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getBoolean(3)), name).stream().findFirst();
        if (stored.isEmpty() || stored.get().disabled() || username == null || password == null) {
            encoder.matches(given, dummyHash);
            return Optional.empty();
        }
        return encoder.matches(given, stored.get().passwordHash()) ? Optional.of(stored.get().accountId()) : Optional.empty();
    }

    private record Stored(String accountId, String passwordHash, boolean disabled) {}

    public Optional<AccountView> find(String accountId) {
        return jdbc.query("select account_id, username, person_id, demo from account where account_id = ?",
                (rs, i) -> new AccountView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), grants(accountId)),
                accountId).stream().findFirst();
    }

    public List<AccountView> all() {
        return jdbc.query("select account_id from account order by username", (rs, i) -> rs.getString(1)).stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    public boolean anyAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from account_grant where role = 'ADMIN')", Boolean.class));
    }

    private List<Grant> grants(String accountId) {
        return jdbc.query("select role, scope_id from account_grant where account_id = ? order by role, scope_id",
                (rs, i) -> new Grant(Role.valueOf(rs.getString(1)), rs.getString(2)), accountId);
    }

    private void audit(String actorId, String action, String accountId, String detail) {
        jdbc.update("insert into account_audit (actor_id, action, account_id, detail) values (?, ?, ?, ?)", actorId, action, accountId, detail);
    }
}
