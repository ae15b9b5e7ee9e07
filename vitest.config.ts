import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "worker/**/*.test.ts",
      "addon/**/*.test.ts",
      "tools/**/*.test.ts",
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
