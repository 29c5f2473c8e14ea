package org.switchboard.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.switchboard.base.ui.Languages;
import org.switchboard.base.ui.Notifications;
import org.switchboard.security.UserAccount;
import org.switchboard.security.UserAccountService;
import org.switchboard.shared.Roles;
import org.switchboard.shared.ValidationFailedException;

/** Administrators create accounts, assign roles, disable accounts and reset passwords. */
@Route("users")
@Menu(title = "menu.users", order = 90, icon = "vaadin:key")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends HorizontalLayout implements HasDynamicTitle {

    final Grid<UserAccount> grid = new Grid<>(UserAccount.class, false);
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final CheckboxGroup<String> roles = new CheckboxGroup<>();
    final Checkbox enabled = new Checkbox();
    final Button save = new Button();
    final Button resetPassword = new Button();
    final Button unlock = new Button();
    private final java.time.format.DateTimeFormatter time = Languages.dateTime(getLocale())
            .withZone(java.time.ZoneId.systemDefault());
    private final VerticalLayout form;
    private final UserAccountService accounts;
    private UserAccount editing;

    public UsersView(UserAccountService accounts) {
        this.accounts = accounts;
        setSizeFull();
        username.setLabel(getTranslation("users.username"));
        displayName.setLabel(getTranslation("users.name"));
        roles.setLabel(getTranslation("users.roles"));
        enabled.setLabel(getTranslation("users.enabled"));
        save.setText(getTranslation("editor.save"));
        resetPassword.setText(getTranslation("users.resetPassword"));
        grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username")).setSortable(true);
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("users.name")).setSortable(true);
        grid.addColumn(a -> String.join(", ", new TreeSet<>(a.roles().stream().map(r -> getTranslation("role." + r)).toList()))).setHeader(getTranslation("users.roles"));
        grid.addColumn(a -> getTranslation(a.enabled() ? "common.yes" : "common.no")).setHeader(getTranslation("users.enabled"));
        grid.addColumn(a -> a.mustChangePassword() ? getTranslation("users.oneTime") : "")
                .setHeader(getTranslation("users.password"));
        grid.addColumn(a -> a.lockedAt(Instant.now()) ? getTranslation("users.lockedUntil", time.format(a.lockedUntil())) : "")
                .setHeader(getTranslation("users.signIn")).setKey("locked");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        roles.setItems(Roles.ALL);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        resetPassword.addClickListener(e -> resetPassword());
        unlock.setText(getTranslation("users.unlock"));
        unlock.addClickListener(e -> {
            accounts.unlock(editing.id());
            Notifications.success(getTranslation("users.unlocked", editing.username()));
            unlock.setVisible(false);
            refresh();
        });
        Button add = new Button(getTranslation("users.new"), e -> {
            grid.asSingleSelect().clear();
            edit(new UserAccount(null, "", "", Set.of(Roles.OPERATOR), true, true, null, null));
        });
        form = new VerticalLayout(new H3(getTranslation("users.user")), username, displayName, roles, enabled,
                new HorizontalLayout(save, resetPassword, unlock));
        form.setWidth("24rem");
        form.setVisible(false);
        VerticalLayout left = new VerticalLayout(add, grid);
        left.setSizeFull();
        add(left, form);
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.list());
    }

    private void edit(UserAccount account) {
        editing = account;
        form.setVisible(account != null);
        if (account == null) {
            return;
        }
        username.setValue(account.username());
        username.setReadOnly(account.id() != null);
        username.setInvalid(false);
        displayName.setValue(account.displayName());
        displayName.setInvalid(false);
        roles.setValue(account.roles());
        roles.setInvalid(false);
        enabled.setValue(account.enabled());
        resetPassword.setVisible(account.id() != null);
        unlock.setVisible(account.lockedAt(Instant.now()));
    }

    private void save() {
        try {
            Set<String> chosen = new HashSet<>(roles.getValue());
            if (editing.id() == null) {
                String oneTime = accounts.create(username.getValue(), displayName.getValue(), chosen);
                showPassword(username.getValue().trim().toLowerCase(), oneTime);
            } else {
                accounts.update(editing.id(), displayName.getValue(), chosen, enabled.getValue());
                Notifications.success(getTranslation("editor.saved", editing.username()));
            }
            form.setVisible(false);
            refresh();
        } catch (ValidationFailedException ex) {
            ex.fieldErrors(getLocale()).forEach((field, reason) -> {
                switch (field) {
                    case "username" -> { username.setErrorMessage(reason); username.setInvalid(true); }
                    case "displayName" -> { displayName.setErrorMessage(reason); displayName.setInvalid(true); }
                    default -> { roles.setErrorMessage(reason); roles.setInvalid(true); }
                }
            });
        }
    }

    private void resetPassword() {
        String oneTime = accounts.resetPassword(editing.id());
        showPassword(editing.username(), oneTime);
        refresh();
    }

    private void showPassword(String user, String oneTime) {
        Dialog dialog = new Dialog();
        Span password = new Span(oneTime);
        password.setId("one-time-password");
        dialog.add(new Paragraph(getTranslation("users.oneTimeShown", user)), password);
        dialog.getFooter().add(new Button(getTranslation("editor.close"), e -> dialog.close()));
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.users");
    }
}
