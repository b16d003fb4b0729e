package vn.daihoi.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL always: the one named by {@code DB_URL}, or else an embedded server started from a jar,
 * whose data directory survives restarts (ADR 0002), durable, password-protected and supervised (ADR 0012).
 * Never an in-memory database.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** The embedded server, when one runs; closed with the context, after the pool that uses it. */
    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedPostgres(@Value("${daihoi.db.url:}") String url,
                                      @Value("${daihoi.data-dir:./data}") String dataDir,
                                      @Value("${daihoi.embedded.port:54329}") int port,
                                      @Value("${daihoi.embedded.start-timeout:60s}") Duration startTimeout,
                                      @Value("${daihoi.embedded.watch-interval:1s}") Duration watchInterval) {
        if (!url.isBlank()) return null;
        EmbeddedDatabase db = new EmbeddedDatabase(Path.of(dataDir), port, startTimeout);
        log.atInfo().addKeyValue("dataDirectory", db.directory()).addKeyValue("port", port)
                .addKeyValue("startTimeout", startTimeout).log("starting embedded PostgreSQL");
        return db.start(watchInterval);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(@Value("${daihoi.db.url:}") String url,
                                @Value("${daihoi.db.user:postgres}") String user,
                                @Value("${daihoi.db.password:}") String password,
                                @Value("${daihoi.db.pool-size:16}") int poolSize,
                                @Value("${daihoi.db.connection-timeout:2s}") Duration connectionTimeout,
                                org.springframework.beans.factory.ObjectProvider<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        EmbeddedDatabase server = embedded.getIfAvailable();
        if (url.isBlank() && server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername(server.user());
            config.setPassword(server.password());
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("daihoi");
        // ADR 0012: while the database is unreachable a request (and the health check) waits this long for a
        // connection, then answers 503 or DOWN, instead of Hikari's 30 s.
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setValidationTimeout(Math.max(250, Math.min(1_000, connectionTimeout.toMillis() / 2)));
        config.addDataSourceProperty("connectTimeout", Math.max(1, connectionTimeout.toSeconds()));
        return new HikariDataSource(config);
    }

}
