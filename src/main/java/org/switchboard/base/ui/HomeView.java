package org.switchboard.base.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** Landing page after sign-in: what Switchboard does and where to go from here. */
@Route("")
@PageTitle("Home")
@Menu(title = "Home", order = 0, icon = "vaadin:home")
@PermitAll
public class HomeView extends VerticalLayout {

    public HomeView(AuthenticationContext authentication) {
        String name = authentication.getPrincipalName().orElse("");
        add(new H2("Welcome, " + name));
        add(new Paragraph("Switchboard turns call history into interval forecasts, forecasts into required"
                + " operators, and requirements plus availability into day, evening and night rosters."));
        add(new Paragraph("Use the menu on the left: it lists the screens your role may use."));
    }
}
