package org.switchboard.demand.history;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Counts call records into intervals (queue × local interval start) in primitive arrays: a file of millions of
 * calls costs about 40 bytes per interval, not per call.
 */
final class CallCounter {

    /** One counted interval. */
    interface Counted {
        void accept(int queue, LocalDateTime slot, int firstLine, int offered, int handled, int timed, long seconds);
    }

    private final LongIntMap index = new LongIntMap(1 << 12);
    private long[] keys = new long[1 << 10];
    private int[] firstLine = new int[1 << 10];
    private int[] offered = new int[1 << 10];
    private int[] handled = new int[1 << 10];
    private int[] timed = new int[1 << 10];
    private long[] seconds = new long[1 << 10];
    private int size;

    /** Counts one call of a queue (by index) in the interval starting at {@code slot} (local time). */
    void add(int queue, LocalDateTime slot, long line, boolean answered, Integer handleSeconds) {
        long key = (long) queue << 32 | HistoryRows.minuteOf(slot.toEpochSecond(ZoneOffset.UTC));
        int i = index.putIfAbsent(key, size, -1);
        if (i < 0) {
            i = size++;
            if (i == keys.length) {
                int n = keys.length * 2;
                keys = Arrays.copyOf(keys, n);
                firstLine = Arrays.copyOf(firstLine, n);
                offered = Arrays.copyOf(offered, n);
                handled = Arrays.copyOf(handled, n);
                timed = Arrays.copyOf(timed, n);
                seconds = Arrays.copyOf(seconds, n);
            }
            keys[i] = key;
            firstLine[i] = (int) Math.min(line, Integer.MAX_VALUE);
        }
        offered[i]++;
        if (answered) {
            handled[i]++;
            if (handleSeconds != null) {
                timed[i]++; // AHT comes from the handled calls that carry a handling time
                seconds[i] += handleSeconds;
            }
        }
    }

    void forEach(Counted counted) {
        for (int i = 0; i < size; i++) {
            LocalDateTime slot = LocalDateTime.ofEpochSecond(HistoryRows.epochSecondOf(keys[i] & 0xFFFF_FFFFL), 0,
                    ZoneOffset.UTC);
            counted.accept((int) (keys[i] >>> 32), slot, firstLine[i], offered[i], handled[i], timed[i], seconds[i]);
        }
    }
}
