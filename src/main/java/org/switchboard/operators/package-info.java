/**
 * Operators, their teams, grades, skills (queue + proficiency) and contracts; their recurring availability and their
 * wishes for wish periods (days off, preferred shift kinds) with the planner's deadlines.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operators")
package org.switchboard.operators;
