/**
 * The client's settings and configuration: where prompd runs ({@link io.prompd.client.config.Settings}),
 * the user's {@code config.json} ({@link io.prompd.client.config.Config},
 * {@link io.prompd.client.config.ConfigStore}) and which registry serves a package, with which
 * credentials ({@link io.prompd.client.config.RegistryChooser}, {@link io.prompd.client.config.Registry}).
 *
 * <p>{@code config.json} in the prompd home:
 * <pre>
 * {
 *   "registry": "work",                                        the default: a name or a URL
 *   "registries": {"work": "https://prompd.work.example/"},    name to URL
 *   "scopes": {"@acme": "work", "@oss": "https://oss.example/"},  scope to a name or a URL
 *   "credentials": {                                           by registry URL
 *     "https://prompd.work.example/": {"token": "..."},
 *     "https://oss.example/": {"tokenEnv": "OSS_TOKEN"},
 *     "https://legacy.example/": {"username": "me", "password": "..."},
 *     "https://ci.example/": {"username": "ci", "passwordEnv": "CI_PASSWORD"}
 *   }
 * }
 * </pre>
 * Credentials are kept by URL, not by name, so they are found however the registry is chosen:
 * by name, by scope or by a URL given with {@code --registry}.
 */
package io.prompd.client.config;
