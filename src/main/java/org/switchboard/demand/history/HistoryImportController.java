package org.switchboard.demand.history;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.switchboard.base.api.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.switchboard.shared.Roles;

/**
 * {@code POST /api/history/import}: the import screen's checks, limits and all-or-nothing writing for scripts.
 * Multipart field {@code file}; optional {@code kind}, {@code queue}, {@code intervalMinutes} (default: detected from
 * the starts of an interval file, else 30), {@code encoding},
 * {@code column.<field>}, {@code queue.<value>}, {@code answered}, {@code ignored} (see docs/demand.md). Answers
 * 200 with a summary, or RFC 9457 problem details: 400 with {@code errors} [{line, column, reason}] or
 * [{field, reason}], 413 for a file above the size limit.
 */
@RestController
class HistoryImportController {

    private static final Set<String> PLAIN = Set.of("kind", "queue", "intervalMinutes", "encoding", "answered", "ignored");

    private final HistoryImportService imports;

    HistoryImportController(HistoryImportService imports) {
        this.imports = imports;
    }

    /** What an import wrote. */
    record ImportSummary(long importId, String fileName, String encoding, int dataRows, int skippedRows,
            Map<String, Integer> intervals, int totalIntervals, int replaced, LocalDate firstDay, LocalDate lastDay,
            Integer intervalMinutes) {}

    /** The request's parameters are wrong: field → reason. */
    static final class BadParameters extends RuntimeException {
        final Map<String, String> reasons;

        BadParameters(Map<String, String> reasons) {
            super(reasons.toString(), null, false, false);
            this.reasons = reasons;
        }
    }

    @PostMapping(path = "/api/history/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.EDIT_MASTER_DATA)
    ImportSummary importHistory(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam MultiValueMap<String, String> params) {
        Map<String, String> bad = new LinkedHashMap<>();
        if (file == null || file.isEmpty()) {
            bad.put("file", "Send the history file (CSV) as the multipart field \"file\"");
        } else if (file.getSize() > imports.limits().maxFileSize().toBytes()) {
            throw new ImportTooLargeException(imports.limits());
        }
        String encoding = single(params, "encoding", bad);
        if (encoding != null && !HistoryImportService.knownEncoding(encoding)) {
            bad.put("encoding", "Unknown encoding \"" + encoding + "\"; use one such as "
                    + String.join(", ", TextEncoding.OFFERED));
        }
        ImportKind kind = kind(single(params, "kind", bad), bad);
        Integer minutes = minutes(single(params, "intervalMinutes", bad), bad);
        String queue = single(params, "queue", bad);
        Map<HistoryField, String> columns = new LinkedHashMap<>();
        Map<String, String> queueCodes = new LinkedHashMap<>();
        for (String name : params.keySet()) {
            if (name.startsWith("column.")) {
                HistoryField field = field(name.substring("column.".length()));
                if (field == null) {
                    bad.put(name, "Not a field; use one of " + Arrays.stream(HistoryField.values())
                            .map(HistoryField::standardColumn).collect(Collectors.joining(", ")));
                } else {
                    columns.put(field, single(params, name, bad));
                }
            } else if (name.startsWith("queue.")) {
                String code = params.getFirst(name);
                queueCodes.put(name.substring("queue.".length()), code == null ? "" : code.strip());
            } else if (!PLAIN.contains(name)) {
                bad.put(name, "Unknown parameter");
            }
        }
        if (!bad.isEmpty()) {
            throw new BadParameters(bad);
        }
        ImportSource source = source(file);
        ImportSettings settings = imports.suggest(source, encoding);
        if (kind != null && kind != settings.kind()) {
            settings = settings.withKind(kind);
            if (kind == ImportKind.CALLS && settings.answeredOutcomes().isEmpty()) {
                settings = settings.withOutcomes(Set.of("ANSWERED", "AGENT"), Set.of("PHANTOM"));
            }
        }
        for (var c : columns.entrySet()) {
            settings = settings.withColumn(c.getKey(), c.getValue());
        }
        settings = settings.withQueue(queue).withQueueCodes(queueCodes);
        if (minutes != null) {
            settings = settings.withIntervalMinutes(minutes); // the caller's length wins
        } else {
            Integer detected = imports.detectIntervalMinutes(source, settings);
            if (detected != null) {
                settings = settings.withIntervalMinutes(detected); // e.g. 15 for a 15-minute file, not the default 30
            }
        }
        if (params.containsKey("answered") || params.containsKey("ignored")) {
            settings = settings.withOutcomes(params.containsKey("answered") ? list(params.getFirst("answered"))
                    : settings.answeredOutcomes(), params.containsKey("ignored") ? list(params.getFirst("ignored"))
                    : settings.ignoredOutcomes());
        }
        ImportResult r = imports.importFile(source, settings);
        return new ImportSummary(r.importId(), source.name(), r.encoding(), r.dataRows(), r.skippedRows(), r.intervals(),
                r.totalIntervals(), r.replaced(), r.firstDay(), r.lastDay(),
                settings.column(HistoryField.INTERVAL_MINUTES) == null ? settings.intervalMinutes() : null);
    }

    private static ImportSource source(MultipartFile file) {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload.csv" : file.getOriginalFilename();
        // the part's temporary file: read again for each pass
        return ImportSource.of(name, file.getSize(), file::getInputStream);
    }

    private static String single(MultiValueMap<String, String> params, String name, Map<String, String> bad) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            bad.put(name, "Give it once");
        }
        String v = values.get(0).strip();
        return v.isEmpty() ? null : v;
    }

    private static ImportKind kind(String value, Map<String, String> bad) {
        if (value == null) {
            return null;
        }
        try {
            return ImportKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            bad.put("kind", "Use intervals or calls, not \"" + value + "\"");
            return null;
        }
    }

    private static Integer minutes(String value, Map<String, String> bad) {
        if (value == null) {
            return null;
        }
        if (!value.equals("15") && !value.equals("30") && !value.equals("60")) {
            bad.put("intervalMinutes", "Use 15, 30 or 60 minutes, not \"" + value + "\"");
            return null;
        }
        return Integer.valueOf(value);
    }

    private static HistoryField field(String name) {
        for (HistoryField f : HistoryField.values()) {
            if (f.standardColumn().equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    private static Set<String> list(String values) {
        return values == null ? Set.of() : Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty())
                .collect(Collectors.toSet());
    }

    @ExceptionHandler(ImportFailedException.class)
    ResponseEntity<ProblemDetail> failed(ImportFailedException e, HttpServletRequest request) {
        java.util.Locale reader = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? java.util.Locale.ENGLISH
                : request.getLocale();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (ImportProblem p : e.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("line", p.line());
            error.put("column", p.column());
            error.put("reason", p.message(reader));
            errors.add(error);
        }
        int n = e.problems().size();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "History not imported", "Nothing was imported: the file has "
                + (e.truncated() ? "at least " : "") + n + " problem" + (n == 1 ? "" : "s") + " (first: "
                + (n == 0 ? "" : e.problems().get(0)) + ")", errors);
        problem.setProperty("truncated", e.truncated());
        return respond(problem);
    }

    @ExceptionHandler(BadParameters.class)
    ResponseEntity<ProblemDetail> badParameters(BadParameters e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        e.reasons.forEach((field, reason) -> errors.add(fieldError(field, reason)));
        return respond(problem(HttpStatus.BAD_REQUEST, "History not imported", "The request is invalid: "
                + e.reasons.entrySet().stream().map(r -> r.getKey() + ": " + r.getValue()).collect(Collectors.joining("; ")),
                errors));
    }

    /**
     * 413, written and sent at once: the rest of a too-large body is never read, so Tomcat closes the connection after
     * this request, and an answer still in the buffer then would be lost.
     */
    @ExceptionHandler({ImportTooLargeException.class, MaxUploadSizeExceededException.class})
    void tooLarge(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reason = "The file is larger than " + imports.limits().maxFileSizeLabel()
                + ", the most a history import accepts";
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, reason, List.of(fieldError("file", reason)));
        problem.setTitle("History file too large");
        response.setHeader(HttpHeaders.CONNECTION, "close");
        Problems.write(response, request, problem);
        response.flushBuffer();
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e) {
        String reason = "Send the file as multipart/form-data with the field \"file\"";
        return respond(problem(HttpStatus.BAD_REQUEST, "History not imported", reason, List.of(fieldError("file", reason))));
    }

    private static Map<String, Object> fieldError(String field, String reason) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return error;
    }

    private static String currentPath() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
                ? servlet.getRequest().getRequestURI() : null;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, List<Map<String, Object>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("errors", errors);
        return problem;
    }

    private ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        Problems.complete(problem, currentPath());
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
