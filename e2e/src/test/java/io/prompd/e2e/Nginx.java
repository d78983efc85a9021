package io.prompd.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx on 127.0.0.1 serving static folders, as a registry is served in production; one
 * location may require basic authentication. {@code .ci/run} installs nginx; a machine without it
 * fails these tests rather than skipping them.
 */
final class Nginx implements AutoCloseable {

    /** A folder served at a URL path, optionally behind basic authentication. */
    record Location(String urlPath, Path root, String user, String password) {
        static Location open(String urlPath, Path root) {
            return new Location(urlPath, root, null, null);
        }
    }

    private final Path work;
    private final int port;
    private final Process process;

    private Nginx(Path work, int port, Process process) {
        this.work = work;
        this.port = port;
        this.process = process;
    }

    static Nginx start(Path work, List<Location> locations) throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("temp"));
        int port = freePort();
        StringBuilder conf = new StringBuilder()
                .append("daemon off; worker_processes 1; pid ").append(work.resolve("nginx.pid")).append(";\n")
                .append("error_log ").append(work.resolve("error.log")).append(";\n")
                .append("events { worker_connections 256; }\n")
                .append("http {\n  include /etc/nginx/mime.types;\n  types { application/gzip tgz; }\n")
                .append("  access_log ").append(work.resolve("access.log")).append(";\n");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            conf.append("  ").append(temp).append("_temp_path ").append(work.resolve("temp")).append(";\n");
        }
        conf.append("  server {\n    listen 127.0.0.1:").append(port).append(";\n");
        for (Location location : locations) {
            conf.append("    location ").append(location.urlPath()).append(" {\n      alias ").append(location.root())
                    .append("/;\n");
            if (location.user() != null) {
                Path users = work.resolve("users-" + location.user());
                // nginx reads {PLAIN} passwords, which spares the test a hashing tool.
                Files.writeString(users, location.user() + ":{PLAIN}" + location.password() + "\n",
                        StandardCharsets.UTF_8);
                conf.append("      auth_basic \"private registry\";\n      auth_basic_user_file ").append(users)
                        .append(";\n");
            }
            conf.append("    }\n");
        }
        conf.append("  }\n}\n");
        Path confFile = work.resolve("nginx.conf");
        Files.writeString(confFile, conf, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("nginx", "-c", confFile.toString(), "-p", work.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(work, port, process);
        nginx.awaitListening();
        return nginx;
    }

    String url(String urlPath) {
        return "http://127.0.0.1:" + port + urlPath;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx stopped: " + Files.readString(work.resolve("nginx.out")));
            }
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nginx did not listen on port " + port + " within 10 s");
    }

    /** A port free on 127.0.0.1, where nginx listens and the tests connect, not one free on every interface. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
