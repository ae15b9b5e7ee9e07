import { quote } from "../shared";
import { generatedMonth } from "../worker/testing/months";
import { fmt, opsPerSecond, percentileMs, row } from "./measure";

/** The engine alone, against parsing and printing the same JSON (the floor any caller pays). */
export function benchEngine(): { heavyP95Ms: number } {
  console.log("\nEngine (shared/quote.ts), in process");
  for (const count of [300, 10_000]) {
    const body = generatedMonth(count);
    const outcome = quote(body);
    if (!outcome.ok)
      throw new Error(`generated month is invalid: ${JSON.stringify(outcome.issues[0])}`);
    const text = JSON.stringify(body);
    const engine = opsPerSecond(() => quote(body));
    const json = opsPerSecond(() => JSON.stringify(JSON.parse(text)));
    row(
      `quote, ${fmt(count)} entries`,
      `${fmt(engine.perSecond)}/s`,
      `${fmt(engine.meanMs, 3)} ms each`,
    );
    row(
      `  baseline: JSON parse+stringify of the body`,
      `${fmt(json.perSecond)}/s`,
      `ratio ${fmt(engine.perSecond / json.perSecond, 2)}`,
    );
  }
  const heavy = generatedMonth(10_000);
  const heavyP95Ms = percentileMs(() => quote(heavy), 200, 95);
  row(
    "10,000 entries, p95 of 200 runs",
    `${fmt(heavyP95Ms, 2)} ms`,
    `target < 16 ms (one frame): ${heavyP95Ms < 16 ? "met" : "MISSED"}`,
  );
  return { heavyP95Ms };
}
