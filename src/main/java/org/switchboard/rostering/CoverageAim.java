package org.switchboard.rostering;

/**
 * What a roster's coverage rule weighs a missing operator by.
 * <ul>
 *   <li>{@link #SERVICE_LEVEL} (the default): on an inbound queue, the calls that operator would answer within the
 *       target time (Erlang C, or A with a patience, from the interval's forecast calls and handling time), so a busy
 *       interval one short costs more than a quiet one; outbound intervals and intervals without calls weigh as an
 *       average inbound operator does.</li>
 *   <li>{@link #OPERATORS}: every missing operator-interval weighs the same (the linear shortage, as slot-style
 *       demand is always weighed).</li>
 * </ul>
 */
public enum CoverageAim {
    SERVICE_LEVEL, OPERATORS
}
