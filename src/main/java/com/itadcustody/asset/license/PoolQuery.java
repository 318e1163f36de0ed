package com.itadcustody.asset.license;

import java.util.Map;

/**
 * Which license pools a list shows and in what order.
 *
 * @param publisher only pools whose publisher contains this text (case-insensitive), or null
 * @param product only pools whose product contains this text (case-insensitive), or null
 * @param metric only pools of this metric, or null
 * @param sortField the field to sort by, one of {@link #SORTABLE}'s keys
 * @param ascending whether to sort ascending
 * @param page the zero-based page
 * @param size the page size
 */
record PoolQuery(String publisher, String product, LicenseMetric metric, String sortField, boolean ascending,
        int page, int size) {

    /** The fields a list may be sorted by, with their SQL expression. */
    static final Map<String, String> SORTABLE = Map.of(
            "publisher", "lower(p.publisher)",
            "product", "lower(p.product)",
            "metric", "p.metric",
            "seatsOwned", "p.seats_owned",
            "renewalDate", "p.renewal_date",
            "createdAt", "p.created_at",
            "updatedAt", "p.updated_at");

    PoolQuery {
        if (!SORTABLE.containsKey(sortField)) {
            throw new IllegalArgumentException("not a sortable field: " + sortField);
        }
    }
}
