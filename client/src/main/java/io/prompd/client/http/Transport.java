package io.prompd.client.http;

import io.prompd.client.config.Settings;
import io.prompd.core.ExitCode;
import io.prompd.core.Plural;
import io.prompd.core.PrompdException;
import io.prompd.core.concurrent.Sleeper;
import io.prompd.core.protocol.Urls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sends GET requests the way every registry read needs: a bounded number at once, tried again
 * with backoff on transient failures, redirects followed by hand so a credential never leaves
 * its origin.
 *
 * <p>Over {@link HttpURLConnection}, not {@code java.net.http.HttpClient}: a short command line run
 * spends most of its time loading and interpreting code, and the blocking connection is a fraction
 * of the asynchronous client's classes, starts no selector or worker threads, and sets up TLS only
 * for an https URL where the client does it when it is built. Its keep-alive cache reuses
 * connections across requests and threads alike.
 */
final class Transport {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "prompd";
    private static final int PROXY_LOGIN_REQUIRED = 407;
    /**
     * How the JDK refuses an answer to its TLS handshake that is no TLS record, which a server speaking plain HTTP
     * sends: every try would meet the same.
     */
    private static final String PLAIN_HTTP_ANSWER = "Unsupported or unrecognized SSL message";
    /**
     * How the JDK's check of the certificate's names against the URL's host fails ({@code No subject alternative names
     * matching IP address …}, {@code No subject alternative DNS name matching …}, {@code No name matching …}), which
     * comes after the certificate's signer was trusted.
     */
    private static final Pattern HOST_NOT_NAMED = Pattern.compile("No subject alternative|No name matching");
    private static final String DOWN_HINT = "the registry or the network may be down; try again later";
    /**
     * The longest {@code Retry-After} read as written; a longer one is read as the longest, still far past any wait.
     */
    private static final Duration LONGEST_RETRY_AFTER = Duration.ofSeconds(999_999_999_999_999_999L);

    private final HttpSettings settings;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    /** Turns a {@code Retry-After} date into a wait. */
    private final Clock clock;
    private final RequestListener listener;
    private final Semaphore permits;
    private final Outages outages = new Outages();
    private final ClientCertificateRequests clientCertificates;
    private final Optional<ExtraCertificates> extraCertificates;
    private BoundedHandshakes tlsSockets;
    private final int connectTimeoutMillis;
    /**
     * A blocking socket has one read timeout, for the headers and the body alike: the shorter of the
     * two limits keeps both promises (no wait for headers beyond the request timeout, no silent body
     * beyond the idle one).
     */
    private final int readTimeoutMillis;

    Transport(HttpSettings settings, Sleeper sleeper, RandomGenerator random, Clock clock, RequestListener listener) {
        // before the first connection, which takes the cookie handler there is when it is made
        ResponseHeads.install();
        this.settings = settings;
        this.sleeper = sleeper;
        this.random = random;
        this.clock = clock;
        this.listener = listener;
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.clientCertificates = new ClientCertificateRequests(settings.clientKeyStore());
        this.extraCertificates = settings.caFile().map(file -> new ExtraCertificates(file, clientCertificates));
        this.connectTimeoutMillis = millis(settings.connectTimeout());
        this.readTimeoutMillis = millis(settings.requestTimeout().compareTo(settings.idleTimeout()) < 0
                ? settings.requestTimeout() : settings.idleTimeout());
    }

    /** At least a millisecond, as zero would mean no timeout at all. */
    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * A response whose status and headers have arrived; its body is read with
     * {@link #bodyOf} or dropped with {@link #close}.
     *
     * @param url        the URL that answered, after any redirects
     * @param authorized whether the request it answered carried a credential, which tells a refusal of the
     *                   credential from one of a request that went without
     * @param kept       the head the connection read, when the JDK failed on it and so fails every read of the
     *                   connection's own ({@link #response}); empty when the connection gives its head
     */
    record Response(HttpURLConnection connection, int statusCode, URI url, boolean authorized,
                    Optional<ResponseHeads.Head> kept) {

        Response {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(kept, "kept");
        }

        /** The header's value; the last one of a header the response repeats. */
        Optional<String> header(String name) {
            if (kept.isPresent()) {
                List<String> values = kept.get().values(name);
                return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
            }
            return Optional.ofNullable(connection.getHeaderField(name));
        }

        /** Every value of a header the response may repeat, in order; the field's name compared ignoring case. */
        List<String> headers(String name) {
            if (kept.isPresent()) {
                return kept.get().values(name);
            }
            List<String> values = new ArrayList<>();
            // index 0 is the status line, whose key is null
            for (int index = 1; connection.getHeaderField(index) != null; index++) {
                if (name.equalsIgnoreCase(connection.getHeaderFieldKey(index))) {
                    values.add(connection.getHeaderField(index));
                }
            }
            return List.copyOf(values);
        }
    }

    /** One try of a request; a {@link TransientFailure} asks for another, anything else ends it. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws TransientFailure, IOException, InterruptedException;
    }

    /**
     * Runs the attempt until it succeeds, fails for good, or the policy's attempts or time to wait
     * are spent. Each attempt holds one of the permits; waiting between attempts holds none.
     */
    <T> T withRetries(URI url, Attempt<T> attempt) {
        return withRetries(url, attempt, settings.retry());
    }

    /** As {@link #withRetries(URI, Attempt)}, by another policy: one attempt for a question whose answer may fail. */
    <T> T withRetries(URI url, Attempt<T> attempt, RetryPolicy retry) {
        Object request = new Object();
        Duration waited = Duration.ZERO;
        try {
            for (int attemptNumber = 1; ; attemptNumber++) {
                requireReachable(url);
                try {
                    T result = runWithPermit(attempt);
                    outages.reached(url);
                    return result;
                } catch (TransientFailure failure) {
                    // only a connection to an http(s) host is unreachable, whose URL has an origin
                    if (failure.unreachable() && !outages.triesAgain(url, request)) {
                        // another request's tries of the host stood for this one's: they got through, or it fails
                        requireReachable(url);
                        if (attemptNumber < retry.maxAttempts()) {
                            continue;
                        }
                        throw gaveUp(url, attemptNumber, failure);
                    }
                    if (!failure.unreachable()) {
                        outages.ended(request);
                    }
                    Duration backoff = retry.delayAfter(attemptNumber, random);
                    Optional<Duration> asked = failure.retryAfter().filter(wait -> wait.compareTo(backoff) > 0);
                    waited = waited.plus(asked.orElse(backoff));
                    if (attemptNumber == retry.maxAttempts() || waited.compareTo(retry.maxWait()) > 0) {
                        if (failure.unreachable()) {
                            throw unreachable(url, outages.gaveUp(url, attemptNumber, failure));
                        }
                        throw gaveUp(url, attemptNumber, failure);
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        // the run no longer wants the document: no try follows to announce, and the failure is said
                        // as any interrupted fetch's, below
                        throw new InterruptedException();
                    }
                    listener.retrying(new RequestListener.Retry(url, failure.getMessage(), asked, attemptNumber + 1,
                            retry.maxAttempts()));
                    sleeper.sleep(asked.orElse(backoff));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PrompdException(ExitCode.NETWORK, "interrupted while fetching " + Urls.display(url), "");
        } catch (IOException local) {
            throw new UncheckedIOException(local);
        } finally {
            outages.ended(request);
        }
    }

    /** Fails a request to a host that a request of this run gave up on, unreachable, without trying it (again). */
    private void requireReachable(URI url) {
        Optional<Outages.Outage> outage = outages.of(url);
        if (outage.isPresent()) {
            throw unreachable(url, outage.get());
        }
    }

    /**
     * The failure of every request to a host given up on, in the same words whichever of the requests in flight was
     * the one trying it again and whether one started after: which that is, is a race, and output is deterministic.
     */
    private static FetchFailure unreachable(URI url, Outages.Outage outage) {
        TransientFailure last = outage.last();
        // the attempts are the host's, not this URL's: another request may have made them all
        String unreached = last.proxy().map(proxy -> "the proxy " + proxy.server()).orElse(outage.origin().toString());
        return FetchFailure.gaveUp("could not fetch " + Urls.display(url) + ": this run gave up on reaching "
                + unreached + " after " + Plural.count(outage.attempts(), "attempt") + " (last: " + last.getMessage()
                + ")", downHint(last), url, last, Optional.of(last.getMessage()));
    }

    /** What to look into about a host that failed or could not be reached: the proxy, when that was what failed. */
    private static String downHint(TransientFailure last) {
        return last.proxy().map(TransientFailure.UnreachableProxy::hint).orElse(DOWN_HINT);
    }

    /** The failure of a request given up on; a registry that said when to come back is up, and the hint says so. */
    private static FetchFailure gaveUp(URI url, int attempts, TransientFailure last) {
        String asked = last.retryAfter().map(wait -> ", asked to wait " + wait.toSeconds() + " s").orElse("");
        String hint = last.retryAfter().filter(wait -> wait.toSeconds() > 0)
                .map(wait -> "the registry asks to wait " + wait.toSeconds() + " s (" + last.getMessage()
                                + "): try again after that")
                .orElse(last.malformed() ? "the registry answered, but malformed: its server, or a proxy on the way, is"
                        + " broken rather than down; try again later, and if it persists tell the registry's"
                        + " maintainers (or the proxy's)" : downHint(last));
        return FetchFailure.gaveUp("could not fetch " + Urls.displayAnswered(url, last.answeredBy().orElse(url))
                + ": gave up after " + Plural.count(attempts, "attempt") + " (last: " + last.getMessage() + asked + ")",
                hint, url, last, last.unreachable() ? Optional.of(last.getMessage()) : Optional.empty());
    }

    private <T> T runWithPermit(Attempt<T> attempt) throws TransientFailure, IOException, InterruptedException {
        permits.acquire();
        try {
            return attempt.run();
        } finally {
            permits.release();
        }
    }

    /**
     * Sends a GET and follows redirects, up to the limit. The credential goes only to URLs under its
     * registry's, and once a redirect has left them it is not sent again for this request.
     *
     * @return the first response that is not a redirect; the caller closes its body
     */
    Response open(URI url, Optional<Credential> credential, Map<String, String> headers) throws TransientFailure {
        URI current = url;
        Optional<Credential> sent = credential.filter(known -> known.appliesTo(url));
        for (int redirects = 0; ; redirects++) {
            Response response = send(current, sent, headers);
            if (!REDIRECTS.contains(response.statusCode())) {
                return response;
            }
            close(response);
            if (redirects == settings.maxRedirects()) {
                throw new PrompdException(ExitCode.NETWORK, "more than " + settings.maxRedirects() + " redirects from "
                        + Urls.display(url), "the registry's host is misconfigured; check the registry URL");
            }
            URI next = redirectTarget(current, response, url);
            if (sent.isPresent() && !sent.get().appliesTo(next)) {
                sent = Optional.empty();
            }
            current = next;
        }
    }

    /**
     * The body of a 200 response, guarded against stalls; any other status ends the attempt as {@link #requireOk} says.
     */
    ResponseBody bodyOf(Response response, URI url) throws TransientFailure {
        try {
            requireOk(response, url);
        } catch (TransientFailure | RuntimeException failed) {
            close(response);
            throw failed;
        }
        try {
            return new ResponseBody(response.connection().getInputStream(),
                    response.connection().getContentLengthLong(),
                    response.url(), response.header("Content-Type"));
        } catch (SocketTimeoutException timeout) {
            throw new TransientFailure("timed out", timeout);
        } catch (IOException dropped) {
            throw new TransientFailure("connection dropped before the body", dropped);
        }
    }

    /**
     * Accepts 200; anything else ends the attempt, as a {@link TransientFailure} when a server
     * trouble may pass (5xx, 429) or as the clear final error for the user. Each names the URL that
     * answered as well, when redirects led away from the one asked for: that host gave the status.
     */
    private void requireOk(Response response, URI url) throws TransientFailure {
        int status = response.statusCode();
        if (status == 200) {
            return;
        }
        if (status == 404 || status == 410) {
            throw new NotFound(url, response.url(), OptionalInt.of(status),
                    "check the package name and version, and the registry URL");
        }
        if (status == 401 || status == 403) {
            throw new AccessRefused(status, url, response.url(), response.authorized(),
                    response.headers("WWW-Authenticate"));
        }
        if (status == 429 || status >= 500) {
            throw TransientFailure.status(status, retryAfter(response)).answeredBy(response.url());
        }
        if (status == 304) {
            // a request reaches here only without a copy to compare (RegistryFetcher takes the 304 to one it sent)
            throw new PrompdException(ExitCode.NETWORK, "the registry answered HTTP 304 (not modified) for "
                    + Urls.displayAnswered(url, response.url()) + ", though prompd sent no copy to compare",
                    "its server, or a proxy or cache on the way, is broken, not the registry URL; try again later, and"
                            + " if it persists tell the registry's maintainers (or the proxy's)");
        }
        throw new PrompdException(ExitCode.NETWORK, "the registry answered HTTP " + status + " for "
                + Urls.displayAnswered(url, response.url()), "check the registry URL");
    }

    /**
     * The wait the {@code Retry-After} header asks for (RFC 9110, section 10.2.3): a number of seconds,
     * or an HTTP-date, which is as long as it is ahead of this run's clock and no wait once past.
     * The date is read in its IMF-fixdate form ({@code Wed, 02 Dec 2026 16:00:00 GMT}), the one a
     * server must send; a value of no form is ignored, and the failure retried as one without it. A
     * number of seconds of more than 18 digits, past what a {@code long} surely holds, is read as
     * {@link #LONGEST_RETRY_AFTER}.
     */
    private Optional<Duration> retryAfter(Response response) {
        Optional<String> value = response.header("Retry-After").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().matches("\\d+")) {
            String seconds = value.get().replaceFirst("^0+(?=\\d)", "");
            return Optional.of(seconds.length() > 18 ? LONGEST_RETRY_AFTER
                    : Duration.ofSeconds(Long.parseLong(seconds)));
        }
        try {
            Instant then = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.get(), Instant::from);
            Duration untilThen = Duration.between(clock.instant(), then);
            return Optional.of(untilThen.isNegative() ? Duration.ZERO : untilThen);
        } catch (DateTimeParseException noDate) {
            return Optional.empty();
        }
    }

    private Response send(URI url, Optional<Credential> credential, Map<String, String> headers)
            throws TransientFailure {
        Optional<ProxyServer> proxy = settings.proxies().proxyFor(url);
        HttpURLConnection connection = connection(url, proxy);
        if (connection instanceof HttpsURLConnection tls) {
            tls.setSSLSocketFactory(tlsSockets());
        }
        connection.setInstanceFollowRedirects(false);
        // prompd installs no ResponseCache, so this caches nothing; turned off, it would
        // add Cache-Control and Pragma no-cache to every request, immutable tarballs too, which each caller chooses
        connection.setUseCaches(true);
        connection.setConnectTimeout(connectTimeoutMillis);
        connection.setReadTimeout(readTimeoutMillis);
        connection.setRequestProperty("User-Agent", USER_AGENT);
        headers.forEach(connection::setRequestProperty);
        credential.ifPresent(known -> connection.setRequestProperty("Authorization", known.authorization()));
        proxy.flatMap(ProxyServer::authenticator).ifPresent(connection::setAuthenticator);
        clientCertificates.forget();
        try (ResponseHeads.Kept heads = ResponseHeads.keep()) {
            connect(connection, url, proxy, heads);
            Response response = response(connection, url, credential.isPresent(), heads);
            if (response.statusCode() == PROXY_LOGIN_REQUIRED && proxy.isPresent()) {
                close(response);
                throw proxyRefusal(proxy.get(), "HTTP 407");
            }
            return response;
        } catch (SocketTimeoutException timeout) {
            throw new TransientFailure("timed out", timeout);
        } catch (IOException closed) {
            Optional<PrompdException> refusal = clientCertificates.refusal(url, closed);
            if (refusal.isPresent()) {
                throw refusal.get();
            }
            // the connection was made, so the host is there: it, or a proxy, ended it before answering
            throw new TransientFailure("the server at " + Origin.of(url)
                    + proxy.map(through -> ", or the proxy " + through + ",")
                    .orElse("") + " closed the connection before answering ("
                    + Objects.requireNonNullElse(closed.getMessage(),
                    closed.getClass().getSimpleName()) + ")", closed);
        }
    }

    /**
     * The response the connection read. The JDK parses the challenges of a 401 or 407 before it gives the status, and
     * fails on one it cannot parse ({@link ResponseHeads}), the status and every later read of the connection too:
     * then the head it read stands in for the connection, and the response is refused as any other 401 or 407 is.
     */
    private static Response response(HttpURLConnection connection, URI url, boolean authorized,
                                     ResponseHeads.Kept heads) throws IOException {
        try {
            return new Response(connection, connection.getResponseCode(), url, authorized, Optional.empty());
        } catch (RuntimeException unparsed) {
            ResponseHeads.Head head = challengeRefused(heads, unparsed);
            return new Response(connection, head.status().orElseThrow(), url, authorized, Optional.of(head));
        }
    }

    /**
     * The head of the 401 or 407 whose challenges the JDK failed on, with {@code failure}; else that failure, which
     * is none of a malformed challenge.
     */
    private static ResponseHeads.Head challengeRefused(ResponseHeads.Kept heads, RuntimeException failure) {
        return heads.last().filter(head -> head.status().isPresent()
                && (head.status().getAsInt() == 401 || head.status().getAsInt() == PROXY_LOGIN_REQUIRED))
                .orElseThrow(() -> failure);
    }

    /**
     * The sockets of every https request, trusting Java's CAs and the extra ones, and sending the key store's client
     * certificate ({@link ClientCertificateRequests}), made at the first such request so that a bad CA file or key
     * store fails only the runs that need it: one factory for all, as the keep-alive cache reuses a connection only for
     * the factory that made it.
     */
    private synchronized BoundedHandshakes tlsSockets() {
        if (tlsSockets == null) {
            tlsSockets = new BoundedHandshakes(extraCertificates.map(ExtraCertificates::socketFactory)
                    .orElseGet(() -> clientCertificates.socketFactory(null)), connectTimeoutMillis);
        }
        return tlsSockets;
    }

    /**
     * Connects, apart from sending the request, so that a host that cannot be reached is told from
     * one that closes the connection it accepted.
     */
    private void connect(HttpURLConnection connection, URI url, Optional<ProxyServer> proxy, ResponseHeads.Kept heads)
            throws TransientFailure {
        try {
            connection.connect();
        } catch (RuntimeException unparsed) {
            // only a proxy answers while the connection is made: to the CONNECT of an https request's tunnel
            if (proxy.isEmpty() || challengeRefused(heads, unparsed).status().getAsInt() != PROXY_LOGIN_REQUIRED) {
                throw unparsed;
            }
            throw proxyRefusal(proxy.get(), "HTTP " + PROXY_LOGIN_REQUIRED);
        } catch (SocketTimeoutException timeout) {
            if (handshakeBegun(connection)) {
                // every try would wait as long for the same silence
                throw new FetchFailure(Origin.of(url) + proxy.map(through -> " (through the proxy " + through + ")")
                        .orElse("") + " accepted the connection but did not answer the TLS handshake within "
                        + settings.connectTimeout().toSeconds() + " s: is this server plain HTTP? One such as"
                        + " 'prompd-registry serve' waits for the rest of a request instead",
                        "if the registry is served over plain HTTP, try its http:// URL; if the https:// URL is right,"
                        + " the server's TLS is stalled or misconfigured: try again later, or tell its maintainers",
                        true, timeout);
            }
            throw TransientFailure.connectTimedOut(timeout);
        } catch (SSLHandshakeException handshake) {
            throw clientCertificates.refusal(url, handshake).or(() -> untrusted(url, proxy, handshake))
                    .orElseThrow(() -> new TransientFailure("cannot reach " + Origin.of(url)
                    + " (TLS handshake failed: " + handshake.getMessage() + ")", handshake));
        } catch (IOException unreachable) {
            if (unreachable instanceof SSLException && PLAIN_HTTP_ANSWER.equals(unreachable.getMessage())) {
                throw new FetchFailure(Origin.of(url) + " answered in plain HTTP, not TLS: a URL of a server that"
                        + " speaks plain HTTP starts with http://", "if the registry is served over plain HTTP, give"
                        + " its http:// URL; if the https:// URL is right, the server's TLS is misconfigured: tell its"
                        + " maintainers", true, unreachable);
            }
            if (proxy.isPresent() && String.valueOf(unreachable.getMessage()).contains(" 407 ")) {
                throw proxyRefusal(proxy.get(), unreachable.getMessage());
            }
            // through a proxy, the host looked up and the connection made are the proxy's, before it answers; one it
            // fails to make onwards is answered
            if (proxy.isPresent() && (unreachable instanceof UnknownHostException
                    || unreachable instanceof NoRouteToHostException || unreachable instanceof ConnectException)) {
                String variable = url.getScheme().toLowerCase(Locale.ROOT) + "_proxy";
                TransientFailure.UnreachableProxy unreached = new TransientFailure.UnreachableProxy(proxy.get(),
                        "the proxy " + proxy.get() + " may be down, or not at that address: start it, or correct "
                        + variable + " (" + variable.toUpperCase(Locale.ROOT) + "), which names it");
                throw TransientFailure.proxyUnreachable(unreached, "cannot reach the proxy " + proxy.get()
                        + ", which " + Origin.of(url) + " is reached through (" + whyUnreachable(unreachable) + ")",
                        unreachable);
            }
            throw TransientFailure.unreachable("cannot reach " + Origin.of(url)
                    + proxy.map(through -> " through the proxy " + through).orElse("") + " ("
                    + whyUnreachable(unreachable) + ")", unreachable);
        } finally {
            // however connect ended, so that no socket stays with this thread
            handshakeBegun(connection);
        }
    }

    /** Whether the connect of an https request began the handshake, its server having accepted the connection. */
    private boolean handshakeBegun(HttpURLConnection connection) {
        return connection instanceof HttpsURLConnection && tlsSockets().finish();
    }

    /**
     * What the user can act on: the system's reason ({@code Connection refused}, {@code No route to
     * host}), where the exception's class alone would be Java's name for it; an unknown host's message
     * is only the host's name.
     */
    private static String whyUnreachable(IOException unreachable) {
        if (unreachable instanceof UnknownHostException) {
            return "unknown host";
        }
        return Objects.requireNonNullElse(unreachable.getMessage(), unreachable.getClass().getSimpleName());
    }

    /**
     * The final error for a certificate that is not trusted, if that is why the handshake failed:
     * another try would meet the same certificate.
     */
    private Optional<PrompdException> untrusted(URI url, Optional<ProxyServer> proxy, SSLHandshakeException handshake) {
        Throwable innermost = handshake;
        boolean certificate = false;
        for (Throwable cause = handshake.getCause(); cause != null; cause = cause.getCause()) {
            certificate |= cause instanceof CertificateException;
            innermost = cause;
        }
        if (!certificate) {
            return Optional.empty();
        }
        Optional<PrompdException> outOfDates = CertificateDates.refusal(url, handshake);
        if (outOfDates.isPresent()) {
            return outOfDates;
        }
        if (HOST_NOT_NAMED.matcher(String.valueOf(innermost.getMessage())).lookingAt()) {
            // a trusted CA signed it, so a CA file would not help: the name is what is wrong
            return Optional.of(new PrompdException(ExitCode.NETWORK, "the certificate of " + Origin.of(url)
                    + " does not name the host " + url.getHost() + " (" + innermost.getMessage() + ")",
                    "the certificate was issued for other names: give the registry URL with the host name it was issued"
                    + " for, or have the server's certificate name " + url.getHost(), handshake));
        }
        String signer = proxy.map(through -> "the registry, or the proxy " + through + " if it inspects TLS,")
                .orElse("the registry");
        String hint = extraCertificates.isPresent()
                ? "the file " + Settings.CA_FILE_VARIABLE + " names lacks the CA that signs " + signer
                        + "; add that CA's certificate (PEM) to it"
                : "if your company's own CA signs " + signer + ", give that CA's certificate (PEM) in "
                        + Settings.CA_FILE_VARIABLE;
        return Optional.of(new PrompdException(ExitCode.NETWORK, "the certificate of " + Origin.of(url)
                + " is not trusted (" + innermost.getMessage() + ")", hint, handshake));
    }

    /** A proxy that wants a login it did not get, or refused the one it got: trying again would not help. */
    private static PrompdException proxyRefusal(ProxyServer proxy, String answer) {
        return new PrompdException(ExitCode.NETWORK, "the proxy " + proxy + " asks for a login"
                + (proxy.user().isPresent() ? " and refused the one given" : "") + " (" + answer + ")",
                "give it in the proxy variable as http://user:password@host:port (https_proxy for https registries,"
                        + " http_proxy for http ones)");
    }

    /** Only http and https URLs get here, and both open an {@link HttpURLConnection}. */
    private static HttpURLConnection connection(URI url, Optional<ProxyServer> proxy) {
        try {
            return (HttpURLConnection) (proxy.isPresent() ? url.toURL().openConnection(proxy.get().proxy())
                    : url.toURL().openConnection());
        } catch (IOException | IllegalArgumentException unusable) {
            throw new PrompdException(ExitCode.USAGE, "unusable registry URL: " + Urls.display(url),
                    "a registry is read over https://, http:// or file://");
        }
    }

    private static URI redirectTarget(URI current, Response response, URI requested) {
        String location = response.header("Location").orElseThrow(() -> new PrompdException(ExitCode.NETWORK,
                "a redirect without a Location header for " + Urls.displayAnswered(requested, current),
                "the registry's host is misconfigured"));
        URI next;
        try {
            next = current.resolve(location);
        } catch (IllegalArgumentException malformed) {
            throw new PrompdException(ExitCode.NETWORK, "a malformed redirect for "
                    + Urls.displayAnswered(requested, current),
                    "the registry's host is misconfigured");
        }
        String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
        Optional<String> why;
        if (!(scheme.equals("http") || scheme.equals("https"))) {
            why = Optional.of("a redirect may lead only to another http:// or https:// URL; if the registry is a"
                    + " folder, give its file:// URL itself");
        } else if ("https".equalsIgnoreCase(current.getScheme()) && !scheme.equals("https")) {
            why = Optional.of("a registry served over https must stay on https");
        } else if (next.getHost() == null) {
            why = Optional.of("the redirect names no host: the registry's host is misconfigured");
        } else {
            why = Optional.empty();
        }
        if (why.isPresent()) {
            throw new PrompdException(ExitCode.NETWORK, "refusing a redirect from " + Urls.display(current) + " to "
                    + Urls.display(next), why.get());
        }
        return next;
    }

    /** Drops the response's body; an error status has its body in the error stream, if any. */
    static void close(Response response) {
        try {
            InputStream body = response.statusCode() >= 400 ? response.connection().getErrorStream()
                    : response.connection().getInputStream();
            if (body != null) {
                body.close();
            }
        } catch (IOException ignored) {
            // the response is finished with either way; a failing close only loses the connection for reuse
        }
    }
}
