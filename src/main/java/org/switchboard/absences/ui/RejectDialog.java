package org.switchboard.absences.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.function.Consumer;
import org.switchboard.absences.AbsenceDecisions;

/** Asks for the reason of a rejection (required: the operator reads it) and hands it on. */
final class RejectDialog extends Dialog {

    final TextArea reason = new TextArea();
    final Button confirm = new Button();
    final Button cancel = new Button();

    RejectDialog(String what, Consumer<String> rejected) {
        setId("reject-dialog");
        setHeaderTitle(getTranslation("approvals.reject.title"));
        reason.setLabel(getTranslation("approvals.reject.reason"));
        reason.setRequired(true);
        reason.setMaxLength(AbsenceDecisions.MAX_REASON);
        reason.setWidth("28rem");
        reason.setId("reject-reason");
        confirm.setText(getTranslation("approvals.reject.confirm"));
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setId("reject-confirm");
        confirm.addClickListener(e -> {
            String text = reason.getValue() == null ? "" : reason.getValue().strip();
            if (text.isEmpty()) {
                reason.setErrorMessage(getTranslation("error.absence.reasonMissing"));
                reason.setInvalid(true);
                return;
            }
            close();
            rejected.accept(text);
        });
        cancel.setText(getTranslation("approvals.reject.cancel"));
        cancel.setId("reject-cancel");
        cancel.addClickListener(e -> close());
        add(new Paragraph(what), reason);
        getFooter().add(cancel, confirm);
    }
}
