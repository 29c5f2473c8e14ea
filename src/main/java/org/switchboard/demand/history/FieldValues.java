package org.switchboard.demand.history;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import org.switchboard.shared.Text;

/**
 * Reads one value of a history file and checks it against the bounds an import accepts. A value out of bounds is
 * refused with the reason, never cut to fit or wrapped around:
 * <ul>
 * <li>dates from {@value #FIRST_DAY_TEXT} to {@value #LAST_DAY_TEXT} (history of the last decades; the bank
 * sample data is from 1999);
 * <li>calls (offered, handled, abandoned) from 0 to {@value #MAX_CALLS} per interval;
 * <li>AHT and a call's handling time from 0 to {@value #MAX_SECONDS} seconds (24 hours).
 * </ul>
 */
final class FieldValues {

    static final String FIRST_DAY_TEXT = "1970-01-01";
    static final String LAST_DAY_TEXT = "2100-12-31";
    static final LocalDate FIRST_DAY = LocalDate.parse(FIRST_DAY_TEXT);
    static final LocalDate LAST_DAY = LocalDate.parse(LAST_DAY_TEXT);
    static final int MAX_CALLS = 1_000_000;
    static final int MAX_SECONDS = 86_400;

    /** A value that cannot be taken; the message is the reason, as the user reads it. */
    static final class Refused extends Exception {
        final Text reason;

        Refused(Text reason) {
            super(reason.english(), null, false, false);
            this.reason = reason;
        }
    }

    private static final DateTimeFormatter TWO_DIGIT_YEAR = new DateTimeFormatterBuilder()
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter();
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE, DateTimeFormatter.BASIC_ISO_DATE, TWO_DIGIT_YEAR,
            DateTimeFormatter.ofPattern("dd.MM.uuuu"));
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

    private FieldValues() {}

    /** A date in one of the accepted forms, within the accepted years. */
    static LocalDate date(String v) throws Refused {
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
            int year = number(v, 0, 4);
            int month = number(v, 5, 7);
            int day = number(v, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return inRange(LocalDate.of(year, month, day), v);
                } catch (DateTimeException e) {
                    throw new Refused(Text.of("error.import.notDate", v));
                }
            }
        }
        for (DateTimeFormatter f : DATES) {
            try {
                return inRange(LocalDate.parse(v, f), v);
            } catch (DateTimeException e) {
                // try the next format
            }
        }
        throw new Refused(Text.of("error.import.notDate", v));
    }

    /** A time of day such as 8:05 or 08:05:30. */
    static LocalTime time(String v) throws Refused {
        LocalTime fast = fastTime(v, 0);
        if (fast != null) {
            return fast;
        }
        try {
            return LocalTime.parse(v, TIME);
        } catch (DateTimeParseException e) {
            throw new Refused(Text.of("error.import.notTime", v));
        }
    }

    /** A local date-time; one with an offset (Z, +03:00) is read as its instant and given in the zone's local time. */
    static LocalDateTime dateTime(String v, ZoneId zone) throws Refused {
        if ((v.length() == 16 || v.length() == 19) && v.charAt(4) == '-' && v.charAt(7) == '-'
                && (v.charAt(10) == 'T' || v.charAt(10) == ' ')) {
            // the usual form, read without the general parser (a file may have millions of them)
            int year = number(v, 0, 4);
            int month = number(v, 5, 7);
            int day = number(v, 8, 10);
            LocalTime time = v.charAt(13) == ':' ? fastTime(v, 11) : null;
            if (year >= 0 && month >= 0 && day >= 0 && time != null) {
                try {
                    return LocalDateTime.of(inRange(LocalDate.of(year, month, day), v), time);
                } catch (DateTimeException e) {
                    throw new Refused(Text.of("error.import.notDateTime", v));
                }
            }
        }
        String t = v.replace(' ', 'T');
        LocalDateTime local;
        try {
            if (t.length() > 16 && (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
                OffsetDateTime at = OffsetDateTime.parse(t);
                inRange(at.toLocalDate(), v);
                local = at.atZoneSameInstant(zone).toLocalDateTime();
            } else {
                local = LocalDateTime.parse(t);
            }
        } catch (DateTimeParseException e) {
            throw new Refused(Text.of("error.import.notDateTime", v));
        } catch (DateTimeException e) {
            throw new Refused(Text.of("error.import.outsideDates", v, FIRST_DAY_TEXT, LAST_DAY_TEXT));
        }
        inRange(local.toLocalDate(), v);
        return local;
    }

    /** HH:mm or HH:mm:ss (H:mm, H:mm:ss too) from {@code start} to the end of the text; null when it is not that. */
    private static LocalTime fastTime(String v, int start) {
        int colon = v.indexOf(':', start);
        int length = v.length() - start;
        if (colon < 0 || colon - start < 1 || colon - start > 2 || (length != colon - start + 3 && length != colon - start + 6)) {
            return null;
        }
        int hour = number(v, start, colon);
        int minute = number(v, colon + 1, colon + 3);
        int second = 0;
        if (length == colon - start + 6) {
            if (v.charAt(colon + 3) != ':') {
                return null;
            }
            second = number(v, colon + 4, colon + 6);
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null; // the general parser gives the reason
        }
        return LocalTime.of(hour, minute, second);
    }

    /** The digits from {@code from} to {@code to} as a number; -1 when any is not a digit. */
    private static int number(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static LocalDate inRange(LocalDate d, String v) throws Refused {
        if (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY)) {
            throw new Refused(Text.of("error.import.outsideDates", v, FIRST_DAY_TEXT, LAST_DAY_TEXT));
        }
        return d;
    }

    /**
     * A whole number from 0 to {@code max}. Plain digits are the usual case; a whole value written otherwise
     * (42.0, 2e3) is taken too, a fraction is not.
     */
    static int whole(String v, Text label, int max) throws Refused {
        long n = digits(v);
        if (n == NOT_DIGITS) {
            BigDecimal d = decimalOrNull(v);
            if (d == null || d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
                throw new Refused(Text.of("error.import.notWhole", v));
            }
            if (d.signum() < 0) {
                throw new Refused(Text.of("error.import.negative", label, v));
            }
            if (d.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw tooLarge(label, max, v);
            }
            return d.intValueExact();
        }
        if (n < 0) {
            throw new Refused(Text.of("error.import.negative", label, v));
        }
        if (n > max) {
            throw tooLarge(label, max, v);
        }
        return (int) n;
    }

    /** A number (decimal point or comma) from 0 to {@code max}. */
    static double decimal(String v, Text label, double max) throws Refused {
        BigDecimal d = decimalOrNull(v);
        if (d == null) {
            throw new Refused(Text.of("error.import.notNumber", v));
        }
        if (d.signum() < 0) {
            throw new Refused(Text.of("error.import.notPositive", label, v));
        }
        if (d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw tooLarge(label, max, v);
        }
        return d.doubleValue();
    }

    private static Refused tooLarge(Text label, double max, String v) {
        return new Refused(Text.of(max == MAX_SECONDS ? "error.import.tooLarge.seconds" : "error.import.tooLarge",
                label, (long) max, v));
    }

    private static final long NOT_DIGITS = Long.MIN_VALUE;

    /** Optional sign and up to 18 digits, else {@link #NOT_DIGITS}: the fast path for the usual values. */
    private static long digits(String v) {
        int start = v.startsWith("-") || v.startsWith("+") ? 1 : 0;
        int length = v.length() - start;
        if (length < 1 || length > 18) {
            if (length > 18 && v.chars().skip(start).allMatch(Character::isDigit)) {
                return v.charAt(0) == '-' ? -Long.MAX_VALUE : Long.MAX_VALUE;
            }
            return NOT_DIGITS;
        }
        long n = 0;
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_DIGITS;
            }
            n = n * 10 + (c - '0');
        }
        return v.charAt(0) == '-' ? -n : n;
    }

    /** Digits with a decimal point or comma and an optional exponent; no NaN, Infinity or hexadecimal forms. */
    private static BigDecimal decimalOrNull(String v) {
        String t = v.replace(',', '.');
        if (t.isEmpty() || t.length() > 40) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(t);
            // an exponent such as 1e999999999 is read, but its size is not worth computing with
            return d.precision() - d.scale() > 40 ? d.signum() < 0 ? BigDecimal.valueOf(-1e40) : BigDecimal.valueOf(1e40) : d;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
