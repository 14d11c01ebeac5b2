package dev.kestrasdk.conformance.kestra;

import java.util.Objects;

/**
 * What Kestra does with one line of a script's output.
 *
 * @param verdict   NOMATCH: an ordinary log line; ACCEPTED: read, giving {@code extracted}; REJECTED: the
 *                  reader threw, and {@code rejection} names the exception and the first line of its message
 */
public record Judgement(Verdict verdict, Extracted extracted, String rejection) {
    public enum Verdict { NOMATCH, ACCEPTED, REJECTED }

    public Judgement {
        Objects.requireNonNull(verdict, "verdict");
        if ((verdict == Verdict.ACCEPTED) != (extracted != null)) {
            throw new IllegalArgumentException("an accepted line, and only it, has extracted data");
        }
    }

    static Judgement noMatch() {
        return new Judgement(Verdict.NOMATCH, null, null);
    }

    static Judgement accepted(Extracted extracted) {
        return new Judgement(Verdict.ACCEPTED, extracted, null);
    }

    static Judgement rejected(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return new Judgement(Verdict.REJECTED, null, e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl)));
    }

    @Override
    public String toString() {
        return switch (verdict) {
            case NOMATCH -> "NOMATCH";
            case ACCEPTED -> "ACCEPTED " + extracted;
            case REJECTED -> "REJECTED " + rejection;
        };
    }
}
