package org.switchboard.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;

/**
 * The bounds of the audit's filters as the API and the screen take them: an instant ({@code 2026-12-07T09:00:00Z}, or
 * with an offset), a local date-time, or a date (a whole day) in the given zone. {@code from} is inclusive; a date as
 * {@code to} includes that day, an instant as {@code to} is the exclusive end.
 */
public final class AuditTimes {

    private AuditTimes() {}

    /** The first instant of a {@code from} filter, or null for a blank text. */
    public static Instant from(String field, String text, ZoneId zone) {
        return parse(field, text, zone, false);
    }

    /** The exclusive end of a {@code to} filter, or null for a blank text. */
    public static Instant to(String field, String text, ZoneId zone) {
        return parse(field, text, zone, true);
    }

    /** The start of the day in the zone (from a date picker's {@code from}). */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** The start of the next day in the zone (a date picker's inclusive {@code to}). */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static Instant parse(String field, String text, ZoneId zone, boolean end) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() <= 10) {
                LocalDate day = LocalDate.parse(t);
                return end ? endOf(day, zone) : startOf(day, zone);
            }
            if (t.endsWith("Z") || t.endsWith("z")) {
                return Instant.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            if (t.matches(".*[+-]\\d\\d:?\\d\\d$") && t.indexOf('T') > 0) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of(field, Text.of("audit.error.time", cut(t)));
        }
    }

    private static String cut(String t) {
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
