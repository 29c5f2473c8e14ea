package org.switchboard.operators;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/** A team of operators, usually with one supervisor and one shift pattern. */
@Table("team")
public class Team {

    @Id
    private Long id;

    @NotBlank(message = "{error.common.enterName}")
    @Size(max = 100, message = "{error.common.maxChars}")
    private String name;

    /**
     * The kinds of shift the team usually works, by name ({@link #SHIFT_KINDS}, the rostering module's shift kinds);
     * empty: any kind.
     */
    @Column("usual_shift_kinds")
    private Set<String> usualShiftKinds = new LinkedHashSet<>();

    /** Whether the roster may not give the team other kinds (true) or only weighs them as a cost (false). */
    @Column("usual_shift_kinds_hard")
    private boolean usualShiftKindsHard;

    @Version
    private Integer version;

    /** The shift kinds a team may name as usual (the rostering module's day, evening and night). */
    public static final List<String> SHIFT_KINDS = List.of("DAY", "EVENING", "NIGHT");

    public Team() {}

    public Team(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? null : name.trim();
    }

    public Set<String> getUsualShiftKinds() {
        return usualShiftKinds;
    }

    /** Kept in the order of {@link #SHIFT_KINDS}; null is none. */
    public void setUsualShiftKinds(Set<String> kinds) {
        Set<String> sorted = new LinkedHashSet<>();
        if (kinds != null) {
            SHIFT_KINDS.stream().filter(kinds::contains).forEach(sorted::add);
            kinds.stream().filter(k -> !SHIFT_KINDS.contains(k)).forEach(sorted::add);
        }
        this.usualShiftKinds = sorted;
    }

    public boolean isUsualShiftKindsHard() {
        return usualShiftKindsHard;
    }

    public void setUsualShiftKindsHard(boolean hard) {
        this.usualShiftKindsHard = hard;
    }

    @Override
    public String toString() {
        return name;
    }
}
