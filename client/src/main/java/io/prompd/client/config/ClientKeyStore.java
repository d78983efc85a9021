package io.prompd.client.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The key store of the client certificate sent to a registry that requires one (mutual TLS), named by the JDK's own
 * system properties, which the launcher takes from {@code JAVA_OPTS}: the JDK's default TLS reads them, and prompd's,
 * which trusts the CAs of {@code PROMPD_CA_FILE} as well, reads them the same.
 *
 * @param file     the key store ({@code javax.net.ssl.keyStore}), as absolute as the JDK reads it
 * @param type     its type ({@code javax.net.ssl.keyStoreType}: PKCS12, JKS); empty for Java's default, PKCS12, which
 *                 reads JKS stores too
 * @param password the password of the store and its key ({@code javax.net.ssl.keyStorePassword}); empty for none
 */
public record ClientKeyStore(Path file, Optional<String> type, Optional<String> password) {

    public static final String FILE_PROPERTY = "javax.net.ssl.keyStore";
    public static final String TYPE_PROPERTY = "javax.net.ssl.keyStoreType";
    public static final String PASSWORD_PROPERTY = "javax.net.ssl.keyStorePassword";
    /** How to give one, for the help and the hints: the JDK's own properties, in the launcher's variable. */
    public static final String HOW_TO_GIVE = "JAVA_OPTS=\"-D" + FILE_PROPERTY + "=client.p12 -D" + PASSWORD_PROPERTY
            + "=…\"";

    public ClientKeyStore {
        file = file.toAbsolutePath().normalize();
        type = type.filter(value -> !value.isBlank());
        Objects.requireNonNull(password, "password");
    }

    /** The key store that the system properties name; empty when {@value #FILE_PROPERTY} is unset or blank. */
    public static Optional<ClientKeyStore> of(UnaryOperator<String> properties) {
        return Optional.ofNullable(properties.apply(FILE_PROPERTY)).filter(file -> !file.isBlank())
                .map(file -> new ClientKeyStore(Path.of(file), Optional.ofNullable(properties.apply(TYPE_PROPERTY)),
                        Optional.ofNullable(properties.apply(PASSWORD_PROPERTY))));
    }

    /** Without the password, which a record would print. */
    @Override
    public String toString() {
        return "ClientKeyStore[file=" + file + ", type=" + type.orElse("default") + "]";
    }
}
