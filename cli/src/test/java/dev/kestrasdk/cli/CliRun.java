package dev.kestrasdk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, as a user would type it: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = KestraSdkCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
