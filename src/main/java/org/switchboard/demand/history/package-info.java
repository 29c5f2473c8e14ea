/**
 * Call history: CSV import of interval files and call records (all or nothing, line and column in every
 * error, re-import replaces) and reading the stored history. Exposed as the named interface "history".
 */
@org.springframework.modulith.NamedInterface("history")
package org.switchboard.demand.history;
