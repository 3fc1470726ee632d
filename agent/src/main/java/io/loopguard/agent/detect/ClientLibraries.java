package io.loopguard.agent.detect;

import java.util.List;

/**
 * Packages of libraries that block on the application's behalf: database drivers, cache and HTTP
 * clients, loggers. A report's call site is the application frame that called into one of them (the
 * handler that ran the query), not the driver's socket read; the library method it called is shown as
 * {@code via}.
 */
final class ClientLibraries {

    static final List<String> PACKAGES = List.of(
            // JDBC drivers and connection pools
            "org.postgresql.", "com.mysql.", "org.mariadb.jdbc.", "oracle.jdbc.", "com.microsoft.sqlserver.",
            "org.h2.", "org.hsqldb.", "org.apache.derby.", "org.sqlite.", "com.zaxxer.hikari.",
            "org.apache.commons.dbcp2.", "com.mchange.v2.", "org.apache.tomcat.jdbc.",
            // data access layers over JDBC
            "org.hibernate.", "org.jooq.", "org.springframework.jdbc.", "org.apache.ibatis.", "org.jdbi.",
            // caches and stores
            "redis.clients.jedis.", "io.lettuce.core.", "org.redisson.", "com.mongodb.", "com.datastax.",
            "net.spy.memcached.", "org.apache.kafka.clients.", "org.elasticsearch.client.",
            // HTTP clients
            "org.apache.http.", "org.apache.hc.", "okhttp3.", "okio.", "retrofit2.", "feign.",
            // logging
            "org.slf4j.", "ch.qos.logback.", "org.apache.logging.log4j.", "org.apache.log4j.");

    private ClientLibraries() {
    }

    static boolean contains(String className) {
        for (String prefix : PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
