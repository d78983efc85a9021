package io.prompd.generator.cli;

import io.prompd.core.ExitCode;
import io.prompd.generator.serve.ServeSettings;
import io.prompd.generator.serve.StaticServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prompd-registry serve}: a local preview of a built registry; production stays static files. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a built registry folder over HTTP for a local preview, with the content types,"
                + " cache headers and ETags of a real host. Runs until interrupted (Ctrl-C).",
                "While a build is stopped between the two renames that replace DIR (killed there, DIR is"
                        + " missing until the next build), the previous build, .DIR.old, is served."})
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The output folder of 'prompd-registry build'.")
    Path folder;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be from 0 to 65535, not " + port);
        }
        if (host.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--host is empty: give an address such as"
                    + " 127.0.0.1 (this machine only) or 0.0.0.0 (every network), or leave the option out");
        }
        try (StaticServer server = StaticServer.start(folder, host, port, ServeSettings.PREVIEW)) {
            PrintWriter out = spec.commandLine().getOut();
            out.println("serving " + folder + " at " + server.url() + " (Ctrl-C to stop)");
            out.println("try it: prompd info --registry " + server.url() + " PACKAGE, naming one of its packages");
            out.flush();
            new CountDownLatch(1).await();
        }
        return ExitCode.OK.code();
    }
}
