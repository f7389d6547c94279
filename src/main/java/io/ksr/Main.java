package io.ksr;

import io.ksr.backup.BackupCommands;
import io.ksr.config.RegistryConfig;
import io.ksr.security.HashPasswordCommand;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a registry: {@code java -jar ksr.jar [registry.properties]}; hashes a password for the
 * users file: {@code java -jar ksr.jar hash-password}; or backs up, restores or exports the
 * schemas: {@code java -jar ksr.jar backup|restore|export ...}.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(final String[] args) {
    if (args.length > 0 && args[0].equals("hash-password")) {
      System.exit(HashPasswordCommand.run(System.console(), System.in, System.out));
      return;
    }
    if (args.length > 0 && BackupCommands.handles(args[0])) {
      System.exit(BackupCommands.run(args, System.getenv(), System.out, System.err));
      return;
    }
    final RegistryConfig config;
    try {
      config = RegistryConfig.load(args.length > 0 ? Path.of(args[0]) : null, System.getenv());
    } catch (final ConfigException e) {
      LOG.error("Invalid configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    try {
      final Registry registry = Registry.start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "ksr-shutdown"));
    } catch (final RuntimeException e) {
      LOG.error("The registry could not start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }
}
