import { defineConfig } from 'vitest/config';

// Test tiers by what they need (house rule 14): unit needs nothing, renderer needs jsdom + fake-indexeddb,
// integration needs Debian tools (SoftHSM2, poppler, qpdf, the web host on loopback).
// Budgets are generous (issue 7): the suite must hold on a CI machine whose cores are busy with other work, where
// a test that takes 1 s idle can take 10 s; tests wait for states, so a long budget costs nothing when all is well.
const UNIT_BUDGET = { testTimeout: 30_000, hookTimeout: 60_000 };

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
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
