package io.loopguard.demo.backend;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.netty.channel.EventLoop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A real database as the slow dependency: {@code SELECT pg_sleep(seconds)} through JDBC and a HikariCP
 * pool. JDBC has no non-blocking form, so the async version runs it on a pool of its own, sized like the
 * connection pool, and completes on the caller's event loop: the loop itself never waits.
 */
public final class PostgresBackend implements SlowBackend {
    /** Queries that may wait for a connection before the async version refuses more. */
    private static final int QUEUE = 256;

    private final HikariDataSource pool;
    private final WorkerPool jdbcThreads;
    private final String url;

    public PostgresBackend(String url, int connections) {
        this.url = url;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(connections);
        config.setPoolName("demo-postgres");
        pool = new HikariDataSource(config);
        jdbcThreads = new WorkerPool("postgres-async", connections, QUEUE);
    }

    @Override
    public String callBlocking(Duration time) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement sleep = connection.prepareStatement("SELECT pg_sleep(?), now()")) {
            sleep.setDouble(1, time.toMillis() / 1000.0);
            try (ResultSet row = sleep.executeQuery()) {
                row.next();
                return "postgres answered after " + time.toMillis() + " ms at " + row.getString(2);
            }
        }
    }

    @Override
    public CompletionStage<String> callAsync(Duration time, EventLoop loop) {
        CompletableFuture<String> answer = new CompletableFuture<>();
        boolean accepted = jdbcThreads.offer(() -> {
            try {
                String result = callBlocking(time);
                loop.execute(() -> answer.complete(result));
            } catch (SQLException | RuntimeException e) {
                loop.execute(() -> answer.completeExceptionally(e));
            }
        });
        if (!accepted) {
            answer.completeExceptionally(new SQLException("every PostgreSQL connection is busy and " + QUEUE + " queries wait already"));
        }
        return answer;
    }

    @Override
    public String describe() {
        return "PostgreSQL at " + url;
    }

    @Override
    public void close() {
        jdbcThreads.close();
        pool.close();
    }
}
