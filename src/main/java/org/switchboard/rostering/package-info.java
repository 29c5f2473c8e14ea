/**
 * Rostering: shift templates and their day / evening / night kind. Planning periods, rosters, the solver
 * model, publishing and substitution will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rostering")
package org.switchboard.rostering;
