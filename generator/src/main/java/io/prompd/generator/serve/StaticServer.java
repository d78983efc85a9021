package io.prompd.generator.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.ShellWords;
import io.prompd.core.TerminalText;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.generator.build.OutputFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A local preview of a static registry folder over HTTP, with the JDK's server: the content
 * types, cache headers and ETags a real host would send, so a client can be tried against a
 * build before it is published. Production stays plain static files on a host or CDN.
 *
 * <p>A folder URL serves its {@code index.html}, or else its {@code index.json}, so
 * {@code /packages/@scope/name/} shows the package page once the site exists and the packument
 * until then. Paths that would leave the folder are refused, however they are encoded. While a build
 * is stopped between the two renames of its publish, the folder is missing: the previous build,
 * retired beside it, is served meanwhile ({@link OutputFolder#served}).
 */
public final class StaticServer implements AutoCloseable {

    private static final List<String> FOLDER_INDEXES = List.of("index.html", "index.json");
    private static final Pattern REPEATED_SLASHES = Pattern.compile("//+");
    /** What a client must take of an answer within the send time: 64 KiB, under a second at 100 KB/s. */
    private static final int PART_SIZE = 64 << 10;

    /** The folder as given, made absolute: what lies at that path is looked up for each request. */
    private final Path out;
    private final HttpServer server;
    private final TimedWorkers workers;

    private StaticServer(Path out, HttpServer server, TimedWorkers workers) {
        this.out = out;
        this.server = server;
        this.workers = workers;
    }

    /**
     * Starts serving {@code root} on the host and port (0 for any free port).
     */
    public static StaticServer start(Path root, String host, int port, ServeSettings settings) throws IOException {
        Path out = root.toAbsolutePath().normalize();
        Path served = OutputFolder.served(out);
        // a line break in the folder's name could pass for a hint of prompd's
        String shownRoot = TerminalText.oneLine(root.toString());
        if (!Files.exists(served)) {
            throw new PrompdException(ExitCode.NOT_FOUND, "there is no folder " + shownRoot + " to serve",
                    "build one first with 'prompd-registry build REPO --out " + ShellWords.path(root.toString())
                            + "', then serve it");
        }
        Path folder = served.toRealPath();
        if (!Files.isDirectory(folder)) {
            throw new PrompdException(ExitCode.USAGE, shownRoot + " is a file, not a folder",
                    "give the folder that 'prompd-registry build --out' wrote");
        }
        // the registry's Git repository holds a registry.json too, but no packages.json
        if (!Files.isRegularFile(folder.resolve(RegistryLayout.PACKAGE_LIST))) {
            throw new PrompdException(ExitCode.NOT_FOUND, shownRoot + " holds no " + RegistryLayout.PACKAGE_LIST
                    + ", so it is not a built registry", "build one first with 'prompd-registry build REPO --out"
                    + " DIR', then serve DIR");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new PrompdException(ExitCode.USAGE, "cannot listen on " + TerminalText.quoted(host) + ": it is no host name or address"
                    + " that resolves", "choose an address of this machine with --host, such as 127.0.0.1 (the"
                    + " default) or 0.0.0.0 for all");
        }
        HttpServer server;
        try {
            server = HttpServer.create(address, 0);
        } catch (BindException taken) {
            // the JDK's own words: "Address already in use" is about the port, the rest about the host
            boolean portTaken = String.valueOf(taken.getMessage()).contains("in use");
            throw new PrompdException(ExitCode.CONFLICT, "cannot listen on " + host + " port " + port + ": "
                    + taken.getMessage(), portTaken ? "choose another port with --port, or --port 0 for any free one"
                    : "choose an address of this machine with --host, such as 127.0.0.1 (the default)"
                    + " or 0.0.0.0 for all");
        }
        TimedWorkers workers = new TimedWorkers(settings);
        StaticServer serving = new StaticServer(out, server, workers);
        server.createContext("/", serving::handle);
        server.setExecutor(workers);
        server.start();
        return serving;
    }

    /**
     * The URL of the root, such as {@code http://127.0.0.1:8080/}. Bound to all addresses
     * ({@code --host 0.0.0.0}), it names this machine's loopback address: the wildcard is where
     * the server listens, not an address a client can connect to.
     */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        InetAddress bound = address.getAddress();
        String host = (bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound).getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        workers.answering();
        try (exchange) {
            // on every answer, errors too, as the hosting docs ask of a public registry's host
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            URI request = exchange.getRequestURI();
            String path = path(request, request.getAuthority(), request.getPath());
            Optional<Path> root = servedRoot();
            Optional<Path> found = root.isPresent() ? resolve(root.get(), path) : Optional.empty();
            if (found.isPresent() && Files.isDirectory(found.get()) && !path.endsWith("/")) {
                // as static hosts do, so that the page's relative links resolve inside the folder
                String rawPath = path(request, request.getRawAuthority(), request.getRawPath());
                exchange.getResponseHeaders().set("Location", rawPath + "/"
                        + (request.getRawQuery() == null ? "" : "?" + request.getRawQuery()));
                sendText(exchange, 301, "moved to the folder's URL, which ends with /\n", head);
                return;
            }
            Optional<Path> file = found.isPresent()
                    ? fileToServe(root.get(), found.get(), path.endsWith("/")) : Optional.empty();
            if (file.isEmpty()) {
                // the root is the URL this server prints, so a browser lands there first
                // the path as a terminal shows it: a request's NUL or line break would read as lines of ours
                sendText(exchange, 404, "not found: " + TerminalText.path(path) + "\n" + (path.equals("/")
                        ? "This is a prompd registry, not a web site: " + RegistryLayout.REGISTRY_DOCUMENT
                                + " describes it and " + RegistryLayout.PACKAGE_LIST + " lists its packages.\n" : ""),
                        head);
                return;
            }
            send(exchange, root.get(), file.get(), head);
        }
    }

    /**
     * The path a request names, its repeated slashes merged, as nginx does by default. A request's target that is a
     * path is that path even when it starts with {@code //}, which the JDK reads as a host ({@code //x/registry.json}:
     * host {@code x}, path {@code /registry.json}). One that is an absolute URL ({@code http://host/path}) names its
     * path. Given the authority and path decoded or raw, as the answer needs them.
     */
    private static String path(URI request, String authority, String path) {
        String target = request.getScheme() == null && authority != null ? "//" + authority + path : path;
        return REPEATED_SLASHES.matcher(target).replaceAll("/");
    }

    /**
     * The real path of the folder served now, looked up for each request: a build replaces the output folder by
     * renames, and the previous build is served while it is stopped between them ({@link OutputFolder#served}).
     * Empty while there is none.
     */
    private Optional<Path> servedRoot() throws IOException {
        try {
            return Optional.of(OutputFolder.served(out).toRealPath());
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    /**
     * The file or folder a request path names, if it lies inside the root. The path arrives
     * decoded ({@code %2e%2e} is already {@code ..}), so dot segments are refused here, and the
     * real path is checked too, so a symbolic link cannot lead outside. A name starting with a dot
     * is no part of the protocol but the build's state, or what a build keeps beside its output
     * when that lies below the folder served, so it is not found, as the nginx recipe does.
     */
    private static Optional<Path> resolve(Path root, String path) throws IOException {
        if (path == null || !path.startsWith("/") || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        Path candidate = root.resolve(path.substring(1)).normalize();
        if (!candidate.startsWith(root) || !Files.exists(candidate)) {
            return Optional.empty();
        }
        Path real = candidate.toRealPath();
        return real.startsWith(root) ? Optional.of(real) : Optional.empty();
    }

    /**
     * A regular file as it is, unless asked for as a folder (as static hosts answer file/), and a
     * folder as its index, which a link may not take outside either.
     */
    private static Optional<Path> fileToServe(Path root, Path found, boolean askedForAFolder) throws IOException {
        if (Files.isRegularFile(found)) {
            return askedForAFolder ? Optional.empty() : Optional.of(found);
        }
        Optional<Path> index = FOLDER_INDEXES.stream().map(found::resolve).filter(Files::isRegularFile).findFirst();
        return index.isPresent() && index.get().toRealPath().startsWith(root) ? index : Optional.empty();
    }

    private void send(HttpExchange exchange, Path root, Path file, boolean head) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(attributes.lastModifiedTime().toMillis()) + "\"";
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", etag);
        headers.set("Cache-Control", CachePolicy.cacheControl(relative));
        if (matches(exchange.getRequestHeaders().getFirst("If-None-Match"), etag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        headers.set("Content-Type", ContentTypes.of(file.getFileName().toString()));
        if (head) {
            headers.set("Content-Length", Long.toString(attributes.size()));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, attributes.size() == 0 ? -1 : attributes.size());
        try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
            byte[] part = new byte[PART_SIZE];
            for (int read = in.read(part); read >= 0; read = in.read(part)) {
                out.write(part, 0, read);
                // a slow client that keeps taking the answer is not stalled: only a pause in it is limited
                workers.answering();
            }
        }
    }

    /** If-None-Match holds one tag, a list of tags, or {@code *}. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static void sendText(HttpExchange exchange, int status, String text, boolean head) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.close();
    }
}
