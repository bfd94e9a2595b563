// Who may import whom (see ARCHITECTURE.md). Each entry becomes an ESLint `no-restricted-imports` rule for
// the files it names, so `npm run lint` (part of `npm test`) fails on an import that crosses a boundary.
// Tests are exempt: they may build a whole emulator wherever they sit.

const src = (folders) => folders.map((folder) => `emulator/src/${folder}/**/*.ts`);

/** Regular expressions over the import specifier, each with the reason given when it matches. */
const NOT_THE_EMULATOR = {
  regex: String.raw`(^|/)(emulator|services|main)\.js$|/apis/register\.js$`,
  message: 'Take the parts you need as arguments; only emulator.ts and services.ts wire the emulator.',
};
const NOT_THE_TOOLS = {
  regex: String.raw`/(cli|pact|conformance|testing|bench|tls/cli-tls)(/|\.js$)`,
  message: 'Commands and test tools use the emulator; the emulator does not use them.',
};
const NOT_AN_API = {
  regex: String.raw`(^|/)apis/`,
  message:
    'Cross-cutting parts do not know the APIs: hand them what they need (a function, a type of their own).',
};
const NOT_CONTROL_ROUTES = {
  regex: String.raw`/control/(?!control-error\.js$|query\.js$)`,
  message:
    'Control routes are mounted by the emulator; only control-error.js and query.js are shared helpers.',
};
const NOT_FAULTS = {
  regex: String.raw`(^|/)faults/`,
  message: 'Fault rules are applied by the gateway and the services that take them, not known to this part.',
};
const NOT_ANOTHER_API_MODULE = {
  regex: String.raw`^\.\./[a-z0-9-]+/(module|routes|control-routes)\.js$`,
  message: 'An API never mounts another API: shared logic goes in a file both import (see apis/initiator).',
};
const NOT_THE_EMULATOR_PACKAGE = {
  regex: String.raw`^daraja-emulator|(^|/)emulator/src/`,
  message: 'This package speaks to the emulator over HTTP, through daraja-client; it never imports it.',
};

const boundary = (files, patterns) => ({
  files,
  ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**', '**/test/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: patterns.map(({ regex, message }) => ({ regex, message })) },
    ],
  },
});

export const importBoundaries = [
  // An API folder: its Daraja routes, control routes, validation and service, built from its context.
  boundary(src(['apis']), [NOT_THE_EMULATOR, NOT_THE_TOOLS, NOT_ANOTHER_API_MODULE]),
  // Parts every API uses: they know no API, no control route, no fault rule, and not the emulator.
  boundary(
    src([
      'callbacks',
      'config',
      'events',
      'ids',
      'journal',
      'ledger',
      'live',
      'security',
      'store',
      'time',
      'validation',
    ]),
    [NOT_THE_EMULATOR, NOT_THE_TOOLS, NOT_AN_API, NOT_CONTROL_ROUTES, NOT_FAULTS],
  ),
  // The gateway and the front door: they route to APIs through their DarajaRoute entries only (the token
  // check needs the OAuth service's type).
  boundary(src(['http']), [
    NOT_THE_EMULATOR,
    NOT_THE_TOOLS,
    NOT_CONTROL_ROUTES,
    { regex: String.raw`(^|/)apis/(?!oauth/service\.js$)`, message: NOT_AN_API.message },
  ]),
  // Fault rules plan STK and initiator outcomes with those APIs' own planners, and nothing more of them.
  boundary(src(['faults']), [
    NOT_THE_EMULATOR,
    NOT_THE_TOOLS,
    NOT_CONTROL_ROUTES,
    { regex: String.raw`(^|/)apis/.*(module|routes|control-routes)\.js$`, message: NOT_AN_API.message },
  ]),
  // Emulator-wide control routes, scenarios and state documents: they take an EmulatorControl, not the class.
  boundary(src(['control', 'scenarios']), [NOT_THE_EMULATOR]),
  boundary(['client/src/**/*.ts', 'ui/src/**/*.{ts,tsx}'], [NOT_THE_EMULATOR_PACKAGE]),
];
