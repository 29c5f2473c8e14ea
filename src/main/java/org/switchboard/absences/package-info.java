/**
 * Absences: time-off requests (vacation, unpaid leave, business trip, training, other), sick leave entered by a
 * planner or manager, yearly allowances and balances, daily allotments per team with a waitlist, and the manager's
 * approval with its effect on coverage. Depends on operators and shared only: the coverage effect is asked of
 * {@link org.switchboard.absences.CoverageEffects}, which module rostering implements, and approved absences reach
 * the solver through {@link org.switchboard.absences.AbsenceCalendar} and the events of this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Absences")
package org.switchboard.absences;
