package org.switchboard.operators;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An operator: who answers (or makes) the calls. Skills reference queues by id. */
@Table("operator")
public class Operator {

    @Id
    private Long id;

    @NotBlank(message = "{error.operator.employeeNumber.required}")
    @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "{error.operator.employeeNumber.pattern}")
    private String employeeNumber;

    @NotBlank(message = "{error.operator.firstName.required}")
    @Size(max = 100, message = "{error.common.maxChars}")
    private String firstName;

    @NotBlank(message = "{error.operator.lastName.required}")
    @Size(max = 100, message = "{error.common.maxChars}")
    private String lastName;

    @NotNull(message = "{error.operator.team.required}")
    private Long teamId;

    @NotNull(message = "{error.operator.grade.required}")
    private Grade grade = Grade.REGULAR;

    @NotNull(message = "{error.operator.contract.required}")
    private Long contractId;

    private boolean nightEligible;

    @NotBlank(message = "{error.common.chooseTimeZone}")
    private String timeZone = "Europe/Moscow";

    private Long userId;

    private boolean active = true;

    @Version
    private Integer version;

    @MappedCollection(idColumn = "operator_id")
    private Set<OperatorSkill> skills = new LinkedHashSet<>();

    public Long getId() {
        return id;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public void setEmployeeNumber(String employeeNumber) {
        this.employeeNumber = employeeNumber == null ? null : employeeNumber.trim();
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName == null ? null : firstName.trim();
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName == null ? null : lastName.trim();
    }

    /** "Ivanova, Anna" */
    public String fullName() {
        return lastName + ", " + firstName;
    }

    public Long getTeamId() {
        return teamId;
    }

    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }

    public Grade getGrade() {
        return grade;
    }

    public void setGrade(Grade grade) {
        this.grade = grade;
    }

    public Long getContractId() {
        return contractId;
    }

    public void setContractId(Long contractId) {
        this.contractId = contractId;
    }

    public boolean isNightEligible() {
        return nightEligible;
    }

    public void setNightEligible(boolean nightEligible) {
        this.nightEligible = nightEligible;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Long getUserId() {
        return userId;
    }

    public void setUserId(Long userId) {
        this.userId = userId;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    /** Skills, highest proficiency first. */
    public List<OperatorSkill> getSkills() {
        List<OperatorSkill> list = new ArrayList<>(skills);
        list.sort(Comparator.comparing(OperatorSkill::proficiency, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(OperatorSkill::queueId, Comparator.nullsLast(Comparator.naturalOrder())));
        return list;
    }

    public void setSkills(List<OperatorSkill> skills) {
        this.skills = skills == null ? new LinkedHashSet<>() : new LinkedHashSet<>(skills);
    }

    @Override
    public String toString() {
        return employeeNumber + " " + fullName();
    }
}
