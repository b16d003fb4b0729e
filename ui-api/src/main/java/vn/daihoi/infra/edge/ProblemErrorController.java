package vn.daihoi.infra.edge;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;

/**
 * Replaces Spring Boot's {@code /error}: whatever reached the servlet container's error dispatch (an exception
 * thrown by a filter, {@code sendError}) is answered as a problem, never as a white-label page or a stack trace.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        String[] p = ProblemWriter.byStatus(status);
        ProblemWriter.write(response, status, p[0], null, p[1], p[2]);
    }
}
