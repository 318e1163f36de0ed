package com.itadcustody.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer.
 *
 * @param content the items on this page
 * @param page the zero-based page number
 * @param size the requested page size
 * @param totalElements how many items match in all
 * @param totalPages how many pages there are
 */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    /** Builds a page from its items and the total count. */
    public static <T> PageResult<T> of(List<T> content, int page, int size, long total) {
        return new PageResult<>(content, page, size, total, size == 0 ? 0 : (int) ((total + size - 1) / size));
    }

    /** The same page with each item converted. */
    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages);
    }
}
