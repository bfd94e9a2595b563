/**
 * Jest runs the test kit from its built output (emulator/dist) through the package's `exports`, the way an
 * app installing daraja-emulator would. Run from the repository root after `npm run build`:
 *   npm run test:jest
 */
export default {
  rootDir: '.',
  testMatch: ['<rootDir>/**/*.test.mjs'],
  testEnvironment: 'node',
  // Plain ESM: no Babel transform.
  transform: {},
  testTimeout: 20000,
};
