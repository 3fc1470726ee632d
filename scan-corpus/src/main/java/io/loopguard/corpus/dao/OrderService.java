package io.loopguard.corpus.dao;

/** Business logic over a DAO it only knows by its interface. */
public final class OrderService {
    private final OrderDao dao;
    private final RetryPolicy retries = new RetryPolicy();

    public OrderService(OrderDao dao) {
        this.dao = dao;
    }

    String describe(String orderId) throws Exception {
        for (int attempt = 0; ; attempt++) {
            String order = dao.find(orderId);
            if (order != null || attempt == 3) {
                return order == null ? "no such order" : order;
            }
            retries.pause(attempt);
        }
    }
}
