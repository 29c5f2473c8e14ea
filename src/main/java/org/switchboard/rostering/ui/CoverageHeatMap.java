package org.switchboard.rostering.ui;

import com.vaadin.flow.component.html.Div;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.switchboard.rostering.RosterCoverage;

/**
 * A week of coverage as one HTML table (days × intervals), coloured by scheduled − required: red under-staffed, white
 * on target, blue over-staffed; each cell also carries the signed figure, so it reads without colour. One element,
 * drawn from a string: 7 × 96 cells would be far too many server components.
 */
final class CoverageHeatMap extends Div {

    private String html = "";

    CoverageHeatMap() {
        setId("heatmap");
        addClassName("sb-heatmap");
        setWidthFull();
    }

    void show(List<RosterCoverage.Day> days, Locale locale) {
        TreeSet<LocalTime> times = new TreeSet<>();
        days.forEach(d -> d.intervals().forEach(i -> times.add(i.time())));
        StringBuilder s = new StringBuilder("<table class='sb-heat'><thead><tr><th></th>");
        for (LocalTime t : times) {
            s.append("<th>").append(t.getMinute() == 0 ? String.valueOf(t.getHour()) : "").append("</th>");
        }
        s.append("</tr></thead><tbody>");
        for (RosterCoverage.Day d : days) {
            s.append("<tr><th>").append(escape(RosterTexts.dayHeader(d.date(), locale))).append("</th>");
            if (d.noDemand()) {
                s.append("<td class='sb-nodemand' colspan='").append(Math.max(1, times.size())).append("'>")
                        .append(escape(getTranslation("coverage.nodemand"))).append("</td></tr>");
                continue;
            }
            Map<LocalTime, RosterCoverage.Interval> byTime = new TreeMap<>();
            d.intervals().forEach(i -> byTime.put(i.time(), i));
            for (LocalTime t : times) {
                RosterCoverage.Interval i = byTime.get(t);
                if (i == null) {
                    s.append("<td></td>");
                    continue;
                }
                long gap = Math.round(i.gap());
                s.append("<td style='background:").append(colour(i.gap(), i.required())).append("' title='")
                        .append(RosterTexts.time(t)).append(' ').append(escape(getTranslation("coverage.heat.cell",
                                i.required(), RosterTexts.number(i.scheduled(), locale))))
                        .append("'>").append(i.required() == 0 && i.scheduled() < 0.05 ? "" : (gap > 0 ? "+" : "") + gap)
                        .append("</td>");
            }
            s.append("</tr>");
        }
        s.append("</tbody></table>");
        html = s.toString();
        getElement().setProperty("innerHTML", html);
    }

    String html() {
        return html;
    }

    /** Red for missing operators, blue for extra ones, white on target; stronger the further off (up to ±3). */
    static String colour(double gap, int required) {
        if (Math.abs(gap) < 0.5) {
            return "#ffffff";
        }
        double strength = Math.min(1, Math.abs(gap) / Math.max(3, required * 0.5));
        int light = (int) Math.round(235 - 130 * strength);
        return gap < 0 ? String.format("rgb(255,%d,%d)", light, light) : String.format("rgb(%d,%d,255)", light, light + 10);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
