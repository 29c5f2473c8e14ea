package org.switchboard.notifications.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.shared.Registration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.switchboard.notifications.Notifications;

/**
 * The bell in the header of every signed-in screen: the number of unread notifications (counted again after every
 * navigation and when the notifications screen marks some read); a click opens the notifications screen.
 */
class NotificationBell extends Div implements AfterNavigationObserver {

    final Button button = new Button(VaadinIcon.BELL.create());
    final Span badge = new Span();
    private final Notifications notifications;
    private Registration changes;

    NotificationBell(Notifications notifications) {
        this.notifications = notifications;
        setId("notification-bell");
        getStyle().set("position", "relative").set("display", "inline-flex");
        button.addThemeVariants(ButtonVariant.TERTIARY);
        button.addClickListener(e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
        badge.addClassName("notification-count");
        badge.getStyle().set("position", "absolute").set("top", "0").set("right", "0")
                .set("min-width", "1.1em").set("padding", "0 0.3em").set("border-radius", "1em")
                .set("background", "var(--lumo-error-color)").set("color", "var(--lumo-error-contrast-color)")
                .set("font-size", "var(--lumo-font-size-xxs)").set("line-height", "1.5").set("text-align", "center")
                .set("pointer-events", "none");
        add(button, badge);
        refresh();
    }

    /** Counts the unread notifications again (nobody signed in, as on an error page before sign-in: none). */
    void refresh() {
        long unread;
        try {
            unread = notifications.unreadCount();
        } catch (AccessDeniedException | AuthenticationException e) {
            unread = 0;
        }
        badge.setText(unread > 99 ? "99+" : String.valueOf(unread));
        badge.setVisible(unread > 0);
        String label = unread == 0 ? getTranslation("notifications.bell.none")
                : getTranslation("notifications.bell.unread", unread);
        button.setAriaLabel(label);
        button.setTooltipText(label);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        changes = ComponentUtil.addListener(attachEvent.getUI(), NotificationsChanged.class, e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (changes != null) {
            changes.remove();
            changes = null;
        }
    }
}
