import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The least work any JVM build of a registry's output can do, to measure how far the generator's goal
 * (a full build in at most twice what {@code tar czf} of the version folders takes) is from what is possible
 * at all: read every file of every version folder, write one gzipped tar of each version and one JSON
 * document per version with its SHA-512 integrity, and one document per package listing its versions.
 * With {@code --parse}, each version's document also holds what the issue puts there and only parsing
 * gives: its manifest ({@code prompd.json}, read with Jackson) and each prompt's front matter (read with
 * SnakeYAML, which the generator reaches through Jackson's YAML module).
 * Nothing is checked (no name rule, no secret scan, no Git, no publication history, no escaping), and
 * every thread keeps its own deflater and parsers: the generator does all of this and more, so its time
 * can only be longer.
 *
 * <p>Usage: {@code java -cp prompd-registry.jar:. BuildFloor PACKAGES_FOLDER OUT_FOLDER [--parse]}
 * (bench/generator.sh compiles it first, so that compiling is not timed).
 */
public final class BuildFloor {
    private static final int TAR_RECORD = 512;
    private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(6, true));
    private static final ThreadLocal<Yaml> YAML =
            ThreadLocal.withInitial(() -> new Yaml(new SafeConstructor(new LoaderOptions())));
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path packages = Path.of(args[0]);
        Path out = Path.of(args[1]);
        boolean parse = args.length > 2 && args[2].equals("--parse");
        List<Path> packageFolders = new ArrayList<>();
        for (Path scope : sortedChildren(packages)) {
            packageFolders.addAll(sortedChildren(scope));
        }
        ExecutorService threads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (Path packageFolder : packageFolders) {
                Path target = out.resolve(packages.relativize(packageFolder));
                builds.add(threads.submit(() -> buildPackage(packageFolder, target, parse)));
            }
            for (Future<?> build : builds) {
                build.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static Void buildPackage(Path packageFolder, Path target, boolean parse) throws IOException {
        Files.createDirectories(target.resolve("-"));
        StringBuilder index = new StringBuilder("{\"versions\":[");
        for (Path versionFolder : sortedChildren(packageFolder)) {
            String version = versionFolder.getFileName().toString();
            Map<String, byte[]> files = new TreeMap<>();
            readFiles(versionFolder, "", files);
            byte[] tarball = gzip(tar(files));
            Files.write(target.resolve("-").resolve(packageFolder.getFileName() + "-" + version + ".tgz"), tarball);
            Map<String, Object> document = new TreeMap<>();
            document.put("version", version);
            document.put("integrity", "sha512-" + sha512(tarball));
            if (parse) {
                document.put("manifest", JSON.readTree(files.get("prompd.json")));
                Map<String, Object> prompts = new TreeMap<>();
                files.forEach((path, content) -> {
                    if (path.endsWith(".prmd")) {
                        prompts.put(path, YAML.get().load(frontMatter(content)));
                    }
                });
                document.put("prompts", prompts);
            }
            JSON.writeValue(target.resolve(version + ".json").toFile(), document);
            index.append(index.charAt(index.length() - 1) == '[' ? "" : ",").append('"').append(version).append('"');
        }
        Files.writeString(target.resolve("index.json"), index.append("]}").toString());
        return null;
    }

    private static void readFiles(Path folder, String prefix, Map<String, byte[]> files) throws IOException {
        for (Path child : sortedChildren(folder)) {
            String path = prefix + child.getFileName();
            if (Files.isDirectory(child)) {
                readFiles(child, path + "/", files);
            } else {
                files.put(path, Files.readAllBytes(child));
            }
        }
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            byte[] content = file.getValue();
            tar.write(header("package/" + file.getKey(), content.length));
            tar.write(content);
            tar.write(new byte[(TAR_RECORD - content.length % TAR_RECORD) % TAR_RECORD]);
        }
        tar.write(new byte[2 * TAR_RECORD]);
        return tar.toByteArray();
    }

    /** The text between a prompt's two {@code ---} lines. */
    private static String frontMatter(byte[] prompt) {
        String text = new String(prompt, StandardCharsets.UTF_8);
        int start = text.indexOf('\n') + 1;
        return text.substring(start, text.indexOf("\n---", start));
    }

    /** A ustar header with a fixed mode and time, as a reproducible archive has. */
    private static byte[] header(String name, long size) {
        byte[] header = new byte[TAR_RECORD];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum));
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }

    private static byte[] gzip(byte[] data) {
        Deflater deflater = DEFLATER.get();
        deflater.reset();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream gzip = new ByteArrayOutputStream(data.length / 4 + 64);
        gzip.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff}, 0, 10);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            gzip.write(buffer, 0, deflater.deflate(buffer));
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        writeLittleEndian(gzip, crc.getValue());
        writeLittleEndian(gzip, data.length);
        return gzip.toByteArray();
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }

    private static String sha512(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(data));
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            listing.forEach(children::add);
        }
        children.sort(null);
        return children;
    }
}
