package org.switchboard.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-level settings: Lumo theme and the app's own stylesheet (served as is from {@code frontend/}). */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://frontend-assets/switchboard.css")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Switchboard");
        // a headset on blue (frontend/favicon.svg, served as frontend-assets/favicon.svg)
        settings.addFavIcon("icon", "frontend-assets/favicon.svg", "any");
    }
}
