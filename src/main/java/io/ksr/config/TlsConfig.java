package io.ksr.config;

import io.ksr.config.TlsSettings.ClientAuthentication;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The keys of the {@code https://} listeners, under Confluent's names, and the opening of their
 * keystore and truststore at start-up. Passwords never appear in a message.
 */
public final class TlsConfig {
  public static final String KEYSTORE_LOCATION = "ssl.keystore.location";
  public static final String KEYSTORE_PASSWORD = "ssl.keystore.password";
  public static final String KEYSTORE_TYPE = "ssl.keystore.type";
  public static final String KEY_PASSWORD = "ssl.key.password";
  public static final String TRUSTSTORE_LOCATION = "ssl.truststore.location";
  public static final String TRUSTSTORE_PASSWORD = "ssl.truststore.password";
  public static final String TRUSTSTORE_TYPE = "ssl.truststore.type";
  public static final String CLIENT_AUTHENTICATION = "ssl.client.authentication";
  public static final String CLIENT_AUTH = "ssl.client.auth";
  public static final String ENABLED_PROTOCOLS = "ssl.enabled.protocols";
  public static final String CIPHER_SUITES = "ssl.cipher.suites";
  public static final String PROTOCOL = "ssl.protocol";
  public static final String ENDPOINT_IDENTIFICATION_ALGORITHM =
      "ssl.endpoint.identification.algorithm";

  private static final Set<String> ENDPOINT_IDENTIFICATION_ALGORITHMS =
      Set.of("", "HTTPS", "LDAPS");

  /** The TLS keys alone; {@link RegistryConfig#DEFINITION} starts from them. */
  static final ConfigDef DEFINITION =
      new ConfigDef()
          .define(
              KEYSTORE_LOCATION,
              Type.STRING,
              "",
              Importance.HIGH,
              "The keystore holding the server's private key and certificate; needed when a"
                  + " listener is https.")
          .define(
              KEYSTORE_PASSWORD,
              Type.PASSWORD,
              "",
              Importance.HIGH,
              "The password of the keystore.")
          .define(
              KEY_PASSWORD,
              Type.PASSWORD,
              "",
              Importance.HIGH,
              "The password of the private key in the keystore; empty means the keystore's"
                  + " password.")
          .define(
              KEYSTORE_TYPE,
              Type.STRING,
              "JKS",
              (name, value) -> storeType(name, value),
              Importance.MEDIUM,
              "The keystore's format: JKS or PKCS12.")
          .define(
              TRUSTSTORE_LOCATION,
              Type.STRING,
              "",
              Importance.HIGH,
              "The truststore holding the certificates of the clients, or of their authorities,"
                  + " that the server trusts; empty means the JDK's trusted authorities.")
          .define(
              TRUSTSTORE_PASSWORD,
              Type.PASSWORD,
              "",
              Importance.HIGH,
              "The password of the truststore.")
          .define(
              TRUSTSTORE_TYPE,
              Type.STRING,
              "JKS",
              (name, value) -> storeType(name, value),
              Importance.MEDIUM,
              "The truststore's format: JKS or PKCS12.")
          .define(
              CLIENT_AUTHENTICATION,
              Type.STRING,
              ClientAuthentication.NONE.name(),
              (name, value) -> clientAuthenticationOf(value),
              Importance.MEDIUM,
              "Whether https clients must show a trusted certificate: NONE, REQUESTED or"
                  + " REQUIRED.")
          .define(
              CLIENT_AUTH,
              Type.BOOLEAN,
              false,
              Importance.LOW,
              "The older form of ssl.client.authentication: true means REQUIRED; ignored when"
                  + " ssl.client.authentication is set.")
          .define(
              ENABLED_PROTOCOLS,
              Type.LIST,
              "",
              (name, value) -> supported(name, value, SSLParameters::getProtocols),
              Importance.MEDIUM,
              "The TLS versions https listeners accept, for example TLSv1.3,TLSv1.2; empty means"
                  + " the JDK's defaults.")
          .define(
              CIPHER_SUITES,
              Type.LIST,
              "",
              (name, value) -> supported(name, value, SSLParameters::getCipherSuites),
              Importance.LOW,
              "The cipher suites https listeners accept; empty means the JDK's defaults.")
          .define(
              PROTOCOL,
              Type.STRING,
              "TLS",
              (name, value) -> protocolOf(value),
              Importance.MEDIUM,
              "The protocol the server's TLS context is made for.")
          .define(
              ENDPOINT_IDENTIFICATION_ALGORITHM,
              Type.STRING,
              "",
              (name, value) -> endpointIdentificationAlgorithmOf(value),
              Importance.LOW,
              "HTTPS checks that a client certificate names the client's host; empty checks no"
                  + " host name.");

  private TlsConfig() {}

  /**
   * Opens the keystore and truststore and checks the key's password.
   *
   * @throws ConfigException naming the key at fault when there is no keystore, a store cannot be
   *     opened or the key cannot be read
   */
  static TlsSettings settingsOf(final AbstractConfig config) {
    final String keystore = config.getString(KEYSTORE_LOCATION).trim();
    if (keystore.isEmpty()) {
      throw new ConfigException(
          RegistryConfig.LISTENERS
              + " has an https:// listener, so "
              + KEYSTORE_LOCATION
              + " must name the keystore with the server's key and certificate (and "
              + KEYSTORE_PASSWORD
              + " give its password)");
    }
    final Password keystorePassword = config.getPassword(KEYSTORE_PASSWORD);
    final KeyStore keys =
        open(KEYSTORE_LOCATION, keystore, config.getString(KEYSTORE_TYPE), keystorePassword);
    final Password keyPassword =
        config.getPassword(KEY_PASSWORD).value().isEmpty()
            ? keystorePassword
            : config.getPassword(KEY_PASSWORD);
    final String truststore = config.getString(TRUSTSTORE_LOCATION).trim();
    final KeyStore trusted =
        truststore.isEmpty()
            ? null
            : open(
                TRUSTSTORE_LOCATION,
                truststore,
                config.getString(TRUSTSTORE_TYPE),
                config.getPassword(TRUSTSTORE_PASSWORD));
    return new TlsSettings(
        sslContext(config.getString(PROTOCOL), keystore, keys, keyPassword, trusted),
        clientAuthentication(config),
        config.getList(ENABLED_PROTOCOLS),
        config.getList(CIPHER_SUITES),
        config.getString(ENDPOINT_IDENTIFICATION_ALGORITHM).trim());
  }

  private static ClientAuthentication clientAuthentication(final AbstractConfig config) {
    if (config.originals().containsKey(CLIENT_AUTHENTICATION)) {
      return clientAuthenticationOf(config.getString(CLIENT_AUTHENTICATION));
    }
    return config.getBoolean(CLIENT_AUTH)
        ? ClientAuthentication.REQUIRED
        : ClientAuthentication.NONE;
  }

  private static KeyStore open(
      final String key, final String location, final String type, final Password password) {
    try (InputStream in = Files.newInputStream(Path.of(location))) {
      final KeyStore store = KeyStore.getInstance(type);
      store.load(in, password.value().isEmpty() ? null : password.value().toCharArray());
      return store;
    } catch (final NoSuchFileException e) {
      throw new ConfigException(key, location, "no such file");
    } catch (final IOException | GeneralSecurityException e) {
      // The JDK's messages name the fault (wrong password, wrong format) but never the password.
      throw new ConfigException(
          key,
          location,
          "cannot open it as a "
              + type
              + " store with the password given: "
              + e.getMessage()
              + " (check the file, its type and its password)");
    }
  }

  private static SSLContext sslContext(
      final String protocol,
      final String keystore,
      final KeyStore keys,
      final Password keyPassword,
      final KeyStore trusted) {
    try {
      if (Collections.list(keys.aliases()).stream().noneMatch(alias -> isKeyEntry(keys, alias))) {
        throw new ConfigException(
            KEYSTORE_LOCATION, keystore, "holds no private key, only certificates");
      }
      final KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      try {
        keyManagers.init(keys, keyPassword.value().toCharArray());
      } catch (final GeneralSecurityException e) {
        throw new ConfigException(
            KEY_PASSWORD,
            "[hidden]",
            "cannot read the private key in "
                + keystore
                + " with this password (or, when it is empty, with "
                + KEYSTORE_PASSWORD
                + "): "
                + e.getMessage());
      }
      final TrustManagerFactory trustManagers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trustManagers.init(trusted);
      final SSLContext context = SSLContext.getInstance(protocol);
      context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
      return context;
    } catch (final GeneralSecurityException e) {
      throw new ConfigException("Cannot set up TLS for the https listeners: " + e.getMessage());
    }
  }

  private static boolean isKeyEntry(final KeyStore store, final String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (final KeyStoreException e) {
      return false;
    }
  }

  private static void storeType(final String name, final Object value) {
    try {
      KeyStore.getInstance(String.valueOf(value).trim());
    } catch (final KeyStoreException e) {
      throw new ConfigException(name, value, "not a keystore type this JDK knows; JKS or PKCS12");
    }
  }

  private static ClientAuthentication clientAuthenticationOf(final Object value) {
    try {
      return ClientAuthentication.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new ConfigException(
          CLIENT_AUTHENTICATION, value, "expected NONE, REQUESTED or REQUIRED");
    }
  }

  private static void protocolOf(final Object value) {
    try {
      SSLContext.getInstance(String.valueOf(value).trim());
    } catch (final NoSuchAlgorithmException e) {
      throw new ConfigException(PROTOCOL, value, "not a protocol this JDK knows, for example TLS");
    }
  }

  private static void endpointIdentificationAlgorithmOf(final Object value) {
    if (!ENDPOINT_IDENTIFICATION_ALGORITHMS.contains(
        String.valueOf(value).trim().toUpperCase(Locale.ROOT))) {
      throw new ConfigException(
          ENDPOINT_IDENTIFICATION_ALGORITHM, value, "expected HTTPS, LDAPS or nothing");
    }
  }

  /** Checks that every name in a list is one the JDK supports, so a typo fails at start-up. */
  private static void supported(
      final String name, final Object value, final Function<SSLParameters, String[]> known) {
    @SuppressWarnings("unchecked")
    final List<String> names = (List<String>) value;
    final List<String> supported;
    try {
      supported = List.of(known.apply(SSLContext.getDefault().getSupportedSSLParameters()));
    } catch (final NoSuchAlgorithmException e) {
      throw new ConfigException(name, value, "this JDK has no TLS: " + e.getMessage());
    }
    for (final String entry : names) {
      if (!supported.contains(entry.trim())) {
        throw new ConfigException(name, entry, "not supported by this JDK; it knows " + supported);
      }
    }
  }
}
