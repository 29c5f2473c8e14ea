package org.switchboard.base.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.quartz.SchedulerConfigException;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.SchedulerSignaler;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Spring's Quartz job store with connections bound to its own application context's data source.
 * <p>
 * Quartz looks its connections up by name in a JVM-wide registry, and Spring names them after the scheduler,
 * which must be the same on every instance of a cluster. A second application context in the same JVM (a test
 * starting the whole app, a restart in place) registers its data source under that name, and when it closes
 * the first context's scheduler is left asking a closed pool for connections. This store registers its data
 * sources under names of its own as well and uses those, so each scheduler keeps its context's pool.
 */
public class ContextJobStore extends LocalDataSourceJobStore {

    private static final AtomicInteger STORES = new AtomicInteger();

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        DataSource tx = SchedulerFactoryBean.getConfigTimeDataSource();
        DataSource nonTx = SchedulerFactoryBean.getConfigTimeNonTransactionalDataSource();
        super.initialize(loadHelper, signaler);
        String key = getInstanceName() + "#" + STORES.incrementAndGet();
        DataSource plain = nonTx != null ? nonTx : tx;
        DBConnectionManager connections = DBConnectionManager.getInstance();
        connections.addConnectionProvider(TX_DATA_SOURCE_PREFIX + key, provider(() -> DataSourceUtils.doGetConnection(tx)));
        connections.addConnectionProvider(NON_TX_DATA_SOURCE_PREFIX + key, provider(plain::getConnection));
        setDataSource(TX_DATA_SOURCE_PREFIX + key);
        setNonManagedTXDataSource(NON_TX_DATA_SOURCE_PREFIX + key);
    }

    private interface Connect {
        Connection get() throws SQLException;
    }

    private static ConnectionProvider provider(Connect connect) {
        return new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return connect.get();
            }

            @Override
            public void shutdown() {
                // the data source belongs to the application context, which closes it
            }

            @Override
            public void initialize() {
                // nothing to set up: the data source is the context's
            }
        };
    }
}
