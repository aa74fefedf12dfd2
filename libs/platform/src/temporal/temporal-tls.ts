import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import { type AppConfig, ConfigError, temporalUsesTls } from '../config/app-config';

type TlsFileVariable = 'TEMPORAL_TLS_CERT_PATH' | 'TEMPORAL_TLS_KEY_PATH' | 'TEMPORAL_TLS_CA_PATH';

/**
 * The TLS settings of the Temporal connection, with the certificate files read and checked once
 * at boot: a missing file, a key that is not the certificate's or a file that is not PEM would
 * otherwise surface later as an opaque handshake failure inside the SDK's native core.
 */
export function temporalTls(config: AppConfig): TLSConfig | false {
  if (!temporalUsesTls(config)) return false;
  const problems: string[] = [];
  const certificate = (pem: Buffer) => new X509Certificate(pem);
  const cert = loadPem(config, 'TEMPORAL_TLS_CERT_PATH', certificate, 'a PEM certificate', problems);
  const key = loadPem(config, 'TEMPORAL_TLS_KEY_PATH', createPrivateKey, 'a PEM private key', problems);
  const ca = loadPem(config, 'TEMPORAL_TLS_CA_PATH', certificate, 'a PEM certificate', problems);
  if (cert && key && !cert.parsed.checkPrivateKey(key.parsed)) {
    problems.push('TEMPORAL_TLS_KEY_PATH: is not the private key of the certificate in TEMPORAL_TLS_CERT_PATH');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    ...(config.TEMPORAL_TLS_SERVER_NAME && { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME }),
    ...(ca && { serverRootCACertificate: ca.pem }),
    ...(cert && key && { clientCertPair: { crt: cert.pem, key: key.pem } }),
  };
}

function loadPem<T>(
  config: AppConfig,
  variable: TlsFileVariable,
  parse: (pem: Buffer) => T,
  what: string,
  problems: string[],
): { pem: Buffer; parsed: T } | undefined {
  const file = config[variable];
  if (!file) return undefined;
  let pem: Buffer;
  try {
    pem = readFileSync(file);
  } catch (error) {
    problems.push(`${variable}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return undefined;
  }
  try {
    return { pem, parsed: parse(pem) };
  } catch {
    problems.push(`${variable}: ${file} is not ${what}`);
    return undefined;
  }
}
