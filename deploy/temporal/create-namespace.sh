#!/bin/sh
# One-shot job once the Temporal server is up: waits for the frontend to answer, registers the
# engine's namespace unless it exists, and waits until the namespace is served, so the worker's
# first call (registering search attributes) does not meet "namespace not found".
set -eu
: "${TEMPORAL_ADDRESS:?}" "${TEMPORAL_NAMESPACE:?}" "${TEMPORAL_NAMESPACE_RETENTION:?}"

# Flags rather than the CLI's own environment, whose names changed between CLI versions.
set -- --address "$TEMPORAL_ADDRESS"
if [ -n "${TEMPORAL_TLS_CLIENT_CERT_PATH:-}" ]; then
  set -- "$@" \
    --tls-cert-path "$TEMPORAL_TLS_CLIENT_CERT_PATH" \
    --tls-key-path "${TEMPORAL_TLS_CLIENT_KEY_PATH:?set with TEMPORAL_TLS_CLIENT_CERT_PATH}" \
    --tls-ca-path "${TEMPORAL_TLS_SERVER_CA_CERT_PATH:?set with TEMPORAL_TLS_CLIENT_CERT_PATH}" \
    --tls-server-name "${TEMPORAL_TLS_SERVER_NAME:?set with TEMPORAL_TLS_CLIENT_CERT_PATH}"
fi

retry() {
  tries=0
  until "$@" >/dev/null 2>&1; do
    tries=$((tries + 1))
    if [ "$tries" -ge 30 ]; then
      "$@"
      return 1
    fi
    sleep 2
  done
}

retry temporal operator cluster health "$@"
if temporal operator namespace describe "$@" --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
  echo "Temporal namespace $TEMPORAL_NAMESPACE exists"
else
  temporal operator namespace create "$@" --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_NAMESPACE_RETENTION"
fi
retry temporal operator search-attribute list "$@" --namespace "$TEMPORAL_NAMESPACE"
