package org.switchboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.operators.ui.OperatorsView;
import org.switchboard.security.ui.UsersView;

/** The menu lists only the screens the signed-in role may open, and the screens enforce it too. */
@SpringBootTest
class MainLayoutTest extends SpringBrowserlessTest {

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void plannerSeesPlanningScreensButNotUsers() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Home", "Operators", "Teams", "Contracts", "Queues", "Shift templates")
                .doesNotContain("Users", "My profile");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void adminAlsoSeesUsers() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Operators", "Users");
        navigate(UsersView.class);
        assertThat(find(UsersView.class).all()).hasSize(1);
    }

    @Test
    @WithMockUser(username = "operator", roles = "OPERATOR")
    void operatorSeesOnlyHomeAndCannotOpenOperators() {
        navigate(HomeView.class);
        // My schedule (module schedule) is open to every signed-in user; its title is a message key the frame translates
        assertThat(menu()).hasSize(3).startsWith("Home").endsWith("My profile");
        assertThat(menu().get(1)).isIn("My schedule", "menu.mySchedule");
        try {
            navigate(OperatorsView.class);
        } catch (RuntimeException | AssertionError refused) {
            // access control refuses the navigation
        }
        assertThat(find(OperatorsView.class).all()).isEmpty();
    }

    private List<String> menu() {
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
