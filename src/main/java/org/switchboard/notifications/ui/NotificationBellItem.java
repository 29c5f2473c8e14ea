package org.switchboard.notifications.ui;

import com.vaadin.flow.component.Component;
import org.switchboard.base.ui.HeaderItem;
import org.switchboard.notifications.Notifications;

/** Puts the {@link NotificationBell} into the header of every signed-in screen. */
@org.springframework.stereotype.Component
class NotificationBellItem implements HeaderItem {

    private final Notifications notifications;

    NotificationBellItem(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Component create() {
        return new NotificationBell(notifications);
    }
}
