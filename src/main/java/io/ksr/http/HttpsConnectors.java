package io.ksr.http;

import io.ksr.config.TlsSettings;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Builds the Jetty connector of an {@code https://} listener from the configured TLS settings. */
final class HttpsConnectors {
  private HttpsConnectors() {}

  static ServerConnector create(
      final Server server, final HttpConfiguration http, final TlsSettings tls) {
    final SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(tls.sslContext());
    switch (tls.clientAuthentication()) {
      case REQUIRED -> ssl.setNeedClientAuth(true);
      case REQUESTED -> ssl.setWantClientAuth(true);
      case NONE -> {}
    }
    if (!tls.enabledProtocols().isEmpty()) {
      ssl.setIncludeProtocols(tls.enabledProtocols().toArray(String[]::new));
    }
    if (!tls.cipherSuites().isEmpty()) {
      ssl.setIncludeCipherSuites(tls.cipherSuites().toArray(String[]::new));
    }
    ssl.setEndpointIdentificationAlgorithm(
        tls.endpointIdentificationAlgorithm().isEmpty()
            ? null
            : tls.endpointIdentificationAlgorithm());
    final HttpConfiguration https = new HttpConfiguration(http);
    // Checking the certificate's name against the requested host is the client's job; Jetty's
    // own check would refuse clients that reach the registry under an alias or an IP address.
    final SecureRequestCustomizer secure = new SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    return new ServerConnector(
        server,
        new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
        new HttpConnectionFactory(https));
  }
}
