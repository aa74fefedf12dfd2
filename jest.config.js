/**
 * Three levels, chosen by file suffix (STYLE.md): unit specs need nothing running; int and e2e
 * specs share one PostgreSQL and one Temporal server that the global set-up starts for the run.
 */
const shared = {
  transform: { '^.+\\.ts$': '@swc/jest' },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  rootDir: __dirname,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
};

const withServices = {
  ...shared,
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
};

module.exports = {
  // Int and e2e specs use real servers and real timers: cases wait out their (shortened) notices.
  // Generous, so that a machine busy with other work (CI shares it) slows a spec without failing it.
  testTimeout: 180_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/**/*.unit.spec.ts'] },
    { ...withServices, displayName: 'int', testMatch: ['<rootDir>/**/*.int.spec.ts'] },
    { ...withServices, displayName: 'e2e', testMatch: ['<rootDir>/**/*.e2e.spec.ts'] },
  ],
};
