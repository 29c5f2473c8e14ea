/**
 * Notifications: in-app messages to a user about what changed for them, made by listening to other modules' events
 * (absences requested, decided, cancelled; shifts taken off or assigned; rosters published). One row per recipient
 * with the facts only; {@link org.switchboard.notifications.Notifications} reads the signed-in user's own, rendered
 * in the reader's language. Depends on absences, rostering, operators, security, shared and base (the header bell);
 * no module depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.switchboard.notifications;
