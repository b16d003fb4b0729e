package vn.daihoi.verifier;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** What the verifier prints: each line in Vietnamese, then in English; failures marked SAI / INVALID. */
public final class Report {
    private final List<String> lines = new ArrayList<>();
    private final List<Finding> failures = new ArrayList<>();

    void heading(String vi, String en) {
        lines.add("");
        lines.add("== " + vi + " · " + en);
    }

    void info(String vi, String en) {
        lines.add(vi);
        lines.add("   " + en);
    }

    void fail(Finding f) {
        failures.add(f);
        lines.add("  [SAI] " + f.vi());
        lines.add("        [INVALID] " + f.en());
    }

    void failAll(List<Finding> findings) {
        findings.forEach(this::fail);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    public List<Finding> failures() {
        return List.copyOf(failures);
    }

    public String text() {
        return String.join("\n", lines) + "\n";
    }

    void print(PrintStream out) {
        out.print(text());
        out.flush();
    }
}
