package org.switchboard.schedule.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.switchboard.base.ui.Notifications;
import org.switchboard.schedule.CalendarFeeds;

/** The personal calendar feed's address, with Copy and Renew link (after a confirmation). */
class FeedPanel extends VerticalLayout {

    final TextField url = new TextField();
    final Button copy = new Button();
    final Button renew = new Button();
    ConfirmDialog confirm;

    private final CalendarFeeds feeds;
    private final String base;

    FeedPanel(CalendarFeeds feeds) {
        this.feeds = feeds;
        this.base = baseUrl();
        setPadding(false);
        H3 title = new H3(getTranslation("schedule.feed.title"));
        title.getStyle().set("margin-bottom", "0");
        Paragraph help = new Paragraph(getTranslation("schedule.feed.help"));
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        url.setId("feed-url");
        url.setReadOnly(true);
        url.setWidth("36rem");
        url.setMaxWidth("100%");
        url.setAriaLabel(getTranslation("schedule.feed.title"));
        copy.setText(getTranslation("schedule.feed.copy"));
        copy.setIcon(VaadinIcon.COPY_O.create());
        copy.addClickListener(e -> {
            url.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", url.getValue());
            Notifications.success(getTranslation("schedule.feed.copied"));
        });
        renew.setText(getTranslation("schedule.feed.renew"));
        renew.setIcon(VaadinIcon.REFRESH.create());
        renew.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        renew.addClickListener(e -> askToRenew());
        HorizontalLayout line = new HorizontalLayout(url, copy, renew);
        line.setAlignItems(Alignment.BASELINE);
        line.setWrap(true);
        add(title, help, line);
        url.setValue(address(feeds.myToken()));
    }

    void askToRenew() {
        confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("schedule.feed.renewTitle"));
        confirm.setText(getTranslation("schedule.feed.renewText"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("schedule.feed.cancel"));
        confirm.setConfirmText(getTranslation("schedule.feed.renewOk"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> renewNow());
        confirm.open();
    }

    void renewNow() {
        url.setValue(address(feeds.renewMyToken()));
        Notifications.success(getTranslation("schedule.feed.renewed"));
    }

    private String address(String token) {
        return base + CalendarFeeds.path(token);
    }

    /** The application's root URL as the browser reached it (behind a proxy: its forwarded host and scheme). */
    private static String baseUrl() {
        VaadinServletRequest request = com.vaadin.flow.server.VaadinRequest.getCurrent() instanceof VaadinServletRequest r ? r : null;
        if (request == null) {
            return "";
        }
        return ServletUriComponentsBuilder.fromContextPath(request.getHttpServletRequest()).build().toUriString();
    }
}
