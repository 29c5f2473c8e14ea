/**
 * Rostering: shift templates and their day / evening / night kind; the solver model (package {@code solver}) and
 * {@link org.switchboard.rostering.RosterProblemBuilder}, which builds a planning period from operators, contracts,
 * templates and the staffing requirements of module demand (named interface {@code staffing}). Rosters,
 * publishing and substitution will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rostering")
package org.switchboard.rostering;
