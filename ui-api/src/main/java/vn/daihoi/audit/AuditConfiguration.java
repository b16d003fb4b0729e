package vn.daihoi.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The checkpoint worker runs on Spring's scheduler (ADR 0018). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditConfiguration {
}
