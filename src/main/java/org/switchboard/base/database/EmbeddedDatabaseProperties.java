package org.switchboard.base.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that starts when no {@code spring.datasource.url} is given.
 *
 * @param directory where the database keeps its files; kept across restarts
 * @param port TCP port on localhost; 0 picks a free one at every start
 * @param clean wipe the directory at start (tests only)
 * @param durable fsync, synchronous commit and full-page writes on (the default); off only for throw-away test data
 */
@ConfigurationProperties("switchboard.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/postgres") Path directory, @DefaultValue("0") int port, @DefaultValue("false") boolean clean,
        @DefaultValue("true") boolean durable) {}
