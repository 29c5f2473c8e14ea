package org.switchboard.rostering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.operators.PreferredShift;
import org.switchboard.operators.SetBy;
import org.switchboard.operators.Wish;
import org.switchboard.operators.WishType;

/** When a roster grants a wish (the board's "wishes 3/4"). */
class RosterWishesTest {

    static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);

    static Wish wish(WishType type, LocalDate date, PreferredShift kind) {
        return new Wish(1, 7, 1, MONDAY, MONDAY.plusDays(27), type, date, kind, null, SetBy.OPERATOR, "x", Instant.now());
    }

    @Test
    void grantedWishes() {
        Map<LocalDate, ShiftKind> worked = Map.of(MONDAY, ShiftKind.NIGHT, MONDAY.plusDays(1), ShiftKind.NIGHT,
                MONDAY.plusDays(9), ShiftKind.DAY);
        LocalDate last = MONDAY.plusDays(6);
        assertThat(RosterWishes.granted(wish(WishType.DAY_OFF, MONDAY.plusDays(2), null), worked, MONDAY, last)).isTrue();
        assertThat(RosterWishes.granted(wish(WishType.DAY_OFF, MONDAY, null), worked, MONDAY, last)).isFalse();
        assertThat(RosterWishes.granted(wish(WishType.SHIFT_KIND, MONDAY, PreferredShift.NIGHT), worked, MONDAY, last)).isTrue();
        assertThat(RosterWishes.granted(wish(WishType.SHIFT_KIND, MONDAY.plusDays(2), PreferredShift.NIGHT), worked,
                MONDAY, last)).as("a day off is not the night asked for").isFalse();
        // nights for the whole period: granted within the roster's first week, not over two weeks (a day shift on day 9)
        assertThat(RosterWishes.granted(wish(WishType.SHIFT_KIND, null, PreferredShift.NIGHT), worked, MONDAY, last)).isTrue();
        assertThat(RosterWishes.granted(wish(WishType.SHIFT_KIND, null, PreferredShift.NIGHT), worked, MONDAY,
                MONDAY.plusDays(13))).isFalse();
    }
}
