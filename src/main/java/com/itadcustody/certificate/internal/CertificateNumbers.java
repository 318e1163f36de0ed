package com.itadcustody.certificate.internal;

import com.itadcustody.certificate.CertificateType;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Human-friendly certificate numbers: type prefix, year, a running number per type and year, and a Luhn check
 * digit that catches a mistyped digit or two swapped neighbours, e.g. {@code COS-2026-000123-4}.
 */
@Component
public class CertificateNumbers {

    private static final Pattern FORMAT = Pattern.compile("(COS|COD)-(\\d{4})-(\\d{6,12})-(\\d)");

    private final JdbcClient jdbc;

    CertificateNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the next number of this type for the current UTC year (in its own transaction; gaps are harmless). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(CertificateType type) {
        int year = Year.now(ZoneOffset.UTC).getValue();
        long running = jdbc.sql("""
                insert into certificate_number_counter (type, year, last) values (:type, :year, 1)
                on conflict (type, year) do update set last = certificate_number_counter.last + 1
                returning last""").param("type", type.name()).param("year", year).query(Long.class).single();
        return format(type, year, running);
    }

    /** The number for this type, year and running number. */
    static String format(CertificateType type, int year, long running) {
        String digits = "%04d%06d".formatted(year, running);
        return "%s-%04d-%06d-%d".formatted(type.prefix(), year, running, checkDigit(digits));
    }

    /**
     * The normalised number if {@code text} is a well-formed number with a correct check digit (case and
     * surrounding blanks ignored); empty otherwise.
     */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String candidate = text.strip().toUpperCase(java.util.Locale.ROOT);
        Matcher m = FORMAT.matcher(candidate);
        if (!m.matches()) {
            return Optional.empty();
        }
        int check = checkDigit(m.group(2) + m.group(3));
        return check == Integer.parseInt(m.group(4)) ? Optional.of(candidate) : Optional.empty();
    }

    /** Whether {@code text} has the shape of a number, whatever its check digit. */
    public static boolean looksLikeNumber(String text) {
        return text != null && FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT)).matches();
    }

    /** The Luhn check digit of a string of decimal digits. */
    static int checkDigit(String digits) {
        int sum = 0;
        boolean doubled = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (10 - sum % 10) % 10;
    }
}
