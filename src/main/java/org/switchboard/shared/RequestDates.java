package org.switchboard.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates as the REST API takes them (ISO, {@code 2026-12-07}), refused with a field error in the caller's words. */
public final class RequestDates {

    private RequestDates() {}

    /**
     * The date the text holds, null for a missing or blank one.
     *
     * @param notDateKey the message key (one argument: the text) of the refusal
     * @throws ValidationFailedException on {@code field} when the text is not an ISO date
     */
    public static LocalDate optional(String field, String text, String notDateKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ValidationFailedException.of(field, Text.of(notDateKey, text));
        }
    }
}
