package org.switchboard.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import org.switchboard.base.ui.Translations;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.base.ui.HomeView;
import org.switchboard.base.ui.MainLayout;
import org.switchboard.security.UserAccountService;

/** The language switcher in the frame saves the choice in the profile and shows the UI in it at once; sign-in applies it. */
@SpringBootTest
@Transactional
class UserLanguageTest extends SpringBrowserlessTest {

    @Autowired
    UserAccountService accounts;

    @Autowired
    UserLanguage userLanguage;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void switchingToRussianSavesItAndShowsRussianAtOnce() {
        navigate(HomeView.class);
        assertThat(menu()).contains("Home", "Operators");
        assertThat(accounts.current().orElseThrow().locale()).as("not chosen yet").isNull();

        test(find(MainLayout.class).single().language()).selectItem("Русский");

        assertThat(accounts.current().orElseThrow().locale().getLanguage()).as("stored as ru").isEqualTo("ru");
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("ru");
        assertThat(menu()).contains("Главная", "Операторы", "Группы", "Очереди", "Шаблоны смен")
                .doesNotContain("Home", "Operators");
        assertThat(find(H2.class).all()).extracting(H2::getText).contains("Добро пожаловать, planner");
        assertThat(find(MainLayout.class).all()).as("the frame is built again in Russian").hasSize(1);

        test(find(MainLayout.class).single().language()).selectItem("English");
        assertThat(accounts.current().orElseThrow().locale()).isEqualTo(Locale.ENGLISH);
        assertThat(menu()).contains("Home", "Operators");
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void aNewPageShowsTheSavedLanguage() {
        jdbc.update("update app_user set locale = 'ru' where username = 'planner'");
        navigate(HomeView.class);
        userLanguage.applyTo(UI.getCurrent()); // what every new page (UI) gets at its start
        UI.getCurrent().refreshCurrentRoute(true);
        assertThat(menu()).contains("Главная", "Операторы");
        assertThat(find(MainLayout.class).single().language().getValue()).isEqualTo(Translations.RUSSIAN);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void withoutAChoiceThePageKeepsTheBrowsersLanguage() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        navigate(HomeView.class);
        userLanguage.applyTo(UI.getCurrent()); // what every new page (UI) gets at its start
        UI.getCurrent().refreshCurrentRoute(true);
        assertThat(menu()).contains("Главная");
    }

    private List<String> menu() {
        return find(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
    }
}
