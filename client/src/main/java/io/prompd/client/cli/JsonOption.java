package io.prompd.client.cli;

import picocli.CommandLine.Option;

/** {@code --json}: for commands whose result a script may want to read. */
final class JsonOption {

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;
}
