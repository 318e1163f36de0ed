package com.itadcustody.compliance;

import com.itadcustody.compliance.internal.VerificationStore;
import com.itadcustody.shared.DomainRuleViolated;
import com.itadcustody.shared.PageResult;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The history of certificate verifications (public page, public API, staff console), newest first, filtered by
 * result and period; each page is one index range read.
 */
@Service
public class VerificationHistory {

    /** The results a check can have: the verdicts, and a number refused as malformed. */
    public static final List<String> RESULTS = List.of("VALID", "REVOKED", "SUPERSEDED", "INVALID", "NOT_FOUND",
            "MALFORMED_NUMBER");

    private final VerificationStore store;

    VerificationHistory(VerificationStore store) {
        this.store = store;
    }

    /**
     * One recorded check.
     *
     * @param id its id
     * @param checkedAt when
     * @param channel where it was asked for (PUBLIC_PAGE, PUBLIC_API, CONSOLE, SERVICE)
     * @param submittedNumber the number entered, or null for an upload
     * @param fileSha256 the SHA-256 (hex) of the uploaded file, or null for a number
     * @param result the verdict, or MALFORMED_NUMBER
     * @param certificateNumber the certificate found, or null
     * @param username the signed-in user who asked, or null for an anonymous check
     */
    public record Check(UUID id, Instant checkedAt, String channel, String submittedNumber, String fileSha256,
            String result, String certificateNumber, String username) {
    }

    /**
     * A page of checks, newest first; {@code result} and {@code period} may be null (all). 400 {@code
     * unknown-result} naming the field {@code result} for a result that does not exist.
     */
    public PageResult<Check> list(String result, ReportPeriod period, int page, int size) {
        if (result != null && !RESULTS.contains(result)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "unknown-result", "result",
                    "choose one of " + String.join(", ", RESULTS));
        }
        return store.list(result, period, Math.max(0, page), Math.max(1, Math.min(size, 200)));
    }
}
