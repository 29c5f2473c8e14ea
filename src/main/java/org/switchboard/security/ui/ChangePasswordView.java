package org.switchboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.switchboard.base.ui.Notifications;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.ValidationFailedException;

/** Lets the signed-in user choose a new password; users with a one-time password are sent here first. */
@Route("change-password")
@PermitAll
public class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button change = new Button();

    public ChangePasswordView(UserAccountService accounts) {
        setMaxWidth("32rem");
        current.setLabel(getTranslation("password.current"));
        next.setLabel(getTranslation("password.new"));
        repeat.setLabel(getTranslation("password.repeat"));
        change.setText(getTranslation("menu.changePassword"));
        next.setHelperText(getTranslation("password.helper"));
        change.addThemeVariants(ButtonVariant.PRIMARY);
        change.addClickListener(e -> {
            current.setInvalid(false);
            next.setInvalid(false);
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("password.differ"));
                repeat.setInvalid(true);
                return;
            }
            try {
                accounts.changeOwnPassword(current.getValue(), next.getValue());
                Notifications.success(getTranslation("password.changed"));
                getUI().ifPresent(ui -> ui.navigate(""));
            } catch (ValidationFailedException ex) {
                ex.fieldErrors(getLocale()).forEach((field, reason) -> {
                    PasswordField f = field.equals("currentPassword") ? current : next;
                    f.setErrorMessage(reason);
                    f.setInvalid(true);
                });
            }
        });
        boolean mustChange = accounts.current().map(a -> a.mustChangePassword()).orElse(false);
        add(new H2(getTranslation("menu.changePassword")));
        if (mustChange) {
            add(new Paragraph(getTranslation("password.oneTime")));
        }
        add(new FormLayout(current, next, repeat), change);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.changePassword");
    }
}
