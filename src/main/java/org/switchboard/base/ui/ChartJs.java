package org.switchboard.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Chart.js chart (line, stepped line (solid or dashed) or bars over one category axis), drawn in the browser by the
 * {@code <sb-chart>} element from a JSON configuration built here. No npm: Chart.js comes from its webjar.
 */
@Tag("sb-chart")
@JavaScript("context://webjars/chart.js/4.5.1/dist/chart.umd.min.js")
@JavaScript("context://frontend-assets/sb-chart.js")
public class ChartJs extends Component implements HasSize {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a series is drawn. */
    public enum Style { LINE, DASHED, STEPPED, BARS, AREA, STEPPED_DASHED }

    /** One series: its label, values (null = gap), colour and style. */
    public record Series(String label, List<Double> values, String color, Style style) {}

    private List<String> labels = List.of();
    private final List<Series> series = new ArrayList<>();
    private String yTitle = "";

    public ChartJs() {
        setWidthFull();
        setHeight("320px");
        setMinHeight("320px");
        getStyle().set("flex", "none"); // keep its height inside full-size layouts
    }

    public ChartJs labels(List<String> labels) {
        this.labels = List.copyOf(labels);
        return this;
    }

    public ChartJs yTitle(String title) {
        this.yTitle = title;
        return this;
    }

    public ChartJs clear() {
        series.clear();
        labels = List.of();
        return this;
    }

    public ChartJs add(String label, List<Double> values, String color, Style style) {
        series.add(new Series(label, new ArrayList<>(values), color, style));
        return this;
    }

    public List<Series> series() {
        return List.copyOf(series);
    }

    public List<String> labels() {
        return labels;
    }

    /** Sends the current labels and series to the browser. */
    public void update() {
        getElement().setProperty("config", configJson());
    }

    /** The Chart.js configuration as JSON. */
    public String configJson() {
        List<Map<String, Object>> datasets = new ArrayList<>();
        boolean bars = false;
        for (Series s : series) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("label", s.label());
            d.put("data", s.values());
            d.put("borderColor", s.color());
            d.put("backgroundColor", s.style() == Style.AREA ? s.color() + "33" : s.color());
            d.put("borderWidth", 2);
            d.put("pointRadius", 0);
            d.put("spanGaps", false);
            switch (s.style()) {
                case BARS -> {
                    d.put("type", "bar");
                    bars = true;
                }
                case DASHED -> d.put("borderDash", List.of(6, 4));
                case STEPPED -> d.put("stepped", true);
                case STEPPED_DASHED -> {
                    d.put("stepped", true);
                    d.put("borderDash", List.of(6, 4));
                }
                case AREA -> d.put("fill", "origin");
                default -> { }
            }
            datasets.add(d);
        }
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("beginAtZero", true);
        y.put("title", Map.of("display", !yTitle.isEmpty(), "text", yTitle));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("interaction", Map.of("mode", "index", "intersect", false));
        options.put("scales", Map.of("y", y, "x", Map.of("ticks", Map.of("autoSkip", true, "maxTicksLimit", 24))));
        options.put("plugins", Map.of("legend", Map.of("position", "bottom")));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("type", bars ? "bar" : "line");
        config.put("data", Map.of("labels", labels, "datasets", datasets));
        config.put("options", options);
        return JSON.writeValueAsString(config);
    }
}
