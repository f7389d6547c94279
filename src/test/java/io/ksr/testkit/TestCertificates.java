package io.ksr.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Keys and certificates for TLS tests, made once per test JVM with the JDK's keytool: two server
 * identities, a client the servers trust and a stranger nobody trusts.
 *
 * <p>The stores' password is {@link #STORE_PASSWORD}; only the key in {@link #serverJks()} has a
 * password of its own, {@link #KEY_PASSWORD}.
 */
public final class TestCertificates {
  public static final String STORE_PASSWORD = "store-secret-1";
  public static final String KEY_PASSWORD = "key-secret-2";

  private static TestCertificates shared;

  private final Path dir;

  private TestCertificates(final Path dir) {
    this.dir = dir;
  }

  /** The certificates, made on first use in a directory removed when the JVM exits. */
  public static synchronized TestCertificates shared() {
    if (shared == null) {
      try {
        final Path dir = Files.createTempDirectory("ksr-tls");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        shared = new TestCertificates(dir);
        shared.make();
      } catch (final IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** JKS: the key of CN=localhost, with names localhost and 127.0.0.1, under its own password. */
  public Path serverJks() {
    return dir.resolve("server.jks");
  }

  /** PKCS12: the key of a second server, CN=localhost, named localhost only (not 127.0.0.1). */
  public Path localhostOnlyP12() {
    return dir.resolve("localhost-only.p12");
  }

  /** PKCS12: both servers' certificates, for clients. */
  public Path clientTruststore() {
    return dir.resolve("client-truststore.p12");
  }

  /** PKCS12: the key of CN=client. */
  public Path clientKeystore() {
    return dir.resolve("client.p12");
  }

  /** JKS: the client's certificate, for servers that require one. */
  public Path serverTruststore() {
    return dir.resolve("server-truststore.jks");
  }

  /** PKCS12: the key of CN=stranger, whose certificate is in no truststore. */
  public Path strangerKeystore() {
    return dir.resolve("stranger.p12");
  }

  /**
   * A TLS context for a test's HTTP client.
   *
   * @param keystore the PKCS12 keystore whose certificate the client shows, or null for none
   * @param truststore the PKCS12 truststore, or null for the JDK's trusted authorities
   */
  public static SSLContext sslContext(final Path keystore, final Path truststore) {
    try {
      final KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keystore == null ? null : load(keystore), STORE_PASSWORD.toCharArray());
      final TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(truststore == null ? null : load(truststore));
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (final GeneralSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore load(final Path store) throws GeneralSecurityException, IOException {
    final KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, STORE_PASSWORD.toCharArray());
    }
    return keyStore;
  }

  private void make() {
    genkeypair(serverJks(), "JKS", "server", "SAN=dns:localhost,ip:127.0.0.1", KEY_PASSWORD);
    genkeypair(localhostOnlyP12(), "PKCS12", "localhost-only", "SAN=dns:localhost", null);
    genkeypair(clientKeystore(), "PKCS12", "client", null, null);
    genkeypair(strangerKeystore(), "PKCS12", "stranger", null, null);
    trust(serverJks(), "server", clientTruststore(), "PKCS12");
    trust(localhostOnlyP12(), "localhost-only", clientTruststore(), "PKCS12");
    trust(clientKeystore(), "client", serverTruststore(), "JKS");
  }

  /** Copies the certificate under an alias from a keystore into a truststore. */
  private static void trust(
      final Path keystore, final String alias, final Path truststore, final String type) {
    try {
      final KeyStore from =
          KeyStore.getInstance(keystore.toString().endsWith(".jks") ? "JKS" : "PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        from.load(in, STORE_PASSWORD.toCharArray());
      }
      final KeyStore to = KeyStore.getInstance(type);
      if (Files.exists(truststore)) {
        try (InputStream in = Files.newInputStream(truststore)) {
          to.load(in, STORE_PASSWORD.toCharArray());
        }
      } else {
        to.load(null, null);
      }
      to.setCertificateEntry(alias, from.getCertificate(alias));
      try (OutputStream out = Files.newOutputStream(truststore)) {
        to.store(out, STORE_PASSWORD.toCharArray());
      }
    } catch (final GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot make " + truststore, e);
    }
  }

  /**
   * Makes a key pair and its self-signed certificate with keytool: CN=localhost for servers, the
   * alias for clients.
   *
   * @param san the certificate's other names as keytool's -ext takes them, or null for none
   * @param keyPassword the key's own password, or null for the store's
   */
  private static void genkeypair(
      final Path keystore,
      final String type,
      final String alias,
      final String san,
      final String keyPassword) {
    final List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                // keytool starts a JVM of its own; these flags make it start faster.
                "-J-XX:TieredStopAtLevel=1",
                "-J-XX:+UseSerialGC",
                "-genkeypair",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "30",
                "-alias",
                alias,
                "-dname",
                "CN=" + (san == null ? alias : "localhost"),
                "-keystore",
                keystore.toString(),
                "-storetype",
                type,
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                keyPassword == null ? STORE_PASSWORD : keyPassword));
    if (san != null) {
      command.addAll(List.of("-ext", san));
    }
    try {
      final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      final String output =
          new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + command + "\n" + output);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void delete(final Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (final IOException e) {
      // Only a temporary directory is left behind.
    }
  }
}
