package org.switchboard.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Notifications only listens: no other module depends on it (base shows its bell through HeaderItem). */
class NotificationsBoundaryTest {

    @Test
    void noModuleDependsOnNotifications() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.switchboard");
        noClasses().that().resideOutsideOfPackage("org.switchboard.notifications..")
                .should().dependOnClassesThat().resideInAPackage("org.switchboard.notifications..")
                .because("notifications reacts to the other modules' events; they do not know it")
                .check(classes);
    }
}
