package com.itadcustody.shared.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Liquibase owns the whole schema, Camunda's tables included, and the engine's own schema update is off; so the
 * process engine must not be built before Liquibase has migrated the database.
 */
@Configuration(proxyBeanMethods = false)
class SchemaBeforeEngine {

    static final String LIQUIBASE = "liquibase";
    static final String ENGINE_FACTORY = "processEngineFactoryBean";

    @Bean
    static BeanFactoryPostProcessor processEngineAfterLiquibase() {
        return beanFactory -> dependOn(beanFactory, ENGINE_FACTORY, LIQUIBASE);
    }

    private static void dependOn(ConfigurableListableBeanFactory factory, String bean, String dependency) {
        if (!factory.containsBeanDefinition(bean) || !factory.containsBeanDefinition(dependency)) {
            return;
        }
        BeanDefinition definition = factory.getBeanDefinition(bean);
        List<String> dependsOn = new ArrayList<>();
        if (definition.getDependsOn() != null) {
            dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
        }
        dependsOn.add(dependency);
        definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
