package org.switchboard.base.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.UI;
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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.select.SelectVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The frame of every signed-in screen: drawer with the menu, the signed-in user, the language switcher and sign-out;
 * at the header's end what other modules add ({@link HeaderItem}, e.g. the notifications bell).
 * The menu is built from the views' {@code @Menu} annotations and lists only the views the user's roles may open; a
 * menu title that is a message key ({@code menu.operators}) is shown in the reader's language.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final SideNav nav = new SideNav();
    private final H1 viewTitle = new H1();
    private final Translations translations;
    private final Select<Locale> language = new Select<>();

    public MainLayout(AuthenticationContext authentication, Translations translations,
            ObjectProvider<LanguagePreference> preference, ObjectProvider<HeaderItem> headerItems) {
        this.translations = translations;
        setPrimarySection(Section.DRAWER);
        viewTitle.addClassName("view-title");
        HorizontalLayout items = new HorizontalLayout();
        items.addClassName("header-items");
        items.getStyle().set("margin-inline", "auto var(--lumo-space-m)");
        headerItems.orderedStream().map(HeaderItem::create).forEach(items::add);
        addToNavbar(new DrawerToggle(), viewTitle, items);

        H1 appName = new H1("Switchboard");
        appName.addClassName("app-name");
        Header header = new Header(appName);
        addToDrawer(header, nav, userFooter(authentication, preference.getIfAvailable()));
    }

    private Footer userFooter(AuthenticationContext authentication, LanguagePreference preference) {
        Footer footer = new Footer();
        footer.addClassName("user-footer");
        language.setId("language");
        language.setAriaLabel(getTranslation("app.language"));
        language.setItems(Languages.ALL);
        language.setItemLabelGenerator(Languages::nameOf);
        language.setValue(Translations.supported(getLocale()));
        language.setWidth("8rem");
        language.addThemeVariants(SelectVariant.LUMO_SMALL);
        language.addValueChangeListener(e -> switchTo(e.getValue(), preference));
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setSpacing(false);
        authentication.getAuthenticatedUser(UserDetails.class).ifPresent(user -> {
            String roles = user.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .map(a -> a.replaceFirst("^ROLE_", ""))
                    .map(role -> getTranslation("role." + role))
                    .sorted()
                    .collect(Collectors.joining(", "));
            Span who = new Span(user.getUsername() + " (" + roles + ")");
            who.setId("signed-in-user");
            Button logout = new Button(getTranslation("app.signOut"), e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.TERTIARY);
            logout.setId("sign-out");
            content.add(who);
            content.add(new HorizontalLayout(language, logout));
        });
        footer.add(content);
        return footer;
    }

    /** The language switcher (English / Русский). */
    public Select<Locale> language() {
        return language;
    }

    /** Saves the chosen language in the profile and shows the open screen in it at once. */
    private void switchTo(Locale locale, LanguagePreference preference) {
        if (locale == null || Translations.supported(locale).equals(Translations.supported(getLocale()))) {
            return;
        }
        if (preference != null) {
            preference.save(locale);
        }
        UI ui = UI.getCurrent();
        Languages.apply(ui, locale);
        ui.refreshCurrentRoute(true);
    }

    /** A menu or page title that is a message key, in the reader's language; any other text as it is. */
    String translated(String title) {
        return title != null && translations.has(title) ? getTranslation(title) : title;
    }

    private void refreshMenu() {
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(translated(entry.title()), entry.path());
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
        viewTitle.setText(pageHeader());
    }

    /** The view's own translated title, else its menu title in the reader's language, else its page title. */
    private String pageHeader() {
        if (getContent() instanceof HasDynamicTitle dynamic) {
            return translated(dynamic.getPageTitle());
        }
        if (getContent() != null) {
            Class<?> type = getContent().getClass();
            for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
                if (type.equals(entry.menuClass())) {
                    return translated(entry.title());
                }
            }
        }
        return translated(MenuConfiguration.getPageHeader(getContent()).orElse(""));
    }
}
