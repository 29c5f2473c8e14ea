/** User accounts, roles, sign-in and the signed-in user. Other modules see {@link org.switchboard.security.UserAccountService}. */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.switchboard.security;
