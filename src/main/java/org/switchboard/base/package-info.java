/**
 * The application shell: main layout and menu, database bootstrap (embedded PostgreSQL), demo-mode
 * switch, error handling and common UI pieces every module's screens use.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.switchboard.base;
