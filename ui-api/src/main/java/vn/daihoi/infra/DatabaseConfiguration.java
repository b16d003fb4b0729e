package vn.daihoi.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL always: the one named by {@code DB_URL}, or else an embedded server started from a jar,
 * whose data directory survives restarts (ADR 0002). Never an in-memory database.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** The embedded server, when one runs; closed with the context, after the pool that uses it. */
    public static final class EmbeddedServer implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        EmbeddedServer(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        public String jdbcUrl() {
            return postgres.getJdbcUrl("postgres", "postgres");
        }

        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedServer embeddedPostgres(@Value("${daihoi.db.url:}") String url,
                                    @Value("${daihoi.data-dir:./data}") String dataDir,
                                    @Value("${daihoi.embedded.port:54329}") int port) throws IOException {
        if (!url.isBlank()) return null;
        Path dir = Path.of(dataDir, "postgres").toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        log.atInfo().addKeyValue("dataDirectory", dir).addKeyValue("port", port).log("starting embedded PostgreSQL");
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("timezone", "UTC")
                .start();
        return new EmbeddedServer(pg);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(@Value("${daihoi.db.url:}") String url,
                                @Value("${daihoi.db.user:postgres}") String user,
                                @Value("${daihoi.db.password:}") String password,
                                @Value("${daihoi.db.pool-size:16}") int poolSize,
                                org.springframework.beans.factory.ObjectProvider<EmbeddedServer> embedded) {
        HikariConfig config = new HikariConfig();
        EmbeddedServer server = embedded.getIfAvailable();
        if (url.isBlank() && server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("daihoi");
        return new HikariDataSource(config);
    }

}
