package org.switchboard.notifications.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.switchboard.notifications.Notification;
import org.switchboard.notifications.Notifications;

/**
 * "Notifications": the signed-in user's notifications, newest first, unread ones marked; a click marks one read and
 * opens the screen it is about; "Mark all read". Open to every signed-in user (reached through the header's bell).
 */
@Route("notifications")
@PermitAll
public class NotificationsView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 50;

    private final Notifications notifications;
    private final DateTimeFormatter time;
    private final ZoneId zone;
    final Div list = new Div();
    final Button markAll = new Button();
    final Button more = new Button();
    final Paragraph empty = new Paragraph();
    final List<Notification> shown = new ArrayList<>();

    public NotificationsView(Notifications notifications) {
        this.notifications = notifications;
        Locale locale = getLocale() == null ? Locale.ENGLISH : getLocale();
        this.time = "ru".equals(locale.getLanguage()) ? DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm", locale)
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        this.zone = notifications.myZone();
        setMaxWidth("56rem");
        markAll.setText(getTranslation("notifications.markAllRead"));
        markAll.setId("mark-all-read");
        markAll.addClickListener(e -> {
            notifications.markAllRead();
            reload();
        });
        more.setText(getTranslation("notifications.more"));
        more.addThemeVariants(ButtonVariant.TERTIARY);
        more.addClickListener(e -> load(shown.size()));
        empty.setText(getTranslation("notifications.empty"));
        list.setId("notifications");
        list.setWidthFull();
        add(markAll, empty, list, more);
        reload();
    }

    /** Shows the newest page again (after marking read) and lets the bell count again. */
    void reload() {
        shown.clear();
        list.removeAll();
        load(0);
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new NotificationsChanged(ui));
        }
    }

    private void load(int offset) {
        List<Notification> page = notifications.mine(PAGE, offset);
        shown.addAll(page);
        page.forEach(n -> list.add(row(n)));
        more.setVisible(page.size() == PAGE);
        empty.setVisible(shown.isEmpty());
        markAll.setEnabled(shown.stream().anyMatch(n -> !n.read()));
    }

    private HorizontalLayout row(Notification n) {
        Span text = new Span(n.text(getLocale()));
        text.addClassName("notification-text");
        Span when = new Span(time.format(n.createdAt().atZone(zone)));
        when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("white-space", "nowrap");
        HorizontalLayout row = new HorizontalLayout(text, when);
        row.setWidthFull();
        row.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        row.addClassName("notification");
        row.getElement().setAttribute("data-id", String.valueOf(n.id()));
        row.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("cursor", "pointer")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        if (!n.read()) {
            row.addClassName("unread");
            row.getStyle().set("background", "var(--lumo-primary-color-10pct)");
            text.getStyle().set("font-weight", "600");
        }
        row.addClickListener(e -> open(n));
        return row;
    }

    /** Marks the notification read and opens the screen it is about (or stays here when it has none). */
    void open(Notification n) {
        notifications.markRead(n.id());
        if (n.link() == null || n.link().isBlank()) {
            reload();
        } else {
            UI.getCurrent().navigate(n.link());
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title");
    }
}
