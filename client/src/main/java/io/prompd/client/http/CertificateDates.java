package io.prompd.client.http;

import io.prompd.core.ExitCode;
import io.prompd.core.PrompdException;
import java.net.URI;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;

/**
 * A certificate refused for its dates, as the JDK's validator refuses an expired or a not yet valid one, whose CA
 * may well be trusted: the certificate, or this machine's clock, is what to fix, never the CA file.
 */
final class CertificateDates {

    private CertificateDates() {
    }

    /** The final error for a handshake that failed on a certificate's dates; empty when that is not why it failed. */
    static Optional<PrompdException> refusal(URI url, SSLHandshakeException handshake) {
        boolean expired = false;
        boolean early = false;
        Optional<CertPathValidatorException> located = Optional.empty();
        for (Throwable cause = handshake; cause != null; cause = cause.getCause()) {
            expired |= cause instanceof CertificateExpiredException;
            early |= cause instanceof CertificateNotYetValidException;
            if (cause instanceof CertPathValidatorException invalid) {
                expired |= invalid.getReason() == CertPathValidatorException.BasicReason.EXPIRED;
                early |= invalid.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID;
                located = located.or(() -> Optional.of(invalid).filter(CertificateDates::saysWhich));
            }
        }
        if (!expired && !early) {
            return Optional.empty();
        }
        Optional<X509Certificate> refused = located.map(CertificateDates::certificate);
        // past the first, the server's own, the certificates of the path are of the CAs that sign it
        String whose = "the certificate of " + Origin.of(url) + located.filter(invalid -> invalid.getIndex() > 0)
                .map(invalid -> "'s CA " + certificate(invalid).getSubjectX500Principal().getName()).orElse("");
        if (expired) {
            return Optional.of(new PrompdException(ExitCode.NETWORK, whose + refused.map(certificate -> " expired on "
                    + day(certificate.getNotAfter())).orElse(" has expired"), "renew the registry's certificate, or"
                    + " have its maintainers renew it; if it is still valid, this machine's date or clock is wrong:"
                    + " check them", handshake));
        }
        return Optional.of(new PrompdException(ExitCode.NETWORK, whose + " is not valid " + refused
                .map(certificate -> "until " + day(certificate.getNotBefore())).orElse("yet"), "check this machine's"
                + " date and clock; if they are right, the registry's certificate is not in use yet: tell its"
                + " maintainers", handshake));
    }

    /** Whether the validator says which certificate of the path it refused, an X.509 one. */
    private static boolean saysWhich(CertPathValidatorException invalid) {
        if (invalid.getCertPath() == null || invalid.getIndex() < 0) {
            return false;
        }
        List<? extends Certificate> path = invalid.getCertPath().getCertificates();
        return invalid.getIndex() < path.size() && path.get(invalid.getIndex()) instanceof X509Certificate;
    }

    private static X509Certificate certificate(CertPathValidatorException invalid) {
        return (X509Certificate) invalid.getCertPath().getCertificates().get(invalid.getIndex());
    }

    /** The day, in UTC, as certificate tools show it. */
    private static String day(Date instant) {
        return LocalDate.ofInstant(instant.toInstant(), ZoneOffset.UTC).toString();
    }
}
