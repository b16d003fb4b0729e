package vn.daihoi.infra.edge;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.PrintWriter;

/**
 * Tomcat's error report for what it refuses before Spring sees the request ({@code %00}, bad percent-encoding,
 * encoded slashes): a problem in JSON instead of an HTML page, and never a stack trace.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        String[] p = ProblemWriter.byStatus(status);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemWriter.json(status, p[0], null, p[1], p[2]));
                response.finishResponse();
            }
        } catch (Exception | Error e) {
            // The connection is going away; nothing more can be said to this client.
        }
    }
}
