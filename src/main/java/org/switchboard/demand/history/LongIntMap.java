package org.switchboard.demand.history;

import java.util.Arrays;

/**
 * A hash map from non-negative {@code long} keys to {@code int} values without boxing (open addressing, linear
 * probing): the import keeps one entry per interval of a file, and a 100 MB file has millions of them.
 * Twelve bytes per slot at most three quarters full: 2.6 million entries take about 50 MB.
 */
final class LongIntMap {

    private static final long FREE = -1;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;
    private int shift;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 4 / 3) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        values = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    int size() {
        return size;
    }

    /** The value of a key, or {@code missing}. */
    int get(long key, int missing) {
        int i = slot(key);
        while (keys[i] != FREE) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        return missing;
    }

    /** Stores the value unless the key is there already; returns the value that was there, or {@code missing}. */
    int putIfAbsent(long key, int value, int missing) {
        if (key < 0) {
            throw new IllegalArgumentException("keys are non-negative: " + key);
        }
        int i = slot(key);
        while (keys[i] != FREE) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        if (++size > (mask + 1) / 4 * 3) {
            grow();
        }
        return missing;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(oldKeys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != FREE) {
                int i = slot(oldKeys[j]);
                while (keys[i] != FREE) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    /** Fibonacci hashing: the top bits of the product spread neighbouring keys (consecutive intervals) apart. */
    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }
}
