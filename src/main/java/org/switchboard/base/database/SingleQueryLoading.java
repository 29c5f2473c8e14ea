package org.switchboard.base.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.RelationalMappingContext;

/**
 * Spring Data JDBC loads an aggregate with its collection (an operator with its skills, a queue with its hours) in one
 * select for {@code findAll} and {@code findById}, instead of one more select per row for the collection: reading all
 * 64 (or 1,000) operators is one query, not 65 (or 1,001).
 */
@Configuration(proxyBeanMethods = false)
class SingleQueryLoading {

    @Bean
    static BeanPostProcessor singleQueryLoadingEnabler() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof RelationalMappingContext context) {
                    context.setSingleQueryLoadingEnabled(true);
                }
                return bean;
            }
        };
    }
}
