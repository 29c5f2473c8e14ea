/**
 * Staffing math for one interval: Erlang C (M/M/N) and Erlang A (M/M/N+M, exponential patience).
 * Pure Java, no Spring, thread-safe static functions.
 *
 * <p>Entry points: {@link org.switchboard.demand.staffing.StaffingCalculator#required} (smallest
 * number of agents meeting every target, with positions after shrinkage) and
 * {@link org.switchboard.demand.staffing.StaffingCalculator#evaluate} (the figures for a given number
 * of agents). {@link org.switchboard.demand.staffing.StaffingRequest#problems()} lists invalid fields
 * for a 400 answer. Lower-level formulas are in {@link org.switchboard.demand.staffing.ErlangC} and
 * {@link org.switchboard.demand.staffing.ErlangA}, whose Javadoc gives the Erlang A definitions of
 * service level and ASA.
 *
 * <p>This package sits inside the Demand module and is internal to it as far as Spring Modulith is
 * concerned; other modules reach staffing figures through Demand's services.
 */
package org.switchboard.demand.staffing;
