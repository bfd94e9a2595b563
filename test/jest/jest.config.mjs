/**
 * Jest runs the test kit from its built output (emulator/dist) through the package's `exports`, the way an
 * app installing daraja-emulator would; whatever changed since the last build is built first. Run from the
 * repository root:
 *   npm run test:jest
 */
export default {
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.test.mjs'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/global-build.mjs',
  // Plain ESM: no Babel transform.
  transform: {},
  testTimeout: 20000,
};
