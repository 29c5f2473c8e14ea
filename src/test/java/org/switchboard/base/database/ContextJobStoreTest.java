package org.switchboard.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Properties;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Two schedulers of one name in one JVM, each on its own pool (two application contexts, as when a test starts
 * the whole app beside the shared one): when the second closes, the first still reaches the database. Spring's
 * plain store does not, which is why the app configures this one.
 */
@SpringBootTest
class ContextJobStoreTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aSchedulerKeepsItsOwnPoolWhenAnotherOfItsNameCloses() throws Exception {
        afterTheOtherCloses(ContextJobStore.class, survivor -> assertThat(survivor.getJobGroupNames()).isNotNull());
    }

    @Test
    void springsPlainStoreLosesItsPoolToTheOther() throws Exception {
        afterTheOtherCloses(LocalDataSourceJobStore.class, survivor -> assertThatThrownBy(survivor::getJobGroupNames)
                .isInstanceOf(JobPersistenceException.class)
                .hasMessageContaining("has been closed"));
    }

    private interface Check {
        void on(Scheduler survivor) throws Exception;
    }

    private void afterTheOtherCloses(Class<?> store, Check check) throws Exception {
        try (HikariDataSource firstPool = pool(); HikariDataSource secondPool = pool()) {
            SchedulerFactoryBean first = scheduler(store, firstPool);
            SchedulerFactoryBean second = scheduler(store, secondPool);
            second.destroy();
            secondPool.close();
            try {
                check.on(first.getObject());
            } finally {
                first.destroy();
            }
        }
    }

    private HikariDataSource pool() {
        HikariDataSource shared = (HikariDataSource) dataSource;
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(shared.getJdbcUrl());
        pool.setUsername(shared.getUsername());
        pool.setPassword(shared.getPassword());
        pool.setMaximumPoolSize(2);
        return pool;
    }

    private static SchedulerFactoryBean scheduler(Class<?> store, DataSource pool) throws Exception {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.jobStore.class", store.getName());
        quartz.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        quartz.setProperty("org.quartz.threadPool.threadCount", "1");
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setSchedulerName("store-test");
        factory.setQuartzProperties(quartz);
        factory.setDataSource(pool);
        factory.setAutoStartup(false);
        factory.afterPropertiesSet();
        return factory;
    }
}
