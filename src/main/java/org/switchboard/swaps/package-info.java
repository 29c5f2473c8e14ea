/**
 * Swaps: operators trading published shifts among themselves: a direct swap (a shift against a colleague's shift, or
 * against a day they are off), a give-away any eligible colleague may take, and open shifts a planner offers to pick
 * up. Every trade is checked with the roster's own rules when offered and again just before it is applied
 * ({@link org.switchboard.rostering.ShiftTrades}: the constraint streams through the solution manager), within the
 * team's trade rules; it is approved automatically when nothing breaks and the projected service level does not
 * fall below the team's threshold, else by a manager. Applied atomically into the published schedule. Every change of
 * state is kept and published as {@link org.switchboard.swaps.SwapChanged} (module notifications tells those
 * involved). Depends on rostering, operators, shared and base (the menu); module notifications depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Swaps")
package org.switchboard.swaps;
