package org.switchboard.base.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external database is configured, i.e. {@code spring.datasource.url} is missing or blank. */
public class NoDatasourceUrlCondition implements Condition {

    public static boolean embedded(org.springframework.core.env.Environment env) {
        return !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return embedded(context.getEnvironment());
    }
}
