/**
 * Staffing: Erlang C and Erlang A (pure Java: {@link org.switchboard.demand.staffing.StaffingCalculator},
 * {@link org.switchboard.demand.staffing.ErlangC}, {@link org.switchboard.demand.staffing.ErlangA}), the
 * what-if API, and the stored staffing requirements per queue and interval that rostering covers.
 * Exposed to other modules as the named interface "staffing".
 */
@org.springframework.modulith.NamedInterface("staffing")
package org.switchboard.demand.staffing;
