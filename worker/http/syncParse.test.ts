import { describe, expect, it } from "vitest";
import { z } from "zod";
import { syncParse } from "./syncParse";

describe("syncParse", () => {
  it("answers safeParseAsync with the synchronous result, failures included", async () => {
    const schema = syncParse(z.strictObject({ n: z.number().int() }));
    expect(await schema.safeParseAsync({ n: 2 })).toEqual({ success: true, data: { n: 2 } });
    const failed = await schema.safeParseAsync({ n: 1.5 });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.path).toEqual(["n"]);
  });
});
