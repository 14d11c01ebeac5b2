package dev.kestrasdk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sample of measurements: median and spread (min..max). */
public record Stats(List<Double> values) {
    public Stats {
        values = new ArrayList<>(values);
        Collections.sort(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
    }

    public static Stats of(double... v) {
        List<Double> l = new ArrayList<>();
        for (double d : v) {
            l.add(d);
        }
        return new Stats(l);
    }

    public double median() {
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    public double min() {
        return values.get(0);
    }

    public double max() {
        return values.get(values.size() - 1);
    }

    public int n() {
        return values.size();
    }
}
