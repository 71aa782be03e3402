package dev.automateos.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Spring Boot application. Started by the CLI's {@code server} command, never directly. */
// Accounts live in our own users table; Boot's in-memory user with a generated password would be a back door.
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
public class AutomateOsApplication {
}
