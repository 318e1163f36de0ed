package com.itadcustody.certificate.internal.pdf;

import com.itextpdf.kernel.geom.PageSize;

/** The paper certificates are laid out for ({@code itad.certificates.page-size}). */
public enum PaperSize {

    /** ISO 216 A4, 210 x 297 mm (the default). */
    A4(PageSize.A4),

    /** US Letter, 8.5 x 11 in. */
    LETTER(PageSize.LETTER);

    private final PageSize pageSize;

    PaperSize(PageSize pageSize) {
        this.pageSize = pageSize;
    }

    PageSize pageSize() {
        return new PageSize(pageSize);
    }
}
