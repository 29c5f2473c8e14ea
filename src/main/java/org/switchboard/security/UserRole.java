package org.switchboard.security;

import org.springframework.data.relational.core.mapping.Table;

/** One role of a user account. */
@Table("app_user_role")
record UserRole(String role) {}
