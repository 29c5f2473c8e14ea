/**
 * Schedule: what an operator sees of the published schedule (module rostering keeps it): their own shifts as a list
 * and a month, and a personal iCalendar feed at a secret-token URL. Swaps and substitution will live here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Schedule")
package org.switchboard.schedule;
