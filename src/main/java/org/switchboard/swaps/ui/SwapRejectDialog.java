package org.switchboard.swaps.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;

/** Asks for the reason of a rejection (required: the operators read it) and hands it on. */
final class SwapRejectDialog extends Dialog {

    /** As {@code Swaps.reject} allows. */
    static final int MAX_REASON = 1000;

    final TextArea reason = new TextArea();
    final Button confirm = new Button();
    final Button cancel = new Button();

    SwapRejectDialog(String what, Consumer<String> rejected) {
        setId("swap-reject-dialog");
        setHeaderTitle(getTranslation("swapui.reject.title"));
        reason.setLabel(getTranslation("swapui.reject.reason"));
        reason.setRequired(true);
        reason.setMaxLength(MAX_REASON);
        reason.setWidth("28rem");
        reason.setId("swap-reject-reason");
        confirm.setText(getTranslation("swapui.reject.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setId("swap-reject-confirm");
        confirm.addClickListener(e -> {
            String text = reason.getValue() == null ? "" : reason.getValue().strip();
            if (text.isEmpty()) {
                reason.setErrorMessage(getTranslation("swap.error.reasonMissing"));
                reason.setInvalid(true);
                return;
            }
            close();
            rejected.accept(text);
        });
        cancel.setText(getTranslation("swapui.reject.back"));
        cancel.setId("swap-reject-cancel");
        cancel.addClickListener(e -> close());
        add(new Paragraph(what), reason);
        getFooter().add(cancel, confirm);
    }
}
