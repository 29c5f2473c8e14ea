package org.switchboard.demand.staffing;

/**
 * Staffing figures for one interval.
 *
 * @param agents agents on the phones: for {@link StaffingCalculator#required} the smallest number
 *     meeting every target that is set; for {@link StaffingCalculator#evaluate} the number asked about
 * @param positions agents scheduled to cover shrinkage: ceil(agents / (1 - shrinkage))
 * @param serviceLevel fraction of offered calls answered within the answer time (Erlang A: abandoned
 *     calls count as not answered, see {@link ErlangA})
 * @param occupancy fraction of agent time busy with calls: carried load / agents (0 with no calls)
 * @param probabilityOfWaiting probability that a call has to queue
 * @param asaSeconds average speed of answer in seconds (Erlang A: of answered calls, see {@link ErlangA});
 *     +Infinity when the queue is unstable (Erlang C with load &ge; agents) or nobody is answered
 * @param abandonmentProbability fraction of offered calls that hang up while queuing; 0 for Erlang C
 */
public record StaffingResult(int agents, int positions, double serviceLevel, double occupancy,
        double probabilityOfWaiting, double asaSeconds, double abandonmentProbability) {}
