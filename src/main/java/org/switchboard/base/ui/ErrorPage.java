package org.switchboard.base.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

/**
 * What an error page inside the app frame shows: a heading, a clear sentence in the reader's language and a link back
 * to the home page; the frame around it keeps the menu.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

    final H2 heading = new H2();
    final Paragraph sentence = new Paragraph();
    final RouterLink home = new RouterLink();

    ErrorPage(String id) {
        setId(id);
        addClassName("error-page");
        home.setRoute(HomeView.class);
        home.setId("error-home");
        add(heading, sentence, home);
    }

    /** Fills the page from {@code <prefix>.title} and {@code <prefix>.text} (with the path as its argument). */
    void show(String prefix, String path) {
        heading.setText(getTranslation(prefix + ".title"));
        sentence.setText(getTranslation(prefix + ".text", "/" + path));
        home.setText(getTranslation("error.home"));
    }

    @Override
    public String getPageTitle() {
        return heading.getText();
    }
}
