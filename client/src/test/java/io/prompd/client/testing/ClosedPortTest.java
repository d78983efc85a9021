package io.prompd.client.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ClosedPortTest {

    @Test
    void theClosedPortRefusesConnectionsAndNoOneElseMayListenOnIt() {
        int port = ClosedPort.find();

        ConnectException refused = assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertTrue(refused.getMessage().startsWith("Connection refused"), refused.getMessage());
        assertThrows(BindException.class,
                () -> new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1")).close());
    }
}
