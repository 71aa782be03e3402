package dev.automateos.server.crypto;

import dev.automateos.server.config.AutomateOsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfig {

    @Bean
    MasterKey masterKey(AutomateOsProperties properties) {
        return MasterKey.load(properties);
    }
}
