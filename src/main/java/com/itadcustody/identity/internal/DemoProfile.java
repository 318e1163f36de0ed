package com.itadcustody.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Turns on the {@value #PROFILE} profile when the service runs on its embedded database ({@code itad.db.url}
 * blank) and {@code itad.demo.enabled} is true (the default); with an external database it stays off unless
 * someone activates it by hand. Registered in {@code META-INF/spring.factories}.
 *
 * <p>The decision is taken when the context starts refreshing, just before the configuration classes are read,
 * so that it also sees property sources added after the environment was prepared (a test's
 * {@code @DynamicPropertySource}, for one).
 */
public class DemoProfile implements EnvironmentPostProcessor {

    /** The profile's name. */
    public static final String PROFILE = "demo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        application.addInitializers(context -> context.addBeanFactoryPostProcessor(
                new Activation(context.getEnvironment())));
    }

    /** Whether the environment asks for demo data: embedded database and {@code itad.demo.enabled} not false. */
    static boolean wanted(Environment environment) {
        String url = environment.getProperty("itad.db.url", "");
        boolean enabled = environment.getProperty("itad.demo.enabled", Boolean.class, true);
        return url.isBlank() && enabled;
    }

    /** Adds the profile before any bean definition is read. */
    private static final class Activation implements BeanDefinitionRegistryPostProcessor {

        private static final Logger log = LoggerFactory.getLogger(DemoProfile.class);

        private final ConfigurableEnvironment environment;

        Activation(ConfigurableEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            if (!environment.matchesProfiles(PROFILE) && wanted(environment)) {
                environment.addActiveProfile(PROFILE);
                log.info("Profile '{}' on: embedded database and itad.demo.enabled=true", PROFILE);
            }
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            // everything happens on the registry
        }
    }
}
