package vn.daihoi.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The first administrator. There is no default password: {@code DAIHOI_ADMIN_PASSWORD} sets one; without it
 * a random one is written to a file readable by its owner only. Demo mode ({@code DAIHOI_DEMO=true}) is the one
 * place with known passwords, and says so loudly.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    public static final String DEMO_PASSWORD = "demo-daihoi-2026";

    private final Accounts accounts;
    private final Secrets secrets;
    private final String password;
    private final boolean demo;
    private final Path dataDir;

    public AdminBootstrap(Accounts accounts, Secrets secrets, @Value("${daihoi.admin.password:}") String password,
                          @Value("${daihoi.demo:false}") boolean demo, @Value("${daihoi.data-dir:./data}") String dataDir) {
        this.accounts = accounts;
        this.secrets = secrets;
        this.password = password;
        this.demo = demo;
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (accounts.anyAdmin()) return;
        List<Grant> admin = List.of(new Grant(Role.ADMIN, ""));
        if (!password.isBlank()) {
            accounts.create(null, "admin", password, null, admin, false);
            log.info("administrator account 'admin' created from DAIHOI_ADMIN_PASSWORD");
        } else if (demo) {
            accounts.create(null, "admin", DEMO_PASSWORD, null, admin, true);
            System.out.printf("%n*** CHẾ ĐỘ DEMO / DEMO MODE: admin / %s — không dùng cho đại hội thật, not for real congresses ***%n%n", DEMO_PASSWORD);
        } else {
            String generated = secrets.newToken().substring(0, 20);
            accounts.create(null, "admin", generated, null, admin, false);
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("admin-password.txt");
            Files.writeString(file, generated + System.lineSeparator());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            System.out.printf("%nTài khoản quản trị / administrator: admin — mật khẩu trong / password in %s%n%n", file.toAbsolutePath());
        }
    }
}
