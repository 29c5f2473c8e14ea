package org.switchboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;

/** Administrators see an account locked after wrong passwords and lift the lock. */
@SpringBootTest
@Transactional
class UsersViewTest extends SpringBrowserlessTest {

    @Autowired
    UserAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aLockedAccountIsShownAndUnlocked() {
        accounts.createWithPassword("locked-user", "Locked user", Set.of(Roles.OPERATOR), "locked-user-password", false);
        jdbc.update("update app_user set failed_sign_ins = 10, locked_until = now() + interval '15 minutes'"
                + " where username = 'locked-user'");
        UsersView view = navigate(UsersView.class);
        UserAccount locked = accounts.list().stream().filter(a -> a.username().equals("locked-user")).findFirst()
                .orElseThrow();
        assertThat(view.grid.getColumnByKey("locked").getHeaderText()).isEqualTo("Sign-in");
        view.grid.asSingleSelect().setValue(locked);
        assertThat(view.unlock.isVisible()).isTrue();
        assertThat(view.unlock.getText()).isEqualTo("Unlock");

        test(view.unlock).click();
        assertThat(view.unlock.isVisible()).isFalse();
        assertThat(jdbc.queryForObject("select failed_sign_ins from app_user where username = 'locked-user'",
                Integer.class)).isZero();
        assertThat(accounts.list().stream().filter(a -> a.username().equals("locked-user")).findFirst().orElseThrow()
                .lockedUntil()).isNull();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void theFormsReasonsFollowTheReadersLanguage() {
        accounts.createWithPassword("nameless-user", "Nameless", Set.of(Roles.OPERATOR), "nameless-user-password", false);
        UserAccount account = accounts.list().stream().filter(a -> a.username().equals("nameless-user")).findFirst()
                .orElseThrow();
        for (var language : java.util.Map.of("ru", "Введите имя человека", "en", "Enter the person's name").entrySet()) {
            com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag(language.getKey()));
            UsersView view = navigate(UsersView.class);
            view.grid.asSingleSelect().setValue(account);
            test(view.displayName).setValue(" ");
            test(view.save).click();
            assertThat(view.displayName.isInvalid()).isTrue();
            assertThat(view.displayName.getErrorMessage()).as(language.getKey()).isEqualTo(language.getValue());
        }
    }
}
