package dev.automateos.server.credential;

import dev.automateos.server.crypto.MasterKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CredentialConfig {

    @Bean
    CredentialCipher credentialCipher(MasterKey masterKey) {
        return new CredentialCipher(masterKey);
    }
}
