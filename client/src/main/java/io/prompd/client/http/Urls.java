package io.prompd.client.http;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs as messages show them. */
public final class Urls {

    private Urls() {
    }

    /**
     * The URL without user information and with its query hidden: either may carry a secret
     * (a password, a signed CDN link), and messages end up in logs and bug reports.
     */
    public static String display(URI url) {
        if (url.getRawUserInfo() == null && url.getRawQuery() == null) {
            return url.toString();
        }
        try {
            String shown = new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null)
                    .toString();
            return url.getRawQuery() == null ? shown : shown + "?…";
        } catch (URISyntaxException impossible) {
            return url.getScheme() + "://" + url.getHost() + "/…";
        }
    }
}
