package io.ksr.config;

import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How the {@code https://} listeners do TLS, with the keystore and truststore already opened so
 * that no password travels further than the configuration.
 *
 * @param sslContext holds the server's key and certificate and the certificates it trusts
 * @param enabledProtocols the TLS versions to accept; empty means the JDK's and Jetty's defaults
 * @param cipherSuites the cipher suites to accept; empty means the JDK's and Jetty's defaults
 * @param endpointIdentificationAlgorithm checks a client certificate's host name when not empty
 */
public record TlsSettings(
    SSLContext sslContext,
    ClientAuthentication clientAuthentication,
    List<String> enabledProtocols,
    List<String> cipherSuites,
    String endpointIdentificationAlgorithm) {

  /** Whether clients have to show a certificate the server trusts. */
  public enum ClientAuthentication {
    /** Clients are not asked for a certificate. */
    NONE,
    /** Clients are asked; those without a certificate get in, those with an untrusted one don't. */
    REQUESTED,
    /** Only clients with a trusted certificate get in. */
    REQUIRED
  }

  public TlsSettings {
    Objects.requireNonNull(sslContext, "sslContext can't be null");
    Objects.requireNonNull(clientAuthentication, "clientAuthentication can't be null");
    enabledProtocols = List.copyOf(enabledProtocols);
    cipherSuites = List.copyOf(cipherSuites);
    Objects.requireNonNull(endpointIdentificationAlgorithm, "use \"\" for no algorithm");
  }
}
