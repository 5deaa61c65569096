/**
 * Unit tests for the mini-program's pure modules (services, form and view rules). They never import
 * @tarojs/* — the Taro adapters are the only files that do — so they run in plain Node.
 * Run: npm test -w miniapp   (or: npx jest -c miniapp/jest.config.js from the repo root)
 */
module.exports = {
  displayName: 'miniapp',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleNameMapper: { '^@linli/shared$': '<rootDir>/../shared/src/index.ts' },
};
