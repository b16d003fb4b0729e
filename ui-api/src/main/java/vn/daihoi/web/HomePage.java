package vn.daihoi.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page, and the page a form lands on when its session ended before it was sent. */
@Controller
@WebPage
public class HomePage {

    @GetMapping("/")
    public String home() {
        return "home";
    }

    @GetMapping("/expired")
    public String expired() {
        return "expired";
    }
}
