package org.switchboard.rostering.curtois;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of the Curtois–Qu shift scheduling benchmark (the "NRP instances 1–24" text format), as read from its
 * file: sections {@code SECTION_HORIZON}, {@code SECTION_SHIFTS}, {@code SECTION_STAFF}, {@code SECTION_DAYS_OFF},
 * {@code SECTION_SHIFT_ON_REQUESTS}, {@code SECTION_SHIFT_OFF_REQUESTS}, {@code SECTION_COVER}; {@code #} comments;
 * CRLF or LF. Day 0 is a Monday. A malformed line is refused with its line number and what is wrong.
 */
public record CurtoisInstance(String name, int horizon, List<Shift> shifts, List<Staff> staff,
        Map<String, List<Integer>> daysOff, List<Request> onRequests, List<Request> offRequests, List<Cover> cover) {

    /** A shift type: its length and the shift types that may not be worked on the next day after it. */
    public record Shift(String id, int minutes, List<String> notFollowedBy) {}

    /** An employee's contract. {@code maxShifts} by shift type (0 = never that type). */
    public record Staff(String id, Map<String, Integer> maxShifts, int maxTotalMinutes, int minTotalMinutes,
            int maxConsecutiveShifts, int minConsecutiveShifts, int minConsecutiveDaysOff, int maxWeekends) {}

    /** A wish to work (on-request) or not to work (off-request) a shift type on a day. */
    public record Request(String employee, int day, String shift, int weight) {}

    /** Cover for one day and shift type, with the weights per missing and per surplus employee. */
    public record Cover(int day, String shift, int requirement, int underWeight, int overWeight) {}

    public int shiftIndex(String id) {
        for (int i = 0; i < shifts.size(); i++) {
            if (shifts.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    public static CurtoisInstance read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.txt$", "");
        return parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    /** Parses the lines of an instance file (line numbers in errors count from 1). */
    public static CurtoisInstance parse(String name, List<String> lines) {
        Map<String, List<Line>> sections = new LinkedHashMap<>();
        List<Line> current = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.startsWith("#")) {
                continue;
            }
            if (text.isEmpty()) {
                current = null;
                continue;
            }
            if (text.startsWith("SECTION_")) {
                current = new ArrayList<>();
                sections.put(text, current);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(name + " line " + (i + 1) + ": data outside a section: " + text);
            }
            current.add(new Line(i + 1, text));
        }
        List<Line> horizonLines = section(name, sections, "SECTION_HORIZON");
        if (horizonLines.size() != 1) {
            throw new IllegalArgumentException(name + ": SECTION_HORIZON must hold one number");
        }
        int horizon = horizonLines.getFirst().integer(0, name);
        List<Shift> shifts = new ArrayList<>();
        for (Line l : section(name, sections, "SECTION_SHIFTS")) {
            String[] f = l.fields(2, name);
            shifts.add(new Shift(f[0], l.integer(1, name), f.length > 2 && !f[2].isEmpty() ? List.of(f[2].split("\\|")) : List.of()));
        }
        List<Staff> staff = new ArrayList<>();
        for (Line l : section(name, sections, "SECTION_STAFF")) {
            String[] f = l.fields(8, name);
            Map<String, Integer> max = new LinkedHashMap<>();
            for (String pair : f[1].split("\\|")) {
                String[] kv = pair.split("=");
                if (kv.length != 2) {
                    throw l.error(name, 2, "MaxShifts must be ShiftID=max pairs separated by |, not " + f[1]);
                }
                max.put(kv[0].strip(), l.parse(kv[1], 2, name));
            }
            staff.add(new Staff(f[0], max, l.integer(2, name), l.integer(3, name), l.integer(4, name), l.integer(5, name),
                    l.integer(6, name), l.integer(7, name)));
        }
        Map<String, List<Integer>> daysOff = new LinkedHashMap<>();
        for (Line l : section(name, sections, "SECTION_DAYS_OFF")) {
            String[] f = l.fields(1, name);
            List<Integer> days = new ArrayList<>();
            for (int k = 1; k < f.length; k++) {
                days.add(l.integer(k, name));
            }
            daysOff.put(f[0], days);
        }
        List<Request> on = requests(name, section(name, sections, "SECTION_SHIFT_ON_REQUESTS"));
        List<Request> off = requests(name, section(name, sections, "SECTION_SHIFT_OFF_REQUESTS"));
        List<Cover> cover = new ArrayList<>();
        for (Line l : section(name, sections, "SECTION_COVER")) {
            String[] f = l.fields(5, name);
            cover.add(new Cover(l.integer(0, name), f[1], l.integer(2, name), l.integer(3, name), l.integer(4, name)));
        }
        return new CurtoisInstance(name, horizon, List.copyOf(shifts), List.copyOf(staff), daysOff, on, off, cover);
    }

    private static List<Request> requests(String name, List<Line> lines) {
        List<Request> out = new ArrayList<>();
        for (Line l : lines) {
            String[] f = l.fields(4, name);
            out.add(new Request(f[0], l.integer(1, name), f[2], l.integer(3, name)));
        }
        return out;
    }

    private static List<Line> section(String name, Map<String, List<Line>> sections, String header) {
        List<Line> lines = sections.get(header);
        if (lines == null) {
            throw new IllegalArgumentException(name + ": missing " + header);
        }
        return lines;
    }

    private record Line(int number, String text) {

        String[] fields(int atLeast, String name) {
            String[] f = text.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            if (f.length < atLeast) {
                throw new IllegalArgumentException(name + " line " + number + ": expected at least " + atLeast
                        + " comma-separated fields, found " + f.length + ": " + text);
            }
            return f;
        }

        int integer(int column, String name) {
            return parse(fields(column + 1, name)[column], column + 1, name);
        }

        int parse(String value, int column, String name) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw error(name, column, "not a whole number: '" + value + "'");
            }
        }

        IllegalArgumentException error(String name, int column, String what) {
            return new IllegalArgumentException(name + " line " + number + " column " + column + ": " + what);
        }
    }
}
