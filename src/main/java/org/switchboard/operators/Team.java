package org.switchboard.operators;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A team of operators, usually with one supervisor and one shift pattern. */
@Table("team")
public class Team {

    @Id
    private Long id;

    @NotBlank(message = "{error.common.enterName}")
    @Size(max = 100, message = "{error.common.maxChars}")
    private String name;

    @Version
    private Integer version;

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

    @Override
    public String toString() {
        return name;
    }
}
