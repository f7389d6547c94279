#!/bin/sh
# Starts the registry with the JVM options of Confluent's image: SCHEMA_REGISTRY_HEAP_OPTS and
# SCHEMA_REGISTRY_OPTS. Registry settings need no translation here: the registry reads the other
# SCHEMA_REGISTRY_* variables itself. Arguments (a properties file, or hash-password) pass through.
set -e
# Unquoted on purpose: each variable holds several JVM options.
# shellcheck disable=SC2086
exec java $SCHEMA_REGISTRY_HEAP_OPTS $SCHEMA_REGISTRY_OPTS -jar /opt/ksr/ksr.jar "$@"
