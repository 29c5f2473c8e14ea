package org.switchboard.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * Reasons that are clashes with other records (a code taken, a record in use) make a refusal a conflict only when
 * every reason is one; mixed with wrong input it stays a plain validation failure naming all fields.
 */
class ConflictReasonsTest {

    @Test
    void onlyConflictsMakeAConflict() {
        ValidationFailedException taken = catchThrowableOfType(ValidationFailedException.class, () -> Violations.none()
                .conflict(true, "code", Text.literal("taken")).check(false, "name", "blank").throwIfAny());
        assertThat(taken.isConflict()).isTrue();
        assertThat(taken.conflicts()).containsExactly("code");
        assertThat(taken.fieldErrors()).containsOnlyKeys("code");

        ValidationFailedException mixed = catchThrowableOfType(ValidationFailedException.class, () -> Violations.none()
                .conflict(true, "code", Text.literal("taken")).check(true, "name", "blank").throwIfAny());
        assertThat(mixed.isConflict()).isFalse();
        assertThat(mixed.fieldErrors()).containsOnlyKeys("code", "name");

        // a field already refused keeps its first reason, and that reason is not a conflict
        ValidationFailedException first = catchThrowableOfType(ValidationFailedException.class, () -> Violations.none()
                .check(true, "code", "pattern").conflict(true, "code", Text.literal("taken")).throwIfAny());
        assertThat(first.isConflict()).isFalse();
        assertThat(first.fieldErrors()).containsEntry("code", "pattern");

        assertThat(ValidationFailedException.conflict("name", Text.literal("in use")).isConflict()).isTrue();
        assertThat(ValidationFailedException.of("name", "blank").isConflict()).isFalse();
    }
}
