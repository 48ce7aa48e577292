#!/usr/bin/env bash
# Links the Java runtime aim-engine runs on in the container images, with exactly the modules it needs. The
# Dockerfiles and the test that runs plan, detect, run --dry-run and a --rules compile on it (ContainerRuntimeTest)
# call this one script, so the tested runtime is the shipped one.
#
#   deploy/container/jlink-runtime.sh OUTPUT [JAVA_HOME]     links OUTPUT with JAVA_HOME's jlink (default: the java on PATH)
#   deploy/container/jlink-runtime.sh --modules              prints the module list
#
# The list: `jdeps --print-module-deps --ignore-missing-deps --multi-release 17` on the shaded jar, plus what jdeps
# cannot see because it is looked up at run time:
#   jdk.zipfs     the built-in data folders are read from inside the jar through a zip file system (DataFolders);
#   jdk.compiler  DRL given with --rules is compiled to Drools' executable model, whose Java sources Drools compiles
#                 with the JDK's own compiler (javax.tools) when the runtime has one;
#   jdk.crypto.ec TLS with elliptic-curve keys, for HTTPS (a JDK 17 runtime lacks it otherwise; empty on JDK 22+).
# (jdk.httpserver is among jdeps' modules: the Prometheus client's HTTP server behind run --metrics-port uses it.)
set -euo pipefail
modules=java.base,java.compiler,java.desktop,java.management,java.naming,java.net.http,java.scripting,java.sql,jdk.httpserver,jdk.unsupported,jdk.zipfs,jdk.compiler,jdk.crypto.ec

if [ "${1:-}" = "--modules" ]; then
  echo "$modules"
  exit 0
fi
out="${1:?usage: jlink-runtime.sh OUTPUT [JAVA_HOME] | --modules}"
java_home="${2:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -x "$java_home/bin/jlink" ] || { echo "jlink-runtime.sh: no jlink in $java_home (a JDK, not a JRE, is needed)" >&2; exit 2; }

rm -rf "$out"
# Uncompressed: the runtime's classes are read at every start, and compressed ones cost start-up time.
# --generate-cds-archive gives the runtime the JDK's default class-data sharing archive (jlink drops it otherwise).
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --generate-cds-archive --output "$out"
