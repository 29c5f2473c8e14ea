package org.switchboard.rostering.solver;

import java.time.Instant;

/** An unpaid break where it is actually taken: [start, end). */
public record PlacedBreak(Instant start, Instant end) {

    Instant[] span() {
        return new Instant[] {start, end};
    }
}
