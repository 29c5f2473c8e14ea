package org.switchboard.swaps.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * What became of the reader's last step on the board: done ("Swap 12: approved automatically.") or refused, with each
 * broken rule or the reason in the reader's language. Refusals are also shown as a notification.
 */
final class Outcome extends Div {

    final UnorderedList lines = new UnorderedList();

    Outcome() {
        setId("swap-outcome");
        add(lines);
        setVisible(false);
    }

    void done(String text) {
        lines.removeAll();
        line(text, "swap-done");
        setVisible(true);
    }

    void refused(String what, List<String> messages) {
        lines.removeAll();
        line(what, "swap-refused");
        messages.forEach(m -> line(m, "swap-refused"));
        setVisible(true);
        org.switchboard.base.ui.Notifications.error(String.join(" ", messages));
    }

    private void line(String text, String className) {
        ListItem item = new ListItem(text);
        item.addClassName(className);
        lines.add(item);
    }

    String text() {
        return lines.getElement().getTextRecursively();
    }
}
