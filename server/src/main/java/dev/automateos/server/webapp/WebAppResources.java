package dev.automateos.server.webapp;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The app's built files. Their names carry a content hash, so browsers may keep them for a year. */
@Configuration(proxyBeanMethods = false)
class WebAppResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/" + WebAppController.APP_LOCATION + "assets/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/favicon.svg")
                .addResourceLocations("classpath:/" + WebAppController.APP_LOCATION)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)));
    }
}
