package io.ksr.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The client's TLS keys for {@code https://} registries, under the names of Confluent's client
 * ({@code schema.registry.ssl.*}), and the TLS context they make. Passwords never appear in a
 * message.
 */
final class ClientTls {
  static final String PREFIX = "schema.registry.ssl.";
  static final String TRUSTSTORE_LOCATION = PREFIX + "truststore.location";
  static final String TRUSTSTORE_PASSWORD = PREFIX + "truststore.password";
  static final String TRUSTSTORE_TYPE = PREFIX + "truststore.type";
  static final String KEYSTORE_LOCATION = PREFIX + "keystore.location";
  static final String KEYSTORE_PASSWORD = PREFIX + "keystore.password";
  static final String KEYSTORE_TYPE = PREFIX + "keystore.type";
  static final String KEY_PASSWORD = PREFIX + "key.password";
  static final String ENDPOINT_IDENTIFICATION_ALGORITHM =
      PREFIX + "endpoint.identification.algorithm";

  /** The TLS keys alone; {@link ClientConfig#DEFINITION} starts from them. */
  static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              TRUSTSTORE_LOCATION,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "The truststore with the certificates of the registries, or of their authorities;"
                  + " empty means the JDK's trusted authorities.")
          .define(
              TRUSTSTORE_PASSWORD,
              Type.PASSWORD,
              "",
              Importance.MEDIUM,
              "The password of the truststore.")
          .define(
              TRUSTSTORE_TYPE,
              Type.STRING,
              "JKS",
              Importance.LOW,
              "The truststore's format: JKS or PKCS12.")
          .define(
              KEYSTORE_LOCATION,
              Type.STRING,
              "",
              Importance.MEDIUM,
              "The keystore with the client's key and certificate, for registries that require"
                  + " one; empty sends none.")
          .define(
              KEYSTORE_PASSWORD,
              Type.PASSWORD,
              "",
              Importance.MEDIUM,
              "The password of the keystore.")
          .define(
              KEYSTORE_TYPE,
              Type.STRING,
              "JKS",
              Importance.LOW,
              "The keystore's format: JKS or PKCS12.")
          .define(
              KEY_PASSWORD,
              Type.PASSWORD,
              "",
              Importance.MEDIUM,
              "The password of the key in the keystore; empty means the keystore's password.")
          .define(
              ENDPOINT_IDENTIFICATION_ALGORITHM,
              Type.STRING,
              "https",
              (name, value) -> {
                final String algorithm = String.valueOf(value).trim();
                if (!algorithm.isEmpty() && !algorithm.equalsIgnoreCase("https")) {
                  throw new ConfigException(name, value, "expected https or nothing");
                }
              },
              Importance.LOW,
              "https checks that the registry's certificate names its host; empty skips that"
                  + " check.");

  private ClientTls() {}

  /**
   * The TLS context the client's settings ask for, or empty when they set none of these keys and
   * the JDK's default serves.
   *
   * @throws ConfigException naming the key at fault when a store cannot be opened
   */
  static Optional<SSLContext> sslContext(final AbstractConfig config) {
    if (config.originals().keySet().stream().noneMatch(DEFINITION.names()::contains)) {
      return Optional.empty();
    }
    try {
      final KeyManager[] keyManagers = keyManagers(config);
      final TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(
          open(
              config,
              TRUSTSTORE_LOCATION,
              TRUSTSTORE_TYPE,
              config.getPassword(TRUSTSTORE_PASSWORD)));
      TrustManager[] trustManagers = trust.getTrustManagers();
      if (config.getString(ENDPOINT_IDENTIFICATION_ALGORITHM).isBlank()) {
        trustManagers =
            Arrays.stream(trustManagers)
                .map(
                    manager ->
                        manager instanceof X509TrustManager x509
                            ? new AnyHostTrustManager(x509)
                            : manager)
                .toArray(TrustManager[]::new);
      }
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers, trustManagers, null);
      return Optional.of(context);
    } catch (final GeneralSecurityException e) {
      throw new ConfigException("Cannot set up TLS for the registry URLs: " + e.getMessage());
    }
  }

  private static KeyManager[] keyManagers(final AbstractConfig config)
      throws GeneralSecurityException {
    final Password storePassword = config.getPassword(KEYSTORE_PASSWORD);
    final KeyStore keys = open(config, KEYSTORE_LOCATION, KEYSTORE_TYPE, storePassword);
    if (keys == null) {
      return null;
    }
    final Password keyPassword =
        config.getPassword(KEY_PASSWORD).value().isEmpty()
            ? storePassword
            : config.getPassword(KEY_PASSWORD);
    final KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    try {
      factory.init(keys, keyPassword.value().toCharArray());
    } catch (final GeneralSecurityException e) {
      throw new ConfigException(
          KEY_PASSWORD,
          "[hidden]",
          "cannot read the key in "
              + config.getString(KEYSTORE_LOCATION)
              + " with this password (or, when it is empty, with "
              + KEYSTORE_PASSWORD
              + "): "
              + e.getMessage());
    }
    return factory.getKeyManagers();
  }

  /** The store a location key names, or null when it names none. */
  private static KeyStore open(
      final AbstractConfig config,
      final String locationKey,
      final String typeKey,
      final Password password) {
    final String location = config.getString(locationKey).trim();
    if (location.isEmpty()) {
      return null;
    }
    final String type = config.getString(typeKey).trim().toUpperCase(Locale.ROOT);
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      final KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.value().isEmpty() ? null : password.value().toCharArray());
      return store;
    } catch (final NoSuchFileException e) {
      throw new ConfigException(locationKey, location, "no such file");
    } catch (final IOException | GeneralSecurityException e) {
      // The JDK's messages name the fault (wrong password, wrong format) but never the password.
      throw new ConfigException(
          locationKey,
          location,
          "cannot open it as a " + type + " store with the password given: " + e.getMessage());
    }
  }

  /**
   * Trusts what the JDK's trust manager trusts, without checking that the registry's certificate
   * names the host: what {@code endpoint.identification.algorithm=} (empty) asks for.
   */
  private static final class AnyHostTrustManager extends X509ExtendedTrustManager {
    private final X509TrustManager trusted;

    AnyHostTrustManager(final X509TrustManager trusted) {
      this.trusted = trusted;
    }

    @Override
    public void checkClientTrusted(final X509Certificate[] chain, final String authType)
        throws CertificateException {
      trusted.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(
        final X509Certificate[] chain, final String authType, final Socket socket)
        throws CertificateException {
      trusted.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(
        final X509Certificate[] chain, final String authType, final SSLEngine engine)
        throws CertificateException {
      trusted.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(final X509Certificate[] chain, final String authType)
        throws CertificateException {
      trusted.checkServerTrusted(chain, authType);
    }

    // The two-argument check verifies the chain but, unlike these, not the host name.
    @Override
    public void checkServerTrusted(
        final X509Certificate[] chain, final String authType, final Socket socket)
        throws CertificateException {
      trusted.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(
        final X509Certificate[] chain, final String authType, final SSLEngine engine)
        throws CertificateException {
      trusted.checkServerTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return trusted.getAcceptedIssuers();
    }
  }
}
