package org.switchboard.operators;

import java.time.LocalDate;

/**
 * A wish as a client states it: {@code type} DAY_OFF with a {@code date}; or SHIFT_KIND with a {@code kind} and a
 * {@code date}, or without a date for the whole period ({@code periodId}, or the only open period).
 */
public record NewWish(WishType type, LocalDate date, PreferredShift kind, Long periodId, String note) {
}
