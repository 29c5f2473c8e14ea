/**
 * Demand: queues (skills) with their service targets and opening hours. Call history, forecasts and
 * Erlang staffing requirements will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demand")
package org.switchboard.demand;
