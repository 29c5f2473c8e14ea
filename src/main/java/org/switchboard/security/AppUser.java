package org.switchboard.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A user account: the aggregate root of the security module's tables. */
@Table("app_user")
class AppUser {

    @Id
    private Long id;

    private String username;
    private String displayName;
    private String passwordHash;
    private boolean enabled = true;
    private boolean mustChangePassword;
    private Instant createdAt = Instant.now();
    /** A BCP 47 language tag ({@code en}, {@code ru}), null while the user has not chosen. */
    private String locale;

    /** Written only by {@link SignInGuard} (atomic counters), never by saving the account. */
    @ReadOnlyProperty
    private Instant lockedUntil;

    @Version
    private Integer version;

    @MappedCollection(idColumn = "app_user_id")
    private Set<UserRole> roles = new HashSet<>();

    AppUser() {}

    AppUser(String username, String displayName, String passwordHash, Set<String> roles) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        setRoleNames(roles);
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    boolean isMustChangePassword() {
        return mustChangePassword;
    }

    void setMustChangePassword(boolean mustChangePassword) {
        this.mustChangePassword = mustChangePassword;
    }

    String getLocale() {
        return locale;
    }

    void setLocale(String locale) {
        this.locale = locale;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<String> roleNames() {
        Set<String> names = new HashSet<>();
        roles.forEach(r -> names.add(r.role()));
        return names;
    }

    void setRoleNames(Set<String> names) {
        roles = new HashSet<>();
        names.forEach(n -> roles.add(new UserRole(n)));
    }

    UserAccount toAccount() {
        return new UserAccount(id, username, displayName, roleNames(), enabled, mustChangePassword, lockedUntil,
                locale == null ? null : Locale.forLanguageTag(locale));
    }
}
