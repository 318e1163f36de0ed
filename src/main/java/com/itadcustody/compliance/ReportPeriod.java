package com.itadcustody.compliance;

import com.itadcustody.shared.DomainRuleViolated;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpStatus;

/**
 * The period a report covers: whole UTC days from {@code from} to {@code to}, both included.
 *
 * @param from the first day
 * @param to the last day
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The longest period a report covers (ten years), so a typo in a year cannot ask for a millennium. */
    public static final long MAX_DAYS = 3660;

    /** Checks the order and length of the period. */
    public ReportPeriod {
        if (from == null || to == null) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", from == null ? "from" : "to",
                    "both dates are required");
        }
        if (to.isBefore(from)) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "period-order", "to",
                    "the end date " + to + " is before the start date " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "period-length", "to",
                    "a report covers at most ten years");
        }
    }

    /**
     * Reads a period from two {@code YYYY-MM-DD} texts; 400 naming the field ({@code from} or {@code to}) when one
     * is missing, is not a date, or the end is before the start.
     */
    public static ReportPeriod parse(String from, String to) {
        return new ReportPeriod(date(from, "from", "start"), date(to, "to", "end"));
    }

    /** The current calendar month up to today (UTC), the default of the report page. */
    public static ReportPeriod monthToDate() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new ReportPeriod(today.withDayOfMonth(1), today);
    }

    /** The first instant of the period (00:00 UTC on {@code from}). */
    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The first instant after the period (00:00 UTC on the day after {@code to}). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The period in words, e.g. "2026-11-01 to 2026-11-29 (UTC)". */
    public String label() {
        return from + " to " + to + " (UTC)";
    }

    private static LocalDate date(String text, String field, String which) {
        if (text == null || text.isBlank()) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "required", field,
                    "the " + which + " date is required (YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainRuleViolated(HttpStatus.BAD_REQUEST, "date-format", field,
                    "the " + which + " date \"" + abbreviated(text.strip()) + "\" is not a date like 2026-11-30");
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }
}
