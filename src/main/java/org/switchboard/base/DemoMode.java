package org.switchboard.base;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.switchboard.base.database.NoDatasourceUrlCondition;

/**
 * Demo mode seeds a realistic call center and demo logins. It is on by default with the embedded database
 * and off with an external one; {@code switchboard.demo.enabled} overrides either way.
 */
public final class DemoMode {

    public static final String PROPERTY = "switchboard.demo.enabled";

    private DemoMode() {}

    public static boolean enabled(Environment env) {
        return env.getProperty(PROPERTY, Boolean.class, NoDatasourceUrlCondition.embedded(env));
    }

    /** Matches in demo mode. */
    public static class On implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return enabled(context.getEnvironment());
        }
    }

    /** Matches outside demo mode. */
    public static class Off implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !enabled(context.getEnvironment());
        }
    }
}
