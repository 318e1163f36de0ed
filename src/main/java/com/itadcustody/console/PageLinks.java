package com.itadcustody.console;

import com.itadcustody.shared.PageResult;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The pager under a console list: the current request's address with only {@code page} changed, so filters and
 * search terms stay as they were.
 *
 * @param page the zero-based page shown
 * @param totalPages how many pages there are
 * @param totalElements how many items match in all
 * @param previous the previous page's address, or null on the first page
 * @param next the next page's address, or null on the last page
 */
public record PageLinks(int page, int totalPages, long totalElements, String previous, String next) {

    /** The pager for one page of results, relative to the request being handled. */
    public static PageLinks of(PageResult<?> result) {
        return new PageLinks(result.page(), result.totalPages(), result.totalElements(),
                result.page() > 0 ? at(result.page() - 1) : null,
                result.page() + 1 < result.totalPages() ? at(result.page() + 1) : null);
    }

    private static String at(int page) {
        UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
