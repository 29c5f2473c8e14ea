/**
 * Audit: the append-only trail of every change that matters: who (the signed-in user, "system" for automatic work),
 * when, what (kind and subject), the state before and after and the facts. Other modules record through
 * {@link org.switchboard.audit.AuditTrail} inside the changing transaction, so an entry is written exactly when the
 * change commits (failed sign-ins, which have no transaction, in one of their own). Entries are facts; the sentence is
 * rendered when read, in the reader's language. Managers and admins read them on the Audit screen and through
 * {@code GET /api/audit}. Depends on no other module (shared and base aside), so every module may record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.switchboard.audit;
