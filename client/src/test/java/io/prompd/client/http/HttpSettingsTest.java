package io.prompd.client.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.prompd.client.config.HttpLimits;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    @Test
    void noLimitChosenLeavesTheDefaults() {
        assertEquals(HttpSettings.defaults(), HttpSettings.defaults().withLimits(HttpLimits.NONE));
    }

    /** As cargo's http.timeout is curl's connect time and its low-speed time both. */
    @Test
    void aTimeoutBoundsEachWaitOnTheRegistryAndIsTheLowSpeedWindow() {
        HttpSettings limited = HttpSettings.defaults().withLimits(new HttpLimits(OptionalInt.of(90),
                OptionalInt.empty()));

        Duration timeout = Duration.ofSeconds(90);
        assertEquals(timeout, limited.connectTimeout());
        assertEquals(timeout, limited.requestTimeout());
        assertEquals(timeout, limited.idleTimeout());
        assertEquals(new LowSpeedLimit(LowSpeedLimit.DEFAULT.bytesPerSecond(), timeout), limited.lowSpeed());
        assertEquals(RetryPolicy.defaults(), limited.retry());
    }

    @Test
    void retriesChooseTheTriesAfterTheFirstAndNothingElse() {
        HttpSettings limited = HttpSettings.defaults().withLimits(new HttpLimits(OptionalInt.empty(),
                OptionalInt.of(0)));

        assertEquals(1, limited.retry().maxAttempts());
        assertEquals(HttpSettings.defaults().connectTimeout(), limited.connectTimeout());
        assertEquals(HttpSettings.defaults().lowSpeed(), limited.lowSpeed());
    }
}
