/**
 * Reading a registry, which is only a folder of static files on a web server, a CDN or disk:
 * {@link io.prompd.client.http.RegistryFetcher} is the client's one way to it.
 *
 * <p>Decisions worth knowing:
 * <ul>
 *   <li>JSON documents are cached under {@code <home>/cache/http} and revalidated on every use
 *       ({@code If-None-Match}, {@code If-Modified-Since}); a static host has no other freshness
 *       signal the registry controls. Offline runs read only that cache. A document is cached only
 *       once its reader could read it, so a damaged answer fails its run and leaves the good copy
 *       before it for {@code --offline}; a cached copy its reader cannot read is dropped, as its
 *       {@code ETag} would otherwise have a 304 keep the damage. A failed request does not fall back
 *       on the cached copy either: only {@code --offline} reads it. Tarballs are not cached here:
 *       they are named by their integrity, so the install layer caches them better.</li>
 *   <li>Documents are asked for gzip-compressed; the size limit applies to the decoded bytes.
 *       Tarballs are asked for as they are, since their integrity is that of the served bytes.</li>
 *   <li>A download is hashed while it streams and is put in place only once its integrity
 *       matches; a mismatch is not retried, since the host would serve the same bytes again. A web
 *       page in a tarball's or a document's place (a sign-in page, a CDN's error page) is called one,
 *       with the network's exit code for both, as no package's bytes came; its hint names the host that
 *       answered when a redirect led to another.</li>
 *   <li>Every message about an answer (a status, a page, a damaged or short body) names the URL asked
 *       for and, when redirects led away from it, the one they ended at: {@code (redirected to …)}.</li>
 *   <li>Connection failures, timeouts, stalls, 5xx, 429 and bodies cut short are retried with
 *       backoff and jitter, a bounded number of times; other 4xx answers are final. A wait the
 *       registry asks for ({@code Retry-After}, seconds or a date) is kept, up to a minute in all per
 *       request; a longer one ends the request at once, naming the wait, as one that held a run for
 *       hours would look hung. Each try again is told to a {@link io.prompd.client.http.RequestListener}
 *       first, the wait asked for with it; and each try that ended, how and in how long, for {@code --verbose} to
 *       list. Failures given up on are a
 *       {@link io.prompd.client.http.FetchFailure}, for the caller to name the registry.</li>
 *   <li>Redirects are followed here, not by {@code HttpURLConnection}, so a credential is sent only to
 *       URLs under its registry's, as npm sends one, and is dropped for good once a redirect leaves them
 *       (another host, or another path of the same host); https never redirects to
 *       http. Messages hide credentials, user information, queries and fragments of URLs.</li>
 *   <li>Proxies come from {@code https_proxy}, {@code http_proxy} and {@code no_proxy}, as for curl
 *       and pip, never for loopback; extra CA certificates from {@code PROMPD_CA_FILE}; a client certificate
 *       from the key store of the JDK's {@code javax.net.ssl.keyStore} properties. All are
 *       read when a request needs them, so a bad value fails only the runs it concerns. A
 *       certificate nothing trusts, a proxy refusing its login, a server refusing a handshake for want of a client
 *       certificate, or one answering a TLS handshake in
 *       plain HTTP ends the run at once: trying again would meet the same answer.</li>
 *   <li>A 401 or 407 is refused as it came, whatever its challenges: {@code HttpURLConnection} parses them
 *       before it gives the status and fails on one it cannot read (an empty {@code WWW-Authenticate}), so the
 *       head it read is kept for that case by a cookie handler ({@link io.prompd.client.http.ResponseHeads}),
 *       the one call it makes between reading a head and acting on it; it keeps no cookies.</li>
 * </ul>
 */
package io.prompd.client.http;
