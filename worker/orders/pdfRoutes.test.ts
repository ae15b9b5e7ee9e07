import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { formatHourRange } from "../../shared";
import { purchaseOrders } from "../db/schema";
import { nodeFonts } from "../platform/nodeFonts";
import { type TestApp, testApp } from "../testing/app";
import { approvedContract, HOUR_RANGE_CATEGORY, signIn } from "../testing/contracts";
import { pdfText } from "../testing/pdfText";

// The purchase order PDF, read back with PDF.js: the Japanese text and the figures are really
// there, and a partner never sees a draft order.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;

beforeEach(async () => {
  t = await testApp({ fonts: nodeFonts });
  ctx = await approvedContract(t);
});

async function pdf(token: string, path: string) {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe("GET /v1/orders/{orderId}/document.pdf", () => {
  it("draws the approved order with its hour range remarks, for both parties", async () => {
    for (const token of [ctx.owner, ctx.partner]) {
      const { res, bytes } = await pdf(token, `/v1/orders/${ctx.orderId}/document.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const text = await pdfText(bytes);
      for (const expected of [
        "発注書",
        "SES 開発支援",
        // An individual is addressed 様 (御中 is for a company or group).
        "田中 美咲 様",
        "Demo",
        "発注番号 PO-",
        `稼働時間：${formatHourRange(HOUR_RANGE_CATEGORY.lowerHours, HOUR_RANGE_CATEGORY.upperHours)}`,
        "発注請書",
      ]) {
        expect(text).toContain(expected);
      }
      // Approved, it carries the confirmation, not a status stamp.
      expect(text).not.toContain("承認済み");
      // The approval time in Japan time, not raw UTC.
      expect(text).toMatch(/承認日時\s+\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    }
  });

  it("hides a draft order from the partner (404) but not from the company", async () => {
    // A fresh contract's order before it is sent; the fixture's shortcut to one is to set it.
    await t.db
      .update(purchaseOrders)
      .set({ status: "draft" })
      .where(eq(purchaseOrders.id, ctx.orderId));
    const path = `/v1/orders/${ctx.orderId}/document.pdf`;
    expect((await pdf(ctx.partner, path)).res.status).toBe(404);
    const owner = await pdf(ctx.owner, path);
    expect(owner.res.status).toBe(200);
    expect(await pdfText(owner.bytes)).toContain("下書き");
    const outsider = await signIn(t, "owner@other.shimebi.test");
    expect((await pdf(outsider, path)).res.status).toBe(404);
  });
});
