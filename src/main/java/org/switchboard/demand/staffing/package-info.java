/**
 * Staffing: Erlang C and Erlang A (pure Java), the what-if API, and the stored staffing requirements per
 * queue and interval that rostering covers.
 */
@org.springframework.modulith.NamedInterface("staffing")
package org.switchboard.demand.staffing;
