package org.switchboard.security;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.shared.NotFoundException;
import org.switchboard.shared.Roles;
import org.switchboard.shared.Text;
import org.switchboard.shared.ValidationFailedException;
import org.switchboard.shared.Violations;

/** Creates and maintains user accounts. Passwords are stored only as hashes. */
@Service
@Transactional
public class UserAccountService {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppUserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SignInProvider signIn;
    private final SignInGuard guard;
    private final AuditTrail audit;

    UserAccountService(AppUserRepository users, PasswordEncoder passwordEncoder, SignInProvider signIn,
            SignInGuard guard, AuditTrail audit) {
        this.audit = audit;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.signIn = signIn;
        this.guard = guard;
    }

    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<UserAccount> list() {
        return users.findAllByOrderByUsername().stream().map(AppUser::toAccount).toList();
    }

    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Optional<UserAccount> find(long id) {
        return users.findById(id).map(AppUser::toAccount);
    }

    /** The enabled accounts that have {@code role} (e.g. every manager, to tell them of a request), by username. */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public List<UserAccount> enabledWithRole(String role) {
        return users.findAllByOrderByUsername().stream().filter(AppUser::isEnabled)
                .filter(u -> u.roleNames().contains(role)).map(AppUser::toAccount).toList();
    }

    /** The account with this username (who decided or changed something, as other modules record it). */
    @PreAuthorize(Roles.READ_MASTER_DATA)
    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsername(String username) {
        return username == null ? Optional.empty() : users.findByUsername(username).map(AppUser::toAccount);
    }

    /** The signed-in user's account. */
    @PreAuthorize(Roles.SIGNED_IN)
    @Transactional(readOnly = true)
    public Optional<UserAccount> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? Optional.empty() : users.findByUsername(auth.getName()).map(AppUser::toAccount);
    }

    /**
     * Creates an account with a generated one-time password that must be changed at first sign-in.
     *
     * @return the one-time password, to hand to the user
     */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public String create(String username, String displayName, Set<String> roles) {
        String oneTime = generatePassword();
        createWithPassword(username, displayName, roles, oneTime, true);
        return oneTime;
    }

    /** Creates an account with a known password (demo users, start-up admin). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public UserAccount createWithPassword(
            String username, String displayName, Set<String> roles, String password, boolean mustChange) {
        String name = username == null ? "" : username.trim().toLowerCase();
        Violations.none()
                .check(!name.matches("[a-z0-9._-]{3,64}"), "username",
                        Text.of("error.user.username.pattern"))
                .check(users.existsByUsername(name), "username", Text.of("error.user.username.taken"))
                .check(displayName == null || displayName.isBlank(), "displayName", Text.of("error.user.displayName.required"))
                .check(roles == null || roles.isEmpty(), "roles", Text.of("error.user.roles.required"))
                .check(roles != null && !Roles.ALL.containsAll(roles), "roles", Text.of("error.user.roles.unknown"))
                .throwIfAny();
        checkPasswordStrength(password, "password");
        AppUser user = new AppUser(name, displayName.trim(), passwordEncoder.encode(password), roles);
        user.setMustChangePassword(mustChange);
        UserAccount saved = users.save(user).toAccount();
        audit.record(AuditKind.USER_CHANGED, "user", saved.username(), null, snapshot(saved), label(saved));
        return saved;
    }

    @PreAuthorize(Roles.ADMIN_ONLY)
    public UserAccount update(long id, String displayName, Set<String> roles, boolean enabled) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        Violations.none()
                .check(displayName == null || displayName.isBlank(), "displayName", Text.of("error.user.displayName.required"))
                .check(roles == null || roles.isEmpty(), "roles", Text.of("error.user.roles.required"))
                .check(roles != null && !Roles.ALL.containsAll(roles), "roles", Text.of("error.user.roles.unknown"))
                .check(isSelf(user) && (!enabled || roles == null || !roles.contains(Roles.ADMIN)), "roles",
                        Text.of("error.user.self"))
                .throwIfAny();
        Map<String, Object> before = snapshot(user.toAccount());
        user.setDisplayName(displayName.trim());
        user.setRoleNames(roles);
        user.setEnabled(enabled);
        signIn.forget(user.getUsername());
        UserAccount saved = users.save(user).toAccount();
        audit.record(AuditKind.USER_CHANGED, "user", saved.username(), before, snapshot(saved), label(saved));
        return saved;
    }

    /** Lifts a lock after too many wrong passwords (and the count of them). */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public void unlock(long id) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        UserAccount was = user.toAccount();
        guard.unlock(user.getId());
        signIn.forget(user.getUsername());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("locked", was.lockedAt(guard.now()));
        if (was.lockedUntil() != null) {
            before.put("lockedUntil", was.lockedUntil().toString());
        }
        audit.record(AuditKind.USER_UNLOCKED, "user", was.username(), before, Map.of("locked", false), label(was));
    }

    /** Sets a new generated one-time password. */
    @PreAuthorize(Roles.ADMIN_ONLY)
    public String resetPassword(long id) {
        AppUser user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
        String oneTime = generatePassword();
        user.setPasswordHash(passwordEncoder.encode(oneTime));
        user.setMustChangePassword(true);
        users.save(user);
        signIn.forget(user.getUsername());
        audit.record(AuditKind.PASSWORD_RESET, "user", user.getUsername(), null, null, label(user.toAccount()));
        return oneTime;
    }

    /** The signed-in user replaces their password, proving they know the current one. */
    @PreAuthorize(Roles.SIGNED_IN)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        AppUser user = users.findByUsername(auth.getName())
                .orElseThrow(() -> new NotFoundException("User", auth.getName()));
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
            throw ValidationFailedException.of("currentPassword", Text.of("error.user.password.wrong"));
        }
        checkPasswordStrength(newPassword, "newPassword");
        if (passwordEncoder.matches(newPassword, user.getPasswordHash())) {
            throw ValidationFailedException.of("newPassword", Text.of("error.user.password.same"));
        }
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        user.setMustChangePassword(false);
        users.save(user);
        signIn.forget(user.getUsername());
        audit.record(AuditKind.PASSWORD_CHANGED, "user", user.getUsername(), null, null, label(user.toAccount()));
    }

    /**
     * The signed-in user chooses the language of the UI (saved in their account, applied at every sign-in).
     * Only the languages the UI has are accepted: any Russian locale is stored as {@code ru}, everything else as
     * {@code en}; {@code null} forgets the choice (the browser's language applies again).
     */
    @PreAuthorize(Roles.SIGNED_IN)
    public void setOwnLocale(Locale locale) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        AppUser user = users.findByUsername(auth.getName())
                .orElseThrow(() -> new NotFoundException("User", auth.getName()));
        user.setLocale(locale == null ? null : "ru".equals(locale.getLanguage()) ? "ru" : "en");
        users.save(user);
    }

    /** The language the named user chose for the UI, if any (read at sign-in, before a security context exists). */
    @Transactional(readOnly = true)
    public Optional<Locale> chosenLocale(String username) {
        return users.findByUsername(username).map(AppUser::getLocale).map(Locale::forLanguageTag);
    }

    /** Whether any account exists (the first start of an empty database has none). */
    @Transactional(readOnly = true)
    public boolean anyUserExists() {
        return users.count() > 0;
    }

    /** Whether the named user still has to replace a one-time password. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword(String username) {
        return users.findByUsername(username).map(AppUser::isMustChangePassword).orElse(false);
    }

    /** What the audit trail keeps of an account: never its password. */
    private static Map<String, Object> snapshot(UserAccount a) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("username", a.username());
        s.put("displayName", a.displayName());
        s.put("roles", a.roles().stream().sorted().toList());
        s.put("enabled", a.enabled());
        return s;
    }

    private static Map<String, Object> label(UserAccount a) {
        return AuditTrail.facts("label", a.username(), "displayName", a.displayName());
    }

    static void checkPasswordStrength(String password, String field) {
        Violations.none()
                .check(password == null || password.length() < MIN_PASSWORD_LENGTH, field,
                        Text.of("error.user.password.short", String.valueOf(MIN_PASSWORD_LENGTH)))
                .check(password != null && password.length() > 128, field, Text.of("error.user.password.long"))
                .throwIfAny();
    }

    static String generatePassword() {
        StringBuilder sb = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            sb.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static boolean isSelf(AppUser user) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getName().equals(user.getUsername());
    }
}
