package dev.automateos.server.config;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Fails start-up for a setting {@link AutomateOsEnvironment} found invalid. It runs after the
 * logging system is configured, so the failure is reported as the CLI's single line.
 */
public class InvalidSettingReporter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String SETTING = "automateos.internal.invalid-setting";
    static final String PROBLEM = "automateos.internal.invalid-setting-problem";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String setting = event.getEnvironment().getProperty(SETTING);
        if (setting != null) {
            throw new InvalidSettingException(setting, event.getEnvironment().getProperty(PROBLEM, "is invalid"));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
