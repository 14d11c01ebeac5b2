package dev.kestrasdk.conformance.sdk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/** Python's view: arbitrary-size ints, decimals, microsecond datetimes of years 1 to 9999, one message per logging call. */
public final class PythonView implements GuestView {
    @Override
    public String language() {
        return "python";
    }

    @Override
    public String displayName() {
        return "Python";
    }

    @Override
    public void log(String level, List<Object> messages, Set<String> reasons) {
        if (level.equals("TRACE")) {
            throw new NotExpressible("not expressible: Python's logging has no TRACE level below DEBUG, where the Kestra logger stops");
        }
        if (messages.size() != 1) {
            throw new NotExpressible("not expressible: a Python logging call writes exactly one message");
        }
        if (messages.get(0) == null) {
            reasons.add("Python's logging formats the message None as 'None'");
            messages.set(0, "None");
        }
    }

    @Override
    public Object integer(String text, Object decoded, Set<String> reasons) {
        return decoded;
    }

    @Override
    public Object floatingPoint(double value, String text, Set<String> reasons) {
        return value;
    }

    @Override
    public Object decimal(Object decoded) {
        return decoded; // a decimal.Decimal keeps its digits, as a BigDecimal
    }

    @Override
    public Object localDateTime(LocalDateTime value) {
        time(value.getNano(), value.getYear());
        return value;
    }

    @Override
    public Object offsetDateTime(OffsetDateTime value, Set<String> reasons) {
        time(value.getNano(), value.getYear());
        return value;
    }

    @Override
    public Object date(LocalDate value) {
        time(0, value.getYear());
        return value;
    }

    @Override
    public Object time(Object value, int nanos) {
        time(nanos, 2000);
        return value;
    }

    @Override
    public Object instant(Instant value) {
        OffsetDateTime utc = value.atOffset(ZoneOffset.UTC);
        time(utc.getNano(), utc.getYear());
        return utc; // an aware datetime in UTC
    }

    @Override
    public Object duration(Duration value) {
        if (value.getNano() % 1000 != 0) {
            throw new NotExpressible("not expressible: a Python timedelta holds microseconds");
        }
        return value;
    }

    private static void time(int nanos, int year) {
        if (nanos % 1000 != 0) {
            throw new NotExpressible("not expressible: Python's datetime and time hold microseconds");
        }
        if (year < 1 || year > 9999) {
            throw new NotExpressible("not expressible: Python's datetime covers years 1 to 9999");
        }
    }
}
