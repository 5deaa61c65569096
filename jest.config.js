/**
 * One jest run, several projects:
 *  - shared: pure domain rules (no I/O)
 *  - server: server unit tests next to the code
 *  - miniapp: the mini-program's pure view logic (no Taro runtime)
 *  - api:    the HTTP/socket API end to end on a real database (SQLite by default, MariaDB with DATABASE_URL)
 *  - browser: the H5 build driven by Chromium (see test/browser/README in the test workspace)
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '^@linli/shared$': '<rootDir>/shared/src/index.ts' },
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  projects: [
    { ...common, displayName: 'shared', testMatch: ['<rootDir>/shared/src/**/*.spec.ts'] },
    { ...common, displayName: 'server', testMatch: ['<rootDir>/server/src/**/*.spec.ts'] },
    { ...common, displayName: 'miniapp', testMatch: ['<rootDir>/miniapp/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/test/api/**/*.e2e-spec.ts'],
      setupFiles: ['reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/test/api/support/jest-timeout.ts'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.e2e-spec.ts'],
      setupFiles: ['reflect-metadata'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/support/jest-timeout.ts'],
      globalSetup: '<rootDir>/test/browser/global-setup.ts',
    },
  ],
};
