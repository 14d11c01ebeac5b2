/**
 * An SLF4J 2 provider writing every SLF4J log as a Kestra log entry through java-sdk's {@code Kestra.logger()}.
 * Put the jar on a JVM script's class path (or module path) and the SLF4J logs of its libraries reach Kestra.
 */
module dev.kestrasdk.slf4j {
    requires transitive org.slf4j;
    requires transitive dev.kestrasdk;

    exports dev.kestrasdk.slf4j;

    provides org.slf4j.spi.SLF4JServiceProvider with dev.kestrasdk.slf4j.KestraServiceProvider;
}
