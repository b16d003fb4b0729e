package vn.daihoi.delegate.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.daihoi.account.Access;
import vn.daihoi.common.RuleViolation;
import vn.daihoi.congress.CongressProjection;
import vn.daihoi.congress.CongressQueries;
import vn.daihoi.delegate.DelegateCategory;
import vn.daihoi.delegate.DelegateController;
import vn.daihoi.delegate.DelegateQueries.RollEntry;
import vn.daihoi.infra.edge.Limits;
import vn.daihoi.web.ConsoleForm;
import vn.daihoi.web.FormText;
import vn.daihoi.web.WebPage;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code /console/congresses/{congressId}/roll}: the roll as a table. A CSV file uploaded here goes through
 * the API's own import ({@link DelegateController#importCsv}): rows it cannot read come back with their line and
 * reason, the others are added once — a fixed file uploaded again adds only what was missing. One delegate can be
 * added, a delegate replaced by an alternate, and credential slips printed (all voters, those present, or one),
 * each through the API's method. A file too large or not a CSV is refused on the page ({@link UploadLimit}).
 */
@Controller
@WebPage
public class RollConsole {

    private final Access access;
    private final DelegateController delegates;
    private final CongressProjection congresses;
    private final ConsoleForm form;
    private final MessageSource messages;
    private final long csvLimit;

    public RollConsole(Access access, DelegateController delegates, CongressProjection congresses, ConsoleForm form,
                       MessageSource messages, @org.springframework.beans.factory.annotation.Value("${daihoi.limits.csv-body-bytes:2097152}") long csvLimit) {
        this.access = access;
        this.delegates = delegates;
        this.congresses = congresses;
        this.form = form;
        this.messages = messages;
        this.csvLimit = csvLimit;
    }

    /** The add-one form as typed. */
    public record NewFields(String code, String fullName, String birthDate, String category, String position) {
        static NewFields empty() {
            return new NewFields("", "", "", "DELEGATE", "");
        }
    }

    @GetMapping("/console/congresses/{congressId}/roll")
    public String roll(@PathVariable String congressId, @RequestParam(name = "refused", required = false) String refused,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        if ("too-large".equals(refused)) pageProblem("file-too-large", "file", 413, model, request, response, csvLimit / (1024 * 1024));
        return show(congressId, NewFields.empty(), model);
    }

    @PostMapping("/console/congresses/{congressId}/roll/import")
    public String importCsv(@PathVariable String congressId, @RequestParam(name = "file", required = false) MultipartFile file,
                            HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        access.requireOrganiserOfCongress(congressId);
        if (file == null || file.isEmpty()) {
            pageProblem("file-missing", "file", 422, model, request, response);
        } else if (file.getSize() > csvLimit) {
            pageProblem("file-too-large", "file", 413, model, request, response, csvLimit / (1024 * 1024));
        } else if (!isCsvName(file.getOriginalFilename())) {
            pageProblem("file-not-csv", "file", 422, model, request, response);
        } else {
            byte[] bytes = file.getBytes();
            DelegateController.ImportReport[] report = new DelegateController.ImportReport[1];
            if (form.run(null, () -> report[0] = onTheFile(() -> form.await(delegates.importCsv(congressId, bytes, null), model, response).getBody()), model, request, response)) {
                model.addAttribute("report", report[0]);
                model.addAttribute("fileName", FormText.line(file.getOriginalFilename(), Limits.NAME));
            }
        }
        return show(congressId, NewFields.empty(), model);
    }

    @PostMapping("/console/congresses/{congressId}/roll/delegates")
    public String add(@PathVariable String congressId, @RequestParam(name = "code", required = false) String code,
                      @RequestParam(name = "fullName", required = false) String fullName,
                      @RequestParam(name = "birthDate", required = false) String birthDate,
                      @RequestParam(name = "category", required = false) String category,
                      @RequestParam(name = "position", required = false) String position,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        NewFields typed = new NewFields(text(code, Limits.CODE), text(fullName, Limits.PERSON_NAME), text(birthDate, 10),
                text(category, Limits.WORD), text(position, Limits.NAME));
        DelegateController.NewDelegate body = new DelegateController.NewDelegate(null,
                new DelegateController.PersonBody(blank(typed.fullName()), day(typed.birthDate()), null, null, null),
                blank(typed.code()), category(typed.category()), null, blank(typed.position()));
        if (form.run(body, () -> delegates.add(congressId, body), model, request, response)) {
            model.addAttribute("added", typed.code());
            return show(congressId, NewFields.empty(), model);
        }
        model.addAttribute("failedForm", "add");
        return show(congressId, typed, model);
    }

    @PostMapping("/console/congresses/{congressId}/roll/replace")
    public String replace(@PathVariable String congressId, @RequestParam(name = "delegateId", required = false) String delegateId,
                          @RequestParam(name = "alternateId", required = false) String alternateId,
                          @RequestParam(name = "reason", required = false) String reason,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        String seat = text(delegateId, Limits.ID);
        DelegateController.Replacement body = new DelegateController.Replacement(blank(text(alternateId, Limits.ID)),
                blank(text(reason, Limits.REASON)));
        if (form.run(body, () -> delegates.replace(congressId, seat, body), model, request, response)) {
            model.addAttribute("replaced", true);
        } else {
            model.addAttribute("failedForm", "replace");
        }
        return show(congressId, NewFields.empty(), model);
    }

    /** The slips PDF (each listed delegate's code is reissued and printed once), or the page with the refusal. */
    @PostMapping("/console/congresses/{congressId}/roll/slips")
    public Object slips(@PathVariable String congressId, @RequestParam(name = "scope", required = false) String scope,
                        @RequestParam(name = "delegateId", required = false) String delegateId,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        access.requireOrganiserOfCongress(congressId);
        List<RollEntry> roll = delegates.roll(congressId).delegates();
        List<RollEntry> voters = roll.stream().filter(RollEntry::votes).toList();
        String chosen = text(delegateId, Limits.ID);
        List<String> ids = switch (scope == null ? "" : scope) {
            case "all" -> voters.stream().map(RollEntry::delegateId).toList();
            case "present" -> voters.stream().filter(RollEntry::present).map(RollEntry::delegateId).toList();
            case "one" -> chosen.isBlank() ? List.of() : List.of(chosen);
            default -> List.of();
        };
        DelegateController.Slips body = new DelegateController.Slips(ids);
        @SuppressWarnings("unchecked") ResponseEntity<byte[]>[] pdf = new ResponseEntity[1];
        if (form.run(body, () -> pdf[0] = form.await(delegates.slips(congressId, body), model, response), model, request, response)) {
            return pdf[0];
        }
        model.addAttribute("failedForm", "slips");
        return show(congressId, NewFields.empty(), model);
    }

    private String show(String congressId, NewFields fields, Model model) {
        CongressQueries.Dashboard d = congresses.dashboard(new CongressQueries.DashboardOf(congressId)).orElseThrow();
        List<RollEntry> roll = delegates.roll(congressId).delegates();
        model.addAttribute("congressId", congressId);
        model.addAttribute("dashboard", d);
        model.addAttribute("roll", roll);
        model.addAttribute("fields", fields);
        model.addAttribute("seated", roll.stream().filter(e -> e.category() == DelegateCategory.DELEGATE && e.replacedBy() == null).toList());
        model.addAttribute("alternates", roll.stream().filter(e -> e.category() == DelegateCategory.ALTERNATE && e.replaces() == null).toList());
        model.addAttribute("voters", roll.stream().filter(RollEntry::votes).toList());
        model.addAttribute("categories", List.of(DelegateCategory.DELEGATE, DelegateCategory.ALTERNATE, DelegateCategory.GUEST));
        model.addAttribute("csvLimitMb", csvLimit / (1024 * 1024));
        return "delegate/roll";
    }

    /** A refusal the page itself gives (the file never reached the import): in the page's words, next to the field. */
    private void pageProblem(String type, String field, int status, Model model, HttpServletRequest request,
                             HttpServletResponse response, Object... args) {
        Locale locale = RequestContextUtils.getLocale(request);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("problem", new ConsoleForm.PageProblem(type, type.startsWith("slips") ? "R-13" : "R-11", field,
                messages.getMessage("console.roll.problem." + type, args, locale), status));
    }

    /**
     * A refusal of the file as a whole (its encoding, a line too long, too many rows: the {@code csv-} types) is
     * shown next to the file field, like the page's own upload refusals; its type, rule and words stay the API's.
     */
    private static <T> T onTheFile(java.util.function.Supplier<T> importing) {
        try {
            return importing.get();
        } catch (RuntimeException e) {
            RuleViolation v = ConsoleForm.violation(e);
            if (v == null || !v.type().startsWith("csv-")) throw e;
            throw v.atField("file");
        }
    }

    static boolean isCsvName(String name) {
        if (name == null) return false;
        String n = name.toLowerCase(Locale.ROOT).strip();
        return n.endsWith(".csv") || n.endsWith(".txt");
    }

    private static String text(String value, int max) {
        String s = FormText.line(value, max);
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static LocalDate day(String s) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static DelegateCategory category(String s) {
        for (DelegateCategory c : DelegateCategory.values()) if (c.name().equals(s)) return c;
        return null;
    }
}
