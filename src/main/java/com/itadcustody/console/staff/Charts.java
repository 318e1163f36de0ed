package com.itadcustody.console.staff;

import com.itadcustody.retirement.RetirementOverview.CycleTimes;
import com.itadcustody.retirement.RetirementOverview.DisposalsInMonth;
import com.itadcustody.retirement.RetirementOverview.StageTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's two charts as server-rendered SVG: the geometry is computed here, the template only draws the
 * shapes, so the page needs no script. Each chart comes with the rows of its data table (the text alternative).
 */
final class Charts {

    /** The dispositions in the order they are stacked, with their colours and names. */
    static final List<Series> DISPOSITIONS = List.of(
            new Series("RESALE", "Resale", "#2563eb"),
            new Series("DONATION", "Donation", "#16a34a"),
            new Series("RECYCLING", "Recycling", "#d97706"),
            new Series("DESTRUCTION", "Destruction", "#b91c1c"),
            new Series("NONE", "No vendor disposition", "#6b7280"));

    private static final Map<String, String> SHORT_STAGE_NAMES = Map.of("approval", "Approval", "sanitization",
            "Sanitization", "handoff", "Handoff", "transport", "Transport", "processing", "Vendor processing",
            "settlement", "Settlement");

    private Charts() {
    }

    /** One series of a chart: its key, name and colour. */
    record Series(String key, String name, String colour) {
    }

    /** A rectangle with its tooltip ({@code <title>}). */
    record Bar(double x, double y, double width, double height, String colour, String title) {
    }

    /** A text at a position. */
    record Label(double x, double y, String text, String anchor) {
    }

    /** A horizontal grid line with its value label. */
    record Tick(double y, String text) {
    }

    /**
     * A chart ready to draw.
     *
     * @param width the view box width
     * @param height the view box height
     * @param bars the rectangles
     * @param labels axis and value labels
     * @param ticks grid lines
     * @param empty whether there is no data at all
     */
    record Chart(int width, int height, List<Bar> bars, List<Label> labels, List<Tick> ticks, boolean empty) {
    }

    /** One month's row of the disposal table: counts per disposition (in {@link #DISPOSITIONS} order) and total. */
    record MonthRow(String month, List<Long> counts, long total) {
    }

    /** One stage's row of the cycle-time table. */
    record StageRow(String stage, String name, String median) {
    }

    /** The months from {@code first} to {@code last}, with counts per disposition. */
    static List<MonthRow> monthRows(List<DisposalsInMonth> data, YearMonth first, YearMonth last) {
        Map<String, long[]> byMonth = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            byMonth.put(m.toString(), new long[DISPOSITIONS.size()]);
        }
        for (DisposalsInMonth d : data) {
            long[] counts = byMonth.get(d.month());
            if (counts != null) {
                counts[indexOf(d.disposition())] += d.count();
            }
        }
        List<MonthRow> rows = new ArrayList<>();
        byMonth.forEach((month, counts) -> {
            List<Long> list = new ArrayList<>();
            long total = 0;
            for (long c : counts) {
                list.add(c);
                total += c;
            }
            rows.add(new MonthRow(month, list, total));
        });
        return rows;
    }

    /** Stacked bars, one per month, one segment per disposition. */
    static Chart disposals(List<MonthRow> rows) {
        int width = 640;
        int height = 260;
        double left = 44;
        double right = 8;
        double top = 12;
        double bottom = 36;
        double plotHeight = height - top - bottom;
        long max = Math.max(1, rows.stream().mapToLong(MonthRow::total).max().orElse(0));
        long scaleMax = niceCeiling(max);
        double slot = (width - left - right) / Math.max(1, rows.size());
        double barWidth = slot * 0.6;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MonthRow row = rows.get(i);
            double x = left + i * slot + (slot - barWidth) / 2;
            double base = top + plotHeight;
            for (int s = 0; s < DISPOSITIONS.size(); s++) {
                long count = row.counts().get(s);
                if (count == 0) {
                    continue;
                }
                double h = plotHeight * count / scaleMax;
                base -= h;
                bars.add(new Bar(round(x), round(base), round(barWidth), round(h), DISPOSITIONS.get(s).colour(),
                        monthName(row.month()) + ": " + count + " " + DISPOSITIONS.get(s).name().toLowerCase(
                                Locale.ROOT)));
            }
            labels.add(new Label(round(x + barWidth / 2), height - bottom + 14, shortMonth(row.month()), "middle"));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= 4; t++) {
            long value = scaleMax * t / 4;
            ticks.add(new Tick(round(top + plotHeight - plotHeight * t / 4.0), Long.toString(value)));
        }
        boolean empty = rows.stream().allMatch(r -> r.total() == 0);
        return new Chart(width, height, bars, labels, ticks, empty);
    }

    /** The cycle-time table's rows. */
    static List<StageRow> stageRows(CycleTimes times) {
        return times.stages().stream().map(s -> new StageRow(s.stage(), s.name(), duration(s.medianSeconds())))
                .toList();
    }

    /** Horizontal bars, one per stage, as long as its median. */
    static Chart cycleTimes(CycleTimes times) {
        int width = 640;
        double labelWidth = 140;
        double rowHeight = 30;
        double top = 8;
        int height = (int) (top * 2 + rowHeight * times.stages().size());
        double plotWidth = width - labelWidth - 90;
        double max = times.stages().stream().map(StageTime::medianSeconds).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < times.stages().size(); i++) {
            StageTime stage = times.stages().get(i);
            double y = top + i * rowHeight;
            String name = SHORT_STAGE_NAMES.getOrDefault(stage.stage(), stage.stage());
            labels.add(new Label(labelWidth - 8, round(y + rowHeight / 2 + 4), name, "end"));
            double value = stage.medianSeconds() == null ? 0 : Math.max(0, stage.medianSeconds());
            double w = max <= 0 ? 0 : plotWidth * value / max;
            if (stage.medianSeconds() != null) {
                bars.add(new Bar(labelWidth, round(y + 5), round(Math.max(w, 1)), rowHeight - 10, "#2563eb",
                        name + ": median " + duration(stage.medianSeconds())));
            }
            labels.add(new Label(round(labelWidth + Math.max(w, 1) + 6), round(y + rowHeight / 2 + 4),
                    duration(stage.medianSeconds()), "start"));
        }
        return new Chart(width, height, bars, labels, List.of(), times.retirements() == 0);
    }

    /** A duration for people: minutes, hours or days; a dash for none. */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        double s = Math.max(0, seconds);
        if (s >= 86_400) {
            return String.format(Locale.ROOT, "%.1f d", s / 86_400);
        }
        if (s >= 3_600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3_600);
        }
        return String.format(Locale.ROOT, "%.0f min", Math.ceil(s / 60));
    }

    private static int indexOf(String disposition) {
        for (int i = 0; i < DISPOSITIONS.size() - 1; i++) {
            if (DISPOSITIONS.get(i).key().equals(disposition)) {
                return i;
            }
        }
        return DISPOSITIONS.size() - 1;
    }

    private static long niceCeiling(long max) {
        if (max <= 4) {
            return 4;
        }
        long magnitude = (long) Math.pow(10, Math.floor(Math.log10(max)));
        for (long step : new long[] {1, 2, 4, 5, 10}) {
            long candidate = step * magnitude;
            if (candidate >= max && candidate % 4 == 0) {
                return candidate;
            }
        }
        return ((max + 3) / 4) * 4;
    }

    private static String shortMonth(String month) {
        YearMonth m = YearMonth.parse(month);
        return m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + (m.getMonthValue() == 1
                ? " " + (m.getYear() % 100 < 10 ? "0" : "") + (m.getYear() % 100) : "");
    }

    private static String monthName(String month) {
        YearMonth m = YearMonth.parse(month);
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.getYear();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
