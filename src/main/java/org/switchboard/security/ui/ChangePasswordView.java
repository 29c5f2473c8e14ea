package org.switchboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.switchboard.base.ui.Notifications;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.ValidationFailedException;

/** Lets the signed-in user choose a new password; users with a one-time password are sent here first. */
@Route("change-password")
@PageTitle("Change password")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField next = new PasswordField("New password");
    final PasswordField repeat = new PasswordField("New password again");
    final Button change = new Button("Change password");

    public ChangePasswordView(UserAccountService accounts) {
        setMaxWidth("32rem");
        next.setHelperText("At least 10 characters");
        change.addThemeVariants(ButtonVariant.PRIMARY);
        change.addClickListener(e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ");
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                Notifications.success("Password changed");
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (ValidationFailedException ex) {
                ex.fieldErrors().forEach((field, reason) -> {
                    PasswordField f = field.equals("currentPassword") ? current : next;
                    f.setErrorMessage(reason);
                    f.setInvalid(true);
                });
            }
        });
        boolean mustChange = accounts.current().map(a -> a.mustChangePassword()).orElse(false);
        add(new H2("Change password"));
        if (mustChange) {
            add(new Paragraph("You signed in with a one-time password. Choose your own password to continue."));
        }
        add(new FormLayout(current, next, repeat), change);
    }
}
