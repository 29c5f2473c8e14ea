package org.switchboard.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.switchboard.shared.ValidationFailedException;

/**
 * The edit form beside a grid: fields bound with bean validation, Save / Cancel / Delete, and the
 * service's own rule violations shown next to the field they concern. The bean being edited is always a
 * fresh copy, so nothing the user typed leaks into the grid before the service accepted it.
 *
 * @param <T> the edited record type
 */
public class EditorPanel<T> extends VerticalLayout {

    private final BeanValidationBinder<T> binder;
    private final FormLayout form = new FormLayout();
    private final H3 heading = new H3();
    private final Span globalError = new Span();
    private final Button save = new Button();
    private final Button cancel = new Button();
    private final Button delete = new Button();
    private final Function<T, T> saver;
    private final Function<T, ?> idOf;
    private Runnable afterChange = () -> {};
    private Consumer<T> deleter;
    private Function<T, String> titleOf = bean -> "";
    private Function<T, Optional<String>> deleteRefusal = bean -> Optional.empty();
    private T bean;

    /**
     * @param saver the service call that validates and stores a record, returning the stored one
     * @param idOf the record's id, {@code null} while it is new
     */
    public EditorPanel(Class<T> type, Function<T, T> saver, Function<T, ?> idOf) {
        this.binder = new BeanValidationBinder<>(type);
        this.saver = saver;
        this.idOf = idOf;
        addClassName("editor-panel");
        save.setText(getTranslation("editor.save"));
        cancel.setText(getTranslation("editor.cancel"));
        delete.setText(getTranslation("editor.delete"));
        setWidth("32rem");
        setPadding(true);
        globalError.addClassName("form-error");
        globalError.setVisible(false);
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(e -> save());
        cancel.addClickListener(e -> edit(null));
        delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        delete.addClickListener(e -> confirmDelete());
        delete.setVisible(false);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("24rem", 2));
        add(heading, globalError, form, new HorizontalLayout(save, cancel, delete));
        setVisible(false);
    }

    public BeanValidationBinder<T> binder() {
        return binder;
    }

    public FormLayout form() {
        return form;
    }

    public EditorPanel<T> withTitle(Function<T, String> titleOf) {
        this.titleOf = titleOf;
        return this;
    }

    /** Enables Delete for saved records. */
    public EditorPanel<T> withDelete(Consumer<T> deleter) {
        this.deleter = deleter;
        return this;
    }

    /**
     * Says why a delete cannot succeed (a team that still has operators), in the reader's language, or nothing when it
     * can: the reason is shown instead of the "cannot be undone" question, and as the Delete button's tooltip.
     */
    public EditorPanel<T> withDeleteRefusal(Function<T, Optional<String>> refusal) {
        this.deleteRefusal = refusal;
        return this;
    }

    /** Called after a successful save or delete (the grid reloads). */
    public void setAfterChange(Runnable afterChange) {
        this.afterChange = afterChange;
    }

    /** Read-only users see the values, read-only, with Close instead of Save, Cancel and Delete. */
    public void setEditable(boolean editable) {
        binder.setReadOnly(!editable);
        save.setVisible(editable);
        delete.setEnabled(editable);
        cancel.setText(getTranslation(editable ? "editor.cancel" : "editor.close"));
    }

    public boolean isEditable() {
        return save.isVisible();
    }

    /** Shows {@code bean} in the form, or hides the form for {@code null}. */
    public void edit(T bean) {
        this.bean = bean;
        clearErrors();
        setVisible(bean != null);
        if (bean != null) {
            binder.readBean(bean);
            heading.setText(titleOf.apply(bean));
            delete.setVisible(deleter != null && isEditable() && !isNew(bean));
            delete.setTooltipText(delete.isVisible() ? deleteRefusal.apply(bean).orElse(null) : null);
        }
    }

    public T bean() {
        return bean;
    }

    private boolean isNew(T bean) {
        return idOf.apply(bean) == null;
    }

    public Button saveButton() {
        return save;
    }

    public Button cancelButton() {
        return cancel;
    }

    /** The sentence above the form that says what went wrong (empty when nothing did). */
    public String globalError() {
        return globalError.isVisible() ? globalError.getText() : "";
    }

    public Button deleteButton() {
        return delete;
    }

    void save() {
        clearErrors();
        if (bean == null || !binder.writeBeanIfValid(bean)) {
            return;
        }
        try {
            T saved = saver.apply(bean);
            Notifications.success(getTranslation("editor.saved", titleOf.apply(saved)));
            edit(null);
            afterChange.run();
        } catch (ValidationFailedException e) {
            showErrors(e.fieldErrors(getLocale()));
        } catch (AccessDeniedException e) {
            showGlobal(getTranslation("editor.notAllowed"));
        } catch (OptimisticLockingFailureException e) {
            showGlobal(getTranslation("editor.changedMeanwhile"));
        } catch (DataIntegrityViolationException e) {
            showGlobal(getTranslation("editor.refused", Notifications.rootMessage(e)));
        }
    }

    private void confirmDelete() {
        if (bean == null || deleter == null) {
            return;
        }
        clearErrors();
        Optional<String> refusal = deleteRefusal.apply(bean);
        if (refusal.isPresent()) {
            showGlobal(refusal.get()); // why it cannot succeed, before any "cannot be undone"
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("editor.confirm.title", titleOf.apply(bean)));
        confirm.setText(getTranslation("editor.confirm.text"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("editor.cancel"));
        confirm.setConfirmText(getTranslation("editor.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> delete());
        confirm.open();
    }

    private void delete() {
        if (bean == null || deleter == null) {
            return;
        }
        try {
            deleter.accept(bean);
            Notifications.success(getTranslation("editor.deleted", titleOf.apply(bean)));
            edit(null);
            afterChange.run();
        } catch (ValidationFailedException e) {
            showErrors(e.fieldErrors(getLocale()));
        } catch (AccessDeniedException e) {
            showGlobal(getTranslation("editor.notAllowedDelete"));
        } catch (DataIntegrityViolationException e) {
            showGlobal(getTranslation("editor.inUse"));
        }
    }

    /** Puts each reason next to its field; reasons for unknown fields go to the top of the form. */
    public void showErrors(Map<String, String> errors) {
        List<String> unplaced = new ArrayList<>();
        errors.forEach((field, reason) -> binder.getBinding(field)
                .map(b -> b.getField())
                .filter(HasValidation.class::isInstance)
                .map(HasValidation.class::cast)
                .ifPresentOrElse(
                        f -> {
                            f.setErrorMessage(reason);
                            f.setInvalid(true);
                        },
                        () -> unplaced.add(reason)));
        if (!unplaced.isEmpty()) {
            showGlobal(String.join(" ", unplaced));
        }
    }

    private void showGlobal(String message) {
        globalError.setText(message);
        globalError.setVisible(true);
    }

    private void clearErrors() {
        globalError.setText("");
        globalError.setVisible(false);
    }
}
