package io.prompd.client.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientKeyStoreTest {

    @Test
    void theJdksPropertiesNameTheKeyStoreItsTypeAndPassword() {
        Map<String, String> properties = Map.of("javax.net.ssl.keyStore", "client.p12",
                "javax.net.ssl.keyStoreType", "PKCS12", "javax.net.ssl.keyStorePassword", "secret");

        ClientKeyStore keyStore = ClientKeyStore.of(properties::get).orElseThrow();

        assertEquals(Path.of("client.p12").toAbsolutePath(), keyStore.file());
        assertEquals(Optional.of("PKCS12"), keyStore.type());
        assertEquals(Optional.of("secret"), keyStore.password());
        assertEquals("ClientKeyStore[file=" + keyStore.file() + ", type=PKCS12]", keyStore.toString(),
                "the password is no part of what a record prints");
    }

    @Test
    void noKeyStorePropertyOrABlankOneNamesNone() {
        assertEquals(Optional.empty(), ClientKeyStore.of(Map.of("javax.net.ssl.keyStorePassword", "secret")::get));
        assertEquals(Optional.empty(), ClientKeyStore.of(Map.of("javax.net.ssl.keyStore", " ")::get));
    }
}
