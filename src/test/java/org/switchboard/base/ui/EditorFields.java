package org.switchboard.base.ui;

import com.vaadin.flow.component.HasValue;

/** Test helper: reaches the form field bound to a property of an {@link EditorPanel}. */
public final class EditorFields {

    private EditorFields() {}

    /** The field bound to {@code property}, typed by its presentation value. */
    @SuppressWarnings("unchecked")
    public static <V, F extends HasValue<?, V>> F field(EditorPanel<?> editor, String property) {
        return (F) editor.binder().getBinding(property)
                .orElseThrow(() -> new AssertionError("no field bound to " + property))
                .getField();
    }

    /** Types {@code value} into the field bound to {@code property}. */
    public static <V> void set(EditorPanel<?> editor, String property, V value) {
        EditorFields.<V, HasValue<?, V>>field(editor, property).setValue(value);
    }
}
