package org.switchboard.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short confirmations and errors at the bottom of the screen. */
public final class Notifications {

    private Notifications() {}

    public static void success(String text) {
        Notification n = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.SUCCESS);
    }

    /** A refusal at the bottom of the screen, until closed or 6 seconds have passed. */
    public static void error(String text) {
        Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.ERROR);
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
