/**
 * Operators, their teams, grades, skills (queue + proficiency) and contracts. Availability and preferences
 * will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operators")
package org.switchboard.operators;
