package org.switchboard.notifications.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** Fired on the UI when the screen marked notifications read, so the bell counts again without a navigation. */
class NotificationsChanged extends ComponentEvent<UI> {

    NotificationsChanged(UI ui) {
        super(ui, false);
    }
}
