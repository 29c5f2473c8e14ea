package org.switchboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.operators.ui.OperatorsView;

/** A user who still has a one-time password can open nothing but the change-password screen. */
@SpringBootTest
@Transactional
class PasswordChangeEnforcerTest extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void oneTimePasswordLeadsToChangePasswordFirst() {
        jdbc.update("update app_user set must_change_password = true where username = 'planner'");
        navigate("operators", Component.class);
        assertThat(find(OperatorsView.class).all()).isEmpty();
        assertThat(find(ChangePasswordView.class).all()).hasSize(1);

        ChangePasswordView view = find(ChangePasswordView.class).single();
        test(view.current).setValue("switchboard");
        test(view.next).setValue("a-new-planner-password");
        test(view.repeat).setValue("a-new-planner-password");
        test(view.change).click();

        navigate(OperatorsView.class);
        assertThat(find(OperatorsView.class).all()).hasSize(1);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void usersWithTheirOwnPasswordGoWhereTheyWant() {
        navigate(OperatorsView.class);
        assertThat(find(OperatorsView.class).all()).hasSize(1);
    }
}
