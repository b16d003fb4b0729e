package vn.daihoi.infra;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the person who typed the README's first command where to point the browser. */
@Component
public class StartupNotice {

    @EventListener
    public void onStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getEnvironment().containsProperty("seed")) return; // a seed run exits when done
        int port = event.getWebServer().getPort();
        System.out.printf("%nĐại hội đang chạy / is running: http://localhost:%d  (health: http://localhost:%d/actuator/health)%n%n",
                port, port);
    }
}
