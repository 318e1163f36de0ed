package com.itadcustody.vendor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A vendor organisation with its contacts, sites and certifications as they stand on one day, and whether it may
 * take new handoffs.
 *
 * @param id the vendor's id
 * @param name its name
 * @param active false once deactivated (a deactivated vendor takes no new handoffs)
 * @param createdAt when it was registered
 * @param deactivatedAt when it was deactivated, or null
 * @param day the day the statuses are computed for
 * @param canTakeHandoffs whether it is active and holds a handoff-qualifying certification in force that day
 * @param warnings why it cannot take handoffs, and each certification that expires within the warning period
 * @param contacts its contacts
 * @param sites its sites
 * @param certifications its certifications with their status that day, newest end first
 */
public record VendorProfile(UUID id, String name, boolean active, Instant createdAt, Instant deactivatedAt,
        LocalDate day, boolean canTakeHandoffs, List<String> warnings, List<VendorContact> contacts,
        List<VendorSite> sites, List<CertificationState> certifications) {

    /**
     * A certification and its status on the profile's day.
     *
     * @param certification the certification
     * @param status its status
     * @param daysLeft days to its last valid day (0 on the last day, negative once expired)
     * @param qualifiesForHandoff whether its scheme is one that lets the vendor take handoffs
     */
    public record CertificationState(VendorCertification certification, CertificationStatus status, long daysLeft,
            boolean qualifiesForHandoff) {
    }
}
