package org.switchboard.base.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** Landing page after sign-in: what Switchboard does and where to go from here. */
@Route("")
@Menu(title = "menu.home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("");
        add(new H2(getTranslation("home.welcome", name)));
        add(new Paragraph(getTranslation("home.intro")));
        add(new Paragraph(getTranslation("home.menuHint")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home");
    }
}
