package org.switchboard.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.switchboard.operators.ui.OperatorsView;
import org.switchboard.security.ui.UsersView;

/**
 * The menu lists only the screens the signed-in role may open, and the screens enforce it too; a refused or unknown
 * screen is said inside the frame; menu and pages speak the reader's language.
 */
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
        assertThat(menu()).containsExactly("Home", "My schedule", "Time off", "Shift swaps", "My availability", "My profile");
        navigate("operators", Component.class);
        assertThat(find(OperatorsView.class).all()).isEmpty();
        AccessDeniedView denied = find(AccessDeniedView.class).single();
        assertThat(denied.heading.getText()).isEqualTo("Not for your role");
        assertThat(denied.sentence.getText()).contains("/operators");
        assertThat(denied.home.getHref()).isEmpty(); // the home route ""
        assertThat(menu()).as("inside the frame, with the menu").containsExactly("Home", "My schedule", "Time off", "Shift swaps", "My availability", "My profile");
        assertThat(find(H1.class).all()).extracting(H1::getText).contains("Not for your role");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aScreenThatDoesNotExistIsSaidInsideTheFrame() {
        navigate("no-such-screen", Component.class);
        NotFoundView notFound = find(NotFoundView.class).single();
        assertThat(notFound.heading.getText()).isEqualTo("Page not found");
        assertThat(notFound.sentence.getText()).contains("/no-such-screen");
        assertThat(notFound.home.getText()).isEqualTo("Back to the home page");
        assertThat(menu()).contains("Home", "Operators");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void theMenuAndErrorPagesSpeakRussianToARussianReader() {
        UI.getCurrent().setLocale(Translations.RUSSIAN);
        navigate("no-such-screen", Component.class);
        assertThat(find(NotFoundView.class).single().heading.getText()).isEqualTo("Страница не найдена");
        assertThat(menu()).contains("Главная", "Операторы", "Группы", "Трудовые договоры", "Очереди", "Шаблоны смен",
                "Загрузка истории", "Прогноз", "Потребность", "Калькулятор Эрланга");
        navigate(OperatorsView.class);
        assertThat(find(H1.class).all()).extracting(H1::getText).contains("Операторы");
        assertThat(find(Button.class).withId("sign-out").single().getText()).isEqualTo("Выйти");
    }

    private List<String> menu() {
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
