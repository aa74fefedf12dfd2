import { loadConfig, temporalUsesTls } from '@talent/platform';
import { composeFile, interpolate, withOverride } from '../support/compose-file';

/** `docker compose -f docker-compose.yml -f deploy/temporal/mtls.compose.yml`, as an operator runs it. */
const override = composeFile('deploy/temporal/mtls.compose.yml');
const services = withOverride(composeFile('docker-compose.yml'), override).services;

const certificates = '/etc/temporal-tls';
const mountsCertificates = (name: string) =>
  (services[name]!.volumes ?? []).some(
    (volume) => volume.startsWith('${TEMPORAL_TLS_DIR:?') && volume.endsWith(`:${certificates}:ro`),
  );

describe('deploy/temporal/mtls.compose.yml', () => {
  it('adds certificates to everything that talks to Temporal, and nothing else', () => {
    expect(Object.keys(override.services).sort()).toEqual([
      'api',
      'temporal',
      'temporal-namespace',
      'temporal-ui',
      'worker',
    ]);
  });

  it.each(Object.keys(override.services))('%s reads every certificate it names from the mounted directory', (name) => {
    const files = Object.values(interpolate(services[name]!.environment)).filter((value) => /\.(pem|key)$/.test(value));

    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !file.startsWith(`${certificates}/`))).toEqual([]);
    expect(mountsCertificates(name)).toBe(true);
  });

  it('makes the server require a client certificate from the CA, on its frontend and inside', () => {
    const server = interpolate(services.temporal!.environment);

    expect(server).toMatchObject({
      TEMPORAL_TLS_REQUIRE_CLIENT_AUTH: 'true',
      TEMPORAL_TLS_FRONTEND_CERT: `${certificates}/server.pem`,
      TEMPORAL_TLS_FRONTEND_KEY: `${certificates}/server.key`,
      TEMPORAL_TLS_CLIENT1_CA_CERT: `${certificates}/ca.pem`,
      TEMPORAL_TLS_CLIENT2_CA_CERT: `${certificates}/ca.pem`,
      TEMPORAL_TLS_SERVER_CERT: `${certificates}/server.pem`,
      TEMPORAL_TLS_SERVER_KEY: `${certificates}/server.key`,
      TEMPORAL_TLS_SERVER_CA_CERT: `${certificates}/ca.pem`,
    });
  });

  it.each(['api', 'worker'])('%s presents the client certificate, which loadConfig accepts', (name) => {
    const config = loadConfig(interpolate(services[name]!.environment));

    expect(temporalUsesTls(config)).toBe(true);
    expect(config).toMatchObject({
      TEMPORAL_TLS_CERT_PATH: `${certificates}/client.pem`,
      TEMPORAL_TLS_KEY_PATH: `${certificates}/client.key`,
      TEMPORAL_TLS_CA_PATH: `${certificates}/ca.pem`,
    });
  });

  it('has every client check the name the server presents, the one it is reached by', () => {
    const server = interpolate(services.temporal!.environment);
    const host = loadConfig(interpolate(services.api!.environment)).TEMPORAL_ADDRESS.split(':')[0];
    const names = [
      loadConfig(interpolate(services.api!.environment)).TEMPORAL_TLS_SERVER_NAME,
      loadConfig(interpolate(services.worker!.environment)).TEMPORAL_TLS_SERVER_NAME,
      interpolate(services['temporal-ui']!.environment).TEMPORAL_TLS_SERVER_NAME,
      interpolate(services['temporal-namespace']!.environment).TEMPORAL_TLS_SERVER_NAME,
      server.TEMPORAL_TLS_FRONTEND_SERVER_NAME,
      server.TEMPORAL_TLS_INTERNODE_SERVER_NAME,
    ];

    expect(new Set(names)).toEqual(new Set([host]));
    expect(interpolate(services['temporal-ui']!.environment).TEMPORAL_TLS_ENABLE_HOST_VERIFICATION).toBe('true');
  });

  it('gives the namespace job and the UI the client certificate under the names their images read', () => {
    expect(interpolate(services['temporal-namespace']!.environment)).toMatchObject({
      TEMPORAL_TLS_CLIENT_CERT_PATH: `${certificates}/client.pem`,
      TEMPORAL_TLS_CLIENT_KEY_PATH: `${certificates}/client.key`,
      TEMPORAL_TLS_SERVER_CA_CERT_PATH: `${certificates}/ca.pem`,
    });
    expect(interpolate(services['temporal-ui']!.environment)).toMatchObject({
      TEMPORAL_TLS_CERT: `${certificates}/client.pem`,
      TEMPORAL_TLS_KEY: `${certificates}/client.key`,
      TEMPORAL_TLS_CA: `${certificates}/ca.pem`,
    });
  });

  it('still publishes nothing of Temporal', () => {
    expect(services.temporal!.ports).toBeUndefined();
    expect(Object.values(override.services).every((service) => service.ports === undefined)).toBe(true);
  });
});
