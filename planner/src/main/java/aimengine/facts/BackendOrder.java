package aimengine.facts;

import java.util.List;

/**
 * The default backend order when --backend is not given (rules/policy.drl inserts it): the first is preferred,
 * the others are stated fallbacks.
 */
public record BackendOrder(List<String> order) {

    public BackendOrder {
        order = List.copyOf(order);
    }

    public String preferred() {
        return order.get(0);
    }

    /** Place of the backend in the order (0 is preferred); a backend not listed comes last. */
    public int rank(String backend) {
        int i = order.indexOf(backend);
        return i < 0 ? order.size() : i;
    }
}
