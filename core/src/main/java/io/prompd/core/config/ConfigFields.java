package io.prompd.core.config;

/**
 * The field names of {@code config.json}, which are also the first part of the keys of
 * {@code prompd config get/set}: one spelling for both, and for the content rules that refuse a copy of the file
 * holding credentials in a package.
 */
public final class ConfigFields {

    public static final String DEFAULT_REGISTRY = "registry";
    public static final String REGISTRIES = "registries";
    public static final String SCOPES = "scopes";
    public static final String CREDENTIALS = "credentials";
    public static final String TOKEN = "token";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String TOKEN_ENV = "tokenEnv";
    public static final String PASSWORD_ENV = "passwordEnv";
    public static final String HTTP = "http";
    public static final String TIMEOUT = "timeout";
    public static final String RETRIES = "retries";

    private ConfigFields() {
    }
}
