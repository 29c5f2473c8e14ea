package org.switchboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.shared.ValidationFailedException;

/** Accounts, hashed passwords, roles at sign-in, and the first-start admin outside demo mode. */
@SpringBootTest
@Transactional
class UserAccountTest {

    @Autowired
    UserAccountService accounts;

    @Autowired
    AppUserRepository users;

    @Autowired
    AccountUserDetailsService userDetails;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void userWithRolesRoundTripsAndThePasswordIsStoredHashed() {
        AppUser saved = users.save(new AppUser("round.trip", "Round Trip", encoder.encode("a-long-secret"),
                Set.of("PLANNER", "MANAGER")));
        AppUser loaded = users.findByUsername("round.trip").orElseThrow();
        assertThat(loaded.getId()).isEqualTo(saved.getId());
        assertThat(loaded.roleNames()).containsExactlyInAnyOrder("PLANNER", "MANAGER");
        assertThat(loaded.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("a-long-secret");
        assertThat(encoder.matches("a-long-secret", loaded.getPasswordHash())).isTrue();
    }

    @Test
    void demoUsersSignInWithTheirRoles() {
        var planner = userDetails.loadUserByUsername("planner");
        assertThat(encoder.matches("switchboard", planner.getPassword())).isTrue();
        assertThat(planner.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_PLANNER");
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void adminCreatesAccountsWithAOneTimePassword() {
        String oneTime = accounts.create("new.planner", "New Planner", Set.of("PLANNER"));
        AppUser user = users.findByUsername("new.planner").orElseThrow();
        assertThat(user.isMustChangePassword()).isTrue();
        assertThat(encoder.matches(oneTime, user.getPasswordHash())).isTrue();
        assertThatThrownBy(() -> accounts.create("new.planner", "Twin", Set.of("PLANNER")))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("username", "This user name is taken"));
        assertThatThrownBy(() -> accounts.createWithPassword("new.planner", " ", Set.of(), "short", false))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> {
                    assertThat(e.fieldErrors(java.util.Locale.forLanguageTag("ru")))
                            .containsEntry("username", "Это имя пользователя уже занято")
                            .containsEntry("displayName", "Введите имя человека")
                            .containsEntry("roles", "Выберите хотя бы одну роль");
                    assertThat(e.fieldErrors()).containsEntry("displayName", "Enter the person's name");
                });
    }

    @Test
    @WithMockUser(roles = "PLANNER")
    void onlyAdminsManageAccounts() {
        assertThatThrownBy(() -> accounts.create("x.y.z", "X", Set.of("ADMIN"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void usersChangeTheirOwnPasswordKnowingTheCurrentOne() {
        assertThatThrownBy(() -> accounts.changeOwnPassword("wrong", "another-secret"))
                .isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> accounts.changeOwnPassword("switchboard", "short"))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("newPassword"));
        accounts.changeOwnPassword("switchboard", "another-secret");
        assertThat(encoder.matches("another-secret", users.findByUsername("manager").orElseThrow().getPasswordHash())).isTrue();
    }

    @Test
    void firstStartOnAnEmptyDatabaseCreatesAnAdminWithAOneTimePassword() {
        InitialAdminCreator creator = new InitialAdminCreator(accounts);
        assertThat(creator.createIfNoUsers()).as("users exist: nothing to do").isEmpty();

        jdbc.update("update operator set user_id = null");
        jdbc.update("delete from app_user");
        String password = creator.createIfNoUsers().orElseThrow();

        AppUser admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.roleNames()).containsExactly("ADMIN");
        assertThat(admin.isMustChangePassword()).isTrue();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(encoder.matches(password, admin.getPasswordHash())).isTrue();
    }
}
