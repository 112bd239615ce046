package dev.sweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The trials no other beats on both counts: fewer weights and a better objective. */
final class ParetoFront {
    /** A trial as the front sees it. */
    record Point(double size, double objective) {
    }

    private ParetoFront() {
    }

    /** The non-dominated points, smallest first; each scores better than every smaller one. */
    static List<Point> of(List<Point> points, boolean maximize) {
        List<Point> sorted = new ArrayList<>(points);
        Comparator<Point> better = Comparator.comparingDouble(Point::objective);
        sorted.sort(Comparator.comparingDouble(Point::size).thenComparing(maximize ? better.reversed() : better));
        List<Point> front = new ArrayList<>();
        for (Point p : sorted) {
            Point last = front.isEmpty() ? null : front.get(front.size() - 1);
            if (last == null || (maximize ? p.objective() > last.objective() : p.objective() < last.objective())) {
                front.add(p);
            }
        }
        return front;
    }
}
