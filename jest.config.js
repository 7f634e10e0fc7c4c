/**
 * Test projects (ARCHITECTURE §5): unit (pure rules), integration (actions through the real
 * wx-server-sdk on the local cloud), mp (miniprogram-simulate on the compiled dist/), build (weapp output checks).
 */
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020' }, module: { type: 'commonjs' } },
]

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      setupFiles: ['<rootDir>/tests/integration/setup-env.js'],
      setupFilesAfterEnv: ['<rootDir>/tests/integration/timeout.js'],
    },
    { displayName: 'mp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/tests/mp/**/*.test.js'], transform: {} },
    {
      displayName: 'build',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/build/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
  ],
}
