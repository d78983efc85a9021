package io.prompd.client.http;

import io.prompd.client.config.HttpLimits;
import io.prompd.client.config.Settings;
import io.prompd.client.http.RequestListener.Outcome;
import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import io.prompd.core.archive.Integrity;
import io.prompd.core.archive.IntegrityOutputStream;
import io.prompd.core.concurrent.Sleeper;
import io.prompd.core.files.AtomicFiles;
import io.prompd.core.protocol.RegistryLayout;
import io.prompd.core.protocol.Urls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The client's only way to read a registry: a folder of static files behind {@code https://},
 * {@code http://} or {@code file://}. JSON documents are cached on disk and revalidated with
 * {@code ETag} and {@code Last-Modified}; tarballs are streamed to disk and verified before they
 * are put in place. Safe to share between threads; one instance per run keeps connections alive.
 */
public final class RegistryFetcher {

    /** The folder under the prompd cache that holds documents. */
    public static final String CACHE_FOLDER = "http";

    /**
     * The way out of a failure to fetch a document the cache holds, added to its hint only then: an {@code --offline}
     * run reads the cached copy, and one of a document not cached fails as "offline and not cached". That is all a
     * fetcher knows; a command whose run needs more (other documents, the tarballs of the versions it chooses) keeps
     * the offer only where an offline run of it would get through, and otherwise takes it out of the hint again.
     */
    public static final String OFFLINE_OFFER = ", or use --offline to work from the cache";

    /** A document may change at any time, so caches on the way revalidate it, as npm asks for its package documents. */
    private static final Map<String, String> DOCUMENT_HEADERS = Map.of("Accept", "application/json",
            "Cache-Control", "no-cache", "Pragma", "no-cache");

    /**
     * A tarball never changes once published, so caches on the way may keep it as long as its host
     * allows; and a host that chooses a body by {@code Accept} is asked for the archive, not a web page.
     */
    private static final Map<String, String> TARBALL_HEADERS = Map.of("Accept",
            "application/gzip, application/octet-stream;q=0.9, */*;q=0.1");

    private static final String INTEGRITY_HINT = "the file differs from what the registry recorded and was not kept;"
            + " try again later, and tell the registry's maintainers if it persists";

    private final HttpCache cache;
    private final boolean offline;
    /** Whether a cached copy that cannot be read stays, as a {@link #cacheOnly} fetcher leaves it. */
    private final boolean keepsDamaged;
    /** Whether a document received from the network is cached, as every fetcher but a {@link #lookingOnly} one does. */
    private final boolean caches;
    /** How often a document's request is tried. */
    private final RetryPolicy documentRetry;
    private final HttpSettings settings;
    private final Transport transport;
    private final LongSupplier nanoTime;
    /** Hears of each try that ended; the transport, of each try again. */
    private final RequestListener listener;

    /**
     * @param cacheFolder where documents are cached
     * @param offline     read documents only from the cache and download nothing over the network
     * @param sleeper     waits between attempts
     * @param clock       tells how long a registry asks to be left alone until a date ({@code Retry-After})
     * @param nanoTime    the ticker a body's rate is measured by for the {@linkplain HttpSettings#lowSpeed low-speed
     *                    limit}, in nanoseconds as {@link System#nanoTime} counts them
     * @param listener    hears of each request: the waits a registry asks for, the tries that ended
     */
    public RegistryFetcher(Path cacheFolder, boolean offline, HttpSettings settings, Sleeper sleeper, Clock clock,
                           LongSupplier nanoTime, RequestListener listener) {
        this.cache = new HttpCache(Objects.requireNonNull(cacheFolder, "cacheFolder"));
        this.offline = offline;
        this.keepsDamaged = false;
        this.caches = true;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.documentRetry = settings.retry();
        this.transport = new Transport(settings, Objects.requireNonNull(sleeper, "sleeper"), new SplittableRandom(),
                Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(listener, "listener"));
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.listener = listener;
    }

    /** See {@link #cacheOnly} and {@link #lookingOnly}: a copy that never changes a cached copy. */
    private RegistryFetcher(RegistryFetcher fetcher, boolean offline, boolean caches, RetryPolicy documentRetry,
                            RequestListener listener) {
        this.cache = fetcher.cache;
        this.offline = offline;
        this.keepsDamaged = true;
        this.caches = caches;
        this.settings = fetcher.settings;
        this.documentRetry = documentRetry;
        this.transport = fetcher.transport;
        this.nanoTime = fetcher.nanoTime;
        this.listener = listener;
    }

    /**
     * This fetcher as an {@code --offline} run's, reading the same cache, which it never changes: a cached copy that
     * cannot be read fails as offline, and stays. For a run that failed online to ask whether one with
     * {@code --offline} would get further, changing nothing meanwhile. Its reads are told to no listener: they ask
     * what another run would read, and are none of this run's requests.
     */
    public RegistryFetcher cacheOnly() {
        return new RegistryFetcher(this, true, caches, documentRetry, RequestListener.NONE);
    }

    /**
     * This fetcher for a look that must neither hold its run up nor change the cache, such as one made before emptying
     * it: each document asked once, with no wait and no word of one, so that a registry that cannot be reached leaves
     * the answer unknown at once; one received from the network read but not cached, and a cached copy that cannot be
     * read left as it is. A cached copy is read, and revalidated online, as by any run.
     */
    public RegistryFetcher lookingOnly() {
        return new RegistryFetcher(this, offline, false, RetryPolicy.ONCE, listener);
    }

    /**
     * The fetcher of a run: cache under {@code <home>/cache/http}, offline, proxies, extra CA certificates and client
     * certificate as chosen, the default limits but those the run's variables or else the configuration chose, bodies
     * timed by the system's ticker.
     *
     * @param configured the limits the configuration chose, which the run's own win over
     */
    public static RegistryFetcher of(Settings runSettings, HttpLimits configured, Clock clock, Sleeper sleeper,
                                     RequestListener listener) {
        return new RegistryFetcher(runSettings.cacheFolder().resolve(CACHE_FOLDER), runSettings.offline(),
                HttpSettings.defaults().withLimits(runSettings.http().or(configured))
                        .withNetwork(Proxies.of(runSettings.proxyVariables()), runSettings.caFile(),
                                runSettings.clientKeyStore()),
                sleeper, clock, System::nanoTime, listener);
    }

    /**
     * Reads every document cached under {@code <cacheFolder>/http} as an {@code --offline} run would, and deletes
     * those it would call damaged, for the next run online to fetch them whole.
     */
    public static DocumentCheck verifyCache(Path cacheFolder) throws IOException {
        return new HttpCache(cacheFolder.resolve(CACHE_FOLDER)).verify();
    }

    /** How many requests it sends at once, across threads. */
    public int maxConcurrent() {
        return settings.maxConcurrent();
    }

    /** Deletes the temporary files of documents that runs killed midway left in the cache, and says which. */
    public List<Path> removeLeftovers() throws IOException {
        return cache.removeOrphans();
    }

    /** A public document. */
    public Document fetchDocument(URI url) {
        return document(url, Optional.empty(), documentRetry);
    }

    /**
     * A public document, asked once, with no wait and no word of one: for a question a failure answers as well (is it
     * served without credentials?), which should neither hold the run up nor say a fetch is failing.
     */
    public Document fetchDocumentOnce(URI url) {
        return document(url, Optional.empty(), RetryPolicy.ONCE);
    }

    /**
     * A document, sending the credential if the URL is under its registry's.
     *
     * @throws NotFound       if the registry has no such document
     * @throws PrompdException NETWORK if it cannot be reached or refuses access; {@link NotCached} if this run is
     *                         offline and the document is not cached, or its cached copy is damaged
     */
    public Document fetchDocument(URI url, Credential credential) {
        return document(url, Optional.of(Objects.requireNonNull(credential, "credential")), documentRetry);
    }

    /** Where a document's bytes came from, which decides what its reader's verdict does to the cache. */
    private enum Source { FOLDER, NETWORK, CACHE }

    /**
     * A document as fetched, whose bytes are had only through {@link #read}: one received from the
     * network is cached once its reader could read it, so a damaged answer never replaces the good copy
     * an {@code --offline} run needs, and a cached copy its reader cannot read is dropped, so that the
     * next run fetches it whole rather than revalidate the damage, which a 304 to its {@code ETag} would keep.
     */
    public final class Document {

        private final URI url;
        private final URI answeredBy;
        private final CachedDocument content;
        private final Source source;
        private final boolean cachedBefore;

        /** @param cachedBefore whether the cache holds an earlier copy, which a damaged answer from the network leaves */
        private Document(URI url, URI answeredBy, CachedDocument content, Source source, boolean cachedBefore) {
            this.url = url;
            this.answeredBy = answeredBy;
            this.content = content;
            this.source = source;
            this.cachedBefore = cachedBefore;
        }

        /**
         * Whether an {@code --offline} run would read another copy of it: one cached before this answer came from the
         * network, which an answer its reader cannot read does not replace. A cached copy that cannot be read is
         * dropped, and a folder's file has none.
         */
        public boolean offlineHasAnother() {
            return cachedBefore;
        }

        /** The URL asked for. */
        public URI url() {
            return url;
        }

        /** The URL that answered, after any redirects; a cached copy's is the one asked for. */
        public URI answeredBy() {
            return answeredBy;
        }

        /**
         * What {@code reader} makes of the bytes; a {@link RuntimeException} it throws says they cannot
         * be read, and is thrown on.
         */
        public <T> T read(Function<byte[], T> reader) {
            T read;
            try {
                read = reader.apply(content.body());
            } catch (RuntimeException unreadable) {
                if (source == Source.CACHE && !keepsDamaged) {
                    cache.delete(url);
                }
                throw unreadable;
            }
            if (source == Source.NETWORK && caches) {
                cache.write(url, content);
            }
            return read;
        }
    }

    /**
     * Downloads a public file; see {@link #download(URI, Credential, Path, Integrity, OptionalLong, ProgressListener)}.
     */
    public void download(URI url, Path target, Integrity expected, OptionalLong size, ProgressListener progress) {
        transfer(url, Optional.empty(), target, expected, size, progress);
    }

    /**
     * Downloads a file to {@code target}, which appears only once its content has the expected
     * integrity; until then the bytes live in a temporary file beside it. An existing target is replaced.
     *
     * @param size the tarball's length as its index records it, if known: no more than one byte beyond it is read,
     *             and a whole body of another length is other bytes than the recorded ones, an empty one excepted,
     *             which is tried again as a body shorter than its {@code Content-Length} is
     * @throws PrompdException INTEGRITY if the content differs from {@code expected}, or came whole at another size
     *                         than the recorded one (no file is left behind), NETWORK if it is a web page instead or
     *                         keeps coming empty; {@link NotFound} and NETWORK as for documents; {@link NotCached}
     *                         offline, a URL outside a folder
     */
    public void download(URI url, Credential credential, Path target, Integrity expected, OptionalLong size,
                         ProgressListener progress) {
        transfer(url, Optional.of(Objects.requireNonNull(credential, "credential")), target, expected, size, progress);
    }

    private Document document(URI url, Optional<Credential> credential, RetryPolicy retry) {
        Objects.requireNonNull(url, "url");
        if (isFile(url)) {
            byte[] body = once(url, told(url, () -> readDocument(FolderFile.open(url), url),
                    read -> new Answer(Outcome.READ, url, read.length)));
            return new Document(url, url, new CachedDocument(body, Optional.empty(), Optional.empty()), Source.FOLDER,
                    false);
        }
        Optional<CachedDocument> cached = cache.read(url);
        if (offline) {
            cached.ifPresent(copy -> listener.ended(new RequestListener.Ended(url, url, Outcome.CACHED,
                    Optional.empty(), 0, Duration.ZERO)));
            return cached.map(copy -> new Document(url, url, copy, Source.CACHE, false))
                    .orElseThrow(() -> cache.holdsFileFor(url)
                    ? new NotCached("offline, and the cached copy of " + Urls.display(url) + " is damaged ("
                            + cache.fileOf(url) + ")", "run once without --offline to fetch it again")
                    : new NotCached("offline and not cached: " + Urls.display(url),
                            "run once without --offline to fetch it into the cache"));
        }
        Map<String, String> headers = new LinkedHashMap<>(DOCUMENT_HEADERS);
        headers.putAll(ContentEncoding.ACCEPT_GZIP);
        cached.ifPresent(known -> headers.putAll(known.conditionalHeaders()));
        try {
            return fetched(url, credential, headers, cached, retry);
        } catch (FetchFailure failed) {
            throw cached.isPresent() ? failed.cached() : failed;
        }
    }

    private Document fetched(URI url, Optional<Credential> credential, Map<String, String> headers,
                             Optional<CachedDocument> cached, RetryPolicy retry) {
        return transport.withRetries(url, told(url, () -> {
            Transport.Response response = transport.open(url, credential, headers);
            if (response.statusCode() == 304 && cached.isPresent()) {
                Transport.close(response);
                return new Document(url, url, cached.get(), Source.CACHE, false);
            }
            ResponseBody encoded = transport.bodyOf(response, url);
            byte[] body;
            try {
                body = readDocument(ContentEncoding.decode(encoded, response.header("Content-Encoding"), url), url);
            } catch (TransientFailure cutShort) {
                throw cutShort.answeredBy(response.url());
            }
            return new Document(url, response.url(), new CachedDocument(body, response.header("ETag"),
                    response.header("Last-Modified")), Source.NETWORK, cached.isPresent());
        }, document -> document.source == Source.CACHE ? new Answer(Outcome.REVALIDATED, url, 0)
                : new Answer(Outcome.FETCHED, document.answeredBy, document.content.body().length)), retry);
    }

    private byte[] readDocument(ResponseBody body, URI url) throws TransientFailure, IOException {
        try (InputStream in = body.stream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Transfers.copy(in, body.length(), bytes, ignored -> { }, Long.MAX_VALUE, settings.maxDocumentBytes(),
                    "a registry document this large is not one prompd expects; check the registry URL",
                    settings.lowSpeed(),
                    nanoTime, Urls.displayAnswered(url, body.source()));
            return bytes.toByteArray();
        }
    }

    private void transfer(URI url, Optional<Credential> credential, Path target, Integrity expected, OptionalLong size,
                          ProgressListener progress) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(progress, "progress");
        boolean file = isFile(url);
        if (offline && !file) {
            throw new NotCached("offline and not cached: " + Urls.display(url),
                    "run once without --offline to download it into the cache");
        }
        Transport.Attempt<Answer> attempt = told(url, () -> {
            ResponseBody body = file ? FolderFile.open(url) : transport.bodyOf(transport.open(url, credential,
                    TARBALL_HEADERS), url);
            try (InputStream in = body.stream()) {
                return new Answer(file ? Outcome.READ : Outcome.FETCHED, body.source(),
                        saveVerified(in, body, url, target, expected, size, progress));
            } catch (TransientFailure cutShort) {
                throw cutShort.answeredBy(body.source());
            }
        }, Function.identity());
        try {
            if (file) {
                once(url, attempt);
            } else {
                transport.withRetries(url, attempt);
            }
        } finally {
            progress.finished();
        }
    }

    /**
     * Streams to a temporary file while hashing, and moves it into place only if the hash is the expected one.
     *
     * @return how many bytes came
     */
    private long saveVerified(InputStream in, ResponseBody body, URI url, Path target, Integrity expected,
                              OptionalLong size, ProgressListener progress) throws TransientFailure, IOException {
        return AtomicFiles.writeStream(target, file -> {
            IntegrityOutputStream hashing = new IntegrityOutputStream(file, expected.algorithm());
            HeadKeepingStream keeping = new HeadKeepingStream(hashing);
            progress.started(body.length());
            // a byte beyond the recorded size says the body is longer, and what may follow it is not worth fetching
            long enough = size.isPresent() ? size.getAsLong() + 1 : Long.MAX_VALUE;
            long received = Transfers.copy(in, body.length(), keeping, progress::advanced, enough,
                    settings.maxTarballBytes(), "no package's tarball is this large, so the registry sent something"
                    + " else, and nothing of it was kept; tell the registry's maintainers", settings.lowSpeed(),
                    nanoTime, Urls.displayAnswered(url, body.source()));
            keeping.flush();
            Integrity actual = hashing.integrity();
            if (expected.matches(actual)) {
                return received;
            }
            if (WebPage.announced(body.contentType()) || WebPage.startsOne(keeping.head())) {
                // a folder has no host or proxy to blame: the page is in the folder, where no try again mends it
                throw WebPage.insteadOf("a gzip tarball", url, body.source(), "nothing of it was kept: " + (isFile(url)
                        ? "the registry's folder holds a web page in the tarball's place (a page saved from a browser"
                        + " rather than the file?); tell whoever copied the registry, or build it again"
                        : "the registry's host, or a proxy or CDN in front of it, answered with an error or login"
                        + " page; try again later, and tell the registry's maintainers if it persists"));
            }
            String failed = "integrity check failed for " + Urls.displayAnswered(url, body.source()) + ": ";
            if (size.isPresent() && received != size.getAsLong()) {
                if (received == 0) {
                    // no byte of a package came, as from a CDN that answered before it held the file: the way failed
                    throw new TransientFailure("received 0 bytes of a tarball whose index records "
                            + size.getAsLong());
                }
                // the body came whole (the transfer checked its Content-Length, or it ended cleanly), so the registry
                // serves other bytes than it recorded, which a second try would get again
                throw new IntegrityMismatch(failed + "its index records " + size.getAsLong() + " bytes but "
                        + (received > size.getAsLong() ? "more" : received) + " were received", INTEGRITY_HINT, url,
                        expected, actual);
            }
            throw new IntegrityMismatch(failed + "expected " + expected + " but got " + actual, INTEGRITY_HINT, url,
                    expected, actual);
        });
    }

    /** How a try that got through ended, for the listener: what it was, which URL answered, how many bytes came. */
    private record Answer(Outcome outcome, URI answeredBy, long bytes) {
    }

    /**
     * The try, told to the listener as it ends: as {@code answer} reads its result when it got through, by its failure
     * when it did not, and timed by the run's ticker either way.
     */
    private <T> Transport.Attempt<T> told(URI url, Transport.Attempt<T> attempt, Function<T, Answer> answer) {
        return () -> {
            long start = nanoTime.getAsLong();
            T result;
            try {
                result = attempt.run();
            } catch (Exception failure) {
                listener.ended(new RequestListener.Ended(url, answeredBy(failure).orElse(url), Outcome.FAILED,
                        Optional.of(reason(failure)), 0, since(start)));
                throw failure;
            }
            Answer got = answer.apply(result);
            listener.ended(new RequestListener.Ended(url, got.answeredBy(), got.outcome(), Optional.empty(),
                    got.bytes(), since(start)));
            return result;
        };
    }

    private Duration since(long start) {
        return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - start));
    }

    /** The URL whose answer failed the try, when redirects led there and the failure says so. */
    private static Optional<URI> answeredBy(Exception failure) {
        if (failure instanceof TransientFailure transientFailure) {
            return transientFailure.answeredBy();
        }
        return failure instanceof NotFound notFound ? Optional.of(notFound.answeredBy()) : Optional.empty();
    }

    /**
     * A failure in a few words: a status as such ({@code HTTP 503}), as a refusal's and a missing file's messages tell
     * it at length, which the run's error gives in full; else the failure's own words, which name no credential.
     */
    private static String reason(Exception failure) {
        if (failure instanceof NotFound) {
            return "not found";
        }
        if (failure instanceof AccessRefused refused) {
            return "HTTP " + refused.status();
        }
        return Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getSimpleName());
    }

    /**
     * A read of a file, with a permit as a request has, and tried once: what a disk fails to give, a second try would
     * not get either, so a failure the network's transfer would try again ({@link TransientFailure}) is final here.
     */
    private <T> T once(URI url, Transport.Attempt<T> read) {
        return transport.withRetries(url, () -> {
            try {
                return read.run();
            } catch (TransientFailure failure) {
                throw FolderFile.unreadable(url, failure);
            }
        });
    }

    /** Whether the URL is read from disk rather than over the network; a scheme no registry is read over is refused. */
    private static boolean isFile(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (RegistryLayout.URL_SCHEMES.contains(scheme)) {
            return RegistryLayout.isFileUrl(url);
        }
        throw new PrompdException(ExitCode.USAGE, "unsupported registry URL: " + Urls.display(url),
                "a registry is read over https://, http:// or file://");
    }
}
