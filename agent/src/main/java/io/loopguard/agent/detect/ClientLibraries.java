package io.loopguard.agent.detect;

import java.util.List;

/**
 * Libraries that block on the application's behalf: database drivers, cache and HTTP clients, loggers. A
 * report's call site is the application frame that called into one of them (the handler that ran the query),
 * not the driver's socket read; the library method it called is shown as {@code via}, and the report names
 * the library.
 */
final class ClientLibraries {

    private record Library(String name, List<String> packages) {
        Library(String name, String... packages) {
            this(name, List.of(packages));
        }
    }

    private static final List<Library> LIBRARIES = List.of(
            // JDBC drivers and connection pools
            new Library("the PostgreSQL JDBC driver", "org.postgresql."),
            new Library("a MySQL JDBC driver", "com.mysql.", "org.mariadb.jdbc."),
            new Library("the Oracle JDBC driver", "oracle.jdbc."),
            new Library("the SQL Server JDBC driver", "com.microsoft.sqlserver."),
            new Library("an embedded database's JDBC driver", "org.h2.", "org.hsqldb.", "org.apache.derby.", "org.sqlite."),
            new Library("a JDBC connection pool", "com.zaxxer.hikari.", "org.apache.commons.dbcp2.", "com.mchange.v2.",
                    "org.apache.tomcat.jdbc."),
            // data access layers over JDBC
            new Library("a data access library over JDBC", "org.hibernate.", "org.jooq.", "org.springframework.jdbc.",
                    "org.apache.ibatis.", "org.jdbi."),
            // caches and stores
            new Library("a Redis client", "redis.clients.jedis.", "io.lettuce.core.", "org.redisson."),
            new Library("the MongoDB driver", "com.mongodb."),
            new Library("the Cassandra driver", "com.datastax."),
            new Library("a Memcached client", "net.spy.memcached."),
            new Library("the Kafka client", "org.apache.kafka.clients."),
            new Library("the Elasticsearch client", "org.elasticsearch.client."),
            // HTTP clients
            new Library("an HTTP client", "org.apache.http.", "org.apache.hc.", "okhttp3.", "okio.", "retrofit2.", "feign."),
            // logging
            new Library("a logging library (its appender writes as the application logs)", "org.slf4j.",
                    "ch.qos.logback.", "org.apache.logging.log4j.", "org.apache.log4j."));

    private ClientLibraries() {
    }

    static boolean contains(String className) {
        return named(className) != null;
    }

    /** What a report calls the library of {@code className}: "the PostgreSQL JDBC driver"; {@code null} if none. */
    static String named(String className) {
        for (Library library : LIBRARIES) {
            for (String prefix : library.packages) {
                if (className.startsWith(prefix)) {
                    return library.name;
                }
            }
        }
        return null;
    }
}
