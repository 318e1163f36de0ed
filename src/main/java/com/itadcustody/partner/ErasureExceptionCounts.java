package com.itadcustody.partner;

import com.itadcustody.partner.inbound.ErasureReports;
import com.itadcustody.shared.Actor;
import org.springframework.stereotype.Service;

/** The partner module's API for overview pages: how many erasure-report exceptions wait in the queue. */
@Service
public class ErasureExceptionCounts {

    private final ErasureReports reports;

    ErasureExceptionCounts(ErasureReports reports) {
        this.reports = reports;
    }

    /** How many exceptions of every vendor are open (one indexed count). */
    public long open() {
        return reports.exceptions(null, "OPEN", null, null, 0, 1, Actor.system()).totalElements();
    }
}
