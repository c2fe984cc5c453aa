import { defineConfig } from 'vitest/config';

// Test tiers by what they need (house rule 14): unit needs nothing, renderer needs jsdom + fake-indexeddb,
// integration needs Debian tools (SoftHSM2, poppler, qpdf, the web host on loopback).
// Budgets are generous (issue 7): the suite must hold on a CI machine whose cores are busy with other work. With
// both cores loaded (load average 10-20) tests ran 5-15 times slower than idle: a CLI signing test 84 s, a 3000-entry
// register view 20 s. Tests wait for states, so a long budget costs nothing when all is well.
const UNIT_BUDGET = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          ...UNIT_BUDGET,
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.ts', 'test/unit/renderer/**/*.test.tsx'],
          ...UNIT_BUDGET,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
