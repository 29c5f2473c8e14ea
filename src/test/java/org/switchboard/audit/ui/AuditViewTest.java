package org.switchboard.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.audit.AuditEntry;
import org.switchboard.audit.AuditFixture;
import org.switchboard.audit.AuditKind;
import org.switchboard.audit.AuditTrail;
import org.switchboard.base.ui.AccessDeniedView;
import org.switchboard.base.ui.HomeView;
import org.switchboard.base.ui.Translations;

/**
 * The Audit trail screen as a manager sees it: the entries newest first with who, what and the sentence, narrowed by
 * user, kind and dates, a page at a time; in Russian for a Russian reader; in the menu for managers and admins only.
 */
@SpringBootTest
class AuditViewTest extends SpringBrowserlessTest {

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transactions;

    String actor;

    @BeforeEach
    void record() {
        actor = "audit-view-" + System.nanoTime();
        AuditFixture.as(actor, "PLANNER", () -> {
            transactions.executeWithoutResult(s -> {
                trail.record(AuditKind.TEAM_CHANGED, "team", 901, null, Map.of("name", "Nova"),
                        AuditTrail.facts("label", "Nova"));
                trail.record(AuditKind.TEAM_CHANGED, "team", 901, Map.of("name", "Nova"), Map.of("name", "Nova 2"),
                        AuditTrail.facts("label", "Nova 2"));
                trail.record(AuditKind.QUEUE_CHANGED, "queue", 902, Map.of("name", "Sales"), null,
                        AuditTrail.facts("label", "SALES Sales"));
            });
            return null;
        });
    }

    GridTester<?, AuditEntry> grid(AuditView view) {
        return test(view.grid);
    }

    static List<String> column(GridTester<?, AuditEntry> grid, String key) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            out.add(grid.getCellText(i, grid.getColumnPosition(key)));
        }
        return out;
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void aManagerFiltersByUserKindAndDates() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        AuditView view = navigate(AuditView.class);
        assertThat(view.getPageTitle()).isEqualTo("Audit trail");
        assertThat(grid(view).size()).isPositive();

        view.user.setValue(actor);
        var grid = grid(view);
        assertThat(column(grid, "text")).containsExactly("Deleted queue SALES Sales.",
                "Changed team Nova 2: name: Nova → Nova 2.", "Created team Nova.");
        assertThat(column(grid, "actor")).containsOnly(actor);
        assertThat(column(grid, "kind")).containsExactly("Queue changed", "Team changed", "Team changed");
        assertThat(column(grid, "subject")).containsExactly("Queue 902", "Team 901", "Team 901");
        assertThat(view.total.getText()).isEqualTo("Entries: 3");
        assertThat(view.pageInfo.getText()).isEqualTo("Page 1 of 1");
        assertThat(view.older.isEnabled()).isFalse();

        view.kinds.setValue(Set.of(AuditKind.QUEUE_CHANGED));
        assertThat(column(grid(view), "text")).containsExactly("Deleted queue SALES Sales.");
        view.kinds.clear();
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        view.from.setValue(today);
        view.to.setValue(today);
        assertThat(grid(view).size()).isEqualTo(3);
        view.to.setValue(today.minusDays(1));
        assertThat(grid(view).size()).isZero();
        assertThat(view.total.getText()).isEqualTo("Entries: 0");
        // an end before the start is said on the field, not sent
        view.from.setValue(today.plusDays(3));
        assertThat(view.to.isInvalid()).isTrue();
        assertThat(grid(view).size()).isZero();
        view.from.clear();
        assertThat(view.to.isInvalid()).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void pagesThroughOlderEntriesAndSpeaksRussian() {
        UI.getCurrent().setLocale(Translations.RUSSIAN);
        AuditView view = navigate(AuditView.class);
        assertThat(view.getPageTitle()).isEqualTo("Журнал изменений");
        assertThat(view.user.getLabel()).isEqualTo("Пользователь");
        view.user.setValue(actor);
        assertThat(column(grid(view), "text").getFirst()).isEqualTo("Удалена очередь SALES Sales.");
        assertThat(column(grid(view), "kind").getFirst()).isEqualTo("Изменение очереди");

        // every entry there is: more than a page, so the older ones are a click away
        view.user.clear();
        assertThat(view.shown.total()).as("the demo's seeding alone records more than a page")
                .isGreaterThan(AuditView.PAGE);
        assertThat(view.older.isEnabled()).isTrue();
        assertThat(view.newer.isEnabled()).isFalse();
        long newestOnFirst = view.shown.entries().getFirst().id();
        test(view.older).click();
        assertThat(view.page).isEqualTo(1);
        assertThat(view.shown.entries().getFirst().id()).isLessThan(newestOnFirst);
        assertThat(view.newer.isEnabled()).isTrue();
        assertThat(view.pageInfo.getText()).startsWith("Страница 2 из ");
        test(view.newer).click();
        assertThat(view.shown.entries().getFirst().id()).isEqualTo(newestOnFirst);
    }

    @Test
    @WithMockUser(username = "planner", roles = "PLANNER")
    void notForPlannersNorInTheirMenu() {
        navigate(HomeView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("Audit trail");
        navigate("audit", Component.class);
        assertThat(find(AuditView.class).all()).isEmpty();
        assertThat(find(AccessDeniedView.class).all()).hasSize(1);
    }

    @Test
    @WithMockUser(username = "manager", roles = "MANAGER")
    void inTheManagersMenu() {
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate(HomeView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Audit trail");
    }
}
