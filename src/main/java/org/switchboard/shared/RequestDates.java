package org.switchboard.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Dates as the REST API takes them (ISO, {@code 2026-12-07}, years 1 to 9999), refused with a field error in the
 * caller's words.
 */
public final class RequestDates {

    /** The earliest and latest date a request may name: ISO's four-digit years (PostgreSQL and date arithmetic cope). */
    public static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private RequestDates() {}

    /**
     * The date the text holds, null for a missing or blank one.
     *
     * @param notDateKey the message key (one argument: the text) of the refusal
     * @throws ValidationFailedException on {@code field} when the text is not an ISO date of the years 1 to 9999 (a
     *     date such as {@code +999999999-12-31} overflowed the day arithmetic after it, answering 500, or was stored)
     */
    public static LocalDate optional(String field, String text, String notDateKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of(field, Text.of(notDateKey, text));
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw ValidationFailedException.of(field, Text.of(notDateKey, text));
        }
        return date;
    }
}
