package dev.kestrasdk.slf4j;

import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.spi.MDCAdapter;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** One {@link KestraSlf4jLogger} per name, as SLF4J expects of a factory. */
final class KestraLoggerFactory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final MDCAdapter mdc;

    KestraLoggerFactory(MDCAdapter mdc) {
        this.mdc = mdc;
    }

    @Override
    public Logger getLogger(String name) {
        return loggers.computeIfAbsent(name, n -> new KestraSlf4jLogger(n, mdc));
    }
}
