package org.switchboard.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import org.springframework.security.core.GrantedAuthority;

/**
 * The frame of every signed-in screen: drawer with the menu and the signed-in user. The menu is built
 * from the views' {@code @Menu} annotations and lists only the views the user's roles may open.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final SideNav nav = new SideNav();
    private final H1 viewTitle = new H1();

    public MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassName("view-title");
        addToNavbar(new DrawerToggle(), viewTitle);

        H1 appName = new H1("Switchboard");
        appName.addClassName("app-name");
        Header header = new Header(appName);
        addToDrawer(header, nav, userFooter(authentication));
    }

    private static Footer userFooter(AuthenticationContext authentication) {
        Footer footer = new Footer();
        footer.addClassName("user-footer");
        authentication.getAuthenticatedUser(org.springframework.security.core.userdetails.UserDetails.class)
                .ifPresent(user -> {
                    String roles = user.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority)
                            .map(a -> a.replaceFirst("^ROLE_", "").toLowerCase())
                            .sorted()
                            .collect(Collectors.joining(", "));
                    Span who = new Span(user.getUsername() + " (" + roles + ")");
                    who.setId("signed-in-user");
                    Button logout = new Button("Sign out", e -> authentication.logout());
                    logout.addThemeVariants(ButtonVariant.TERTIARY);
                    logout.setId("sign-out");
                    footer.add(new HorizontalLayout(who, logout));
                });
        return footer;
    }

    private void refreshMenu() {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null && !entry.icon().isBlank()) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (nav.getItems().isEmpty()) {
            refreshMenu();
        }
        viewTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
