package io.loopguard.corpus.dao;

/** Where orders are kept. */
public interface OrderDao {
    String find(String orderId) throws Exception;
}
