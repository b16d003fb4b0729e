package vn.daihoi;

import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/** Đại hội: the one application, assembling the command side, the query side and the HTTP API. */
@SpringBootApplication(exclude = {UpdateCheckerAutoConfiguration.class, DataSourceAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
public class DaiHoiApplication {

    public static void main(String[] args) {
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication.run(DaiHoiApplication.class, args);
    }
}
