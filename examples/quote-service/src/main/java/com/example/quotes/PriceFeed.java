package com.example.quotes;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A slow price source with a blocking client, as JDBC or a blocking HTTP client is: the calling thread
 * waits for the answer.
 */
public class PriceFeed {

    public long latestPrice(String symbol) throws InterruptedException {
        Thread.sleep(20); // the round trip to the exchange
        return 10_000 + Math.floorMod(symbol.hashCode(), 1_000) + ThreadLocalRandom.current().nextInt(10);
    }
}
