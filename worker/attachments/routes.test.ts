import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { beforeEach, describe, expect, it } from "vitest";
import { attachments, invoices, workEntries } from "../db/schema";
import { diskStorage } from "../platform/storage";
import { snapshot, type TestApp, type TestResponse, testApp } from "../testing/app";
import { approvedContract, signIn } from "../testing/contracts";
import { minimalXlsx, PNG_1X1 } from "../testing/files";

// Attachments of the seed's hour-range invoice: stored on disk, recognised by content, and the
// refusals (wrong type whatever the name, too large, not editable, not yours) changing nothing.

let t: TestApp;
let ctx: Awaited<ReturnType<typeof approvedContract>>;
let invoiceId: string;
let filesRoot: string;

const base = () => `/v1/invoices/${invoiceId}/attachments`;

async function upload(
  token: string,
  bytes: Uint8Array,
  filename: string,
  purpose = "report",
  path = base(),
): Promise<Omit<TestResponse, "headers">> {
  const form = new FormData();
  // The declared type lies on purpose: only the content decides.
  form.append("file", new File([bytes as BlobPart], filename, { type: "application/pdf" }));
  form.append("purpose", purpose);
  const res = await t.app.request(path, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "accept-language": "en" },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

async function download(token: string, attachmentId: string) {
  return t.app.request(`${base()}/${attachmentId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
}

async function pdfBytes() {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  return doc.save();
}

beforeEach(async () => {
  filesRoot = mkdtempSync(join(tmpdir(), "shimebi-files-"));
  t = await testApp({ storage: diskStorage(filesRoot) });
  ctx = await approvedContract(t);
  await t.db.insert(workEntries).values({
    contractId: ctx.contractId,
    workingMonth: "2025-08",
    date: "2025-08-01",
    costCategoryId: "ses",
    startMinutes: 540,
    endMinutes: 1080,
    breakMinutes: 60,
  });
  t.clock.now = new Date("2025-08-26T01:00:00Z");
  ctx.partner = await signIn(t, "partner@demo.shimebi.test");
  ctx.owner = await signIn(t, "owner@demo.shimebi.test");
  const draft = await t.call("PUT", `/v1/contracts/${ctx.contractId}/months/2025-08/invoice`, {
    token: ctx.partner,
    body: {},
  });
  expect(draft.status, JSON.stringify(draft.body)).toBe(200);
  invoiceId = draft.body.id;
});

describe("invoice attachments", () => {
  it("stores a PNG, a PDF and an xlsx by content and gives back the same bytes", async () => {
    const pdf = await pdfBytes();
    const xlsx = minimalXlsx();
    const files = [
      { bytes: PNG_1X1, name: "報告書 8月.png", type: "image/png" },
      { bytes: pdf, name: "report.pdf", type: "application/pdf" },
      {
        bytes: xlsx,
        name: "timesheet.xlsx",
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      },
    ];
    const ids: string[] = [];
    for (const file of files) {
      const res = await upload(ctx.partner, file.bytes, file.name);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        invoiceId,
        purpose: "report",
        filename: file.name,
        contentType: file.type,
        size: file.bytes.byteLength,
      });
      expect(res.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      ids.push(res.body.id);
    }
    const [row] = await t.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, ids[0] ?? ""));
    expect(row?.storageKey).toBe(`invoices/${invoiceId}/${ids[0]}`);
    expect(readdirSync(join(filesRoot, "invoices", invoiceId))).toHaveLength(3);

    const list = await t.call("GET", base(), { token: ctx.partner });
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual(ids);

    const res = await download(ctx.partner, ids[0] ?? "");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="___ 8_.png"; filename*=UTF-8''${encodeURIComponent("報告書 8月.png")}`,
    );
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PNG_1X1);
    const pdfRes = await download(ctx.partner, ids[1] ?? "");
    expect(new Uint8Array(await pdfRes.arrayBuffer())).toEqual(pdf);
  });

  it("refuses a text file named .pdf, an 11 MiB file and a missing file, changing nothing", async () => {
    const before = await snapshot(t.db);
    const text = new TextEncoder().encode("Not a PDF at all, just words.\n");
    const renamed = await upload(ctx.partner, text, "report.pdf");
    expect(renamed.status).toBe(415);
    expect(renamed.body.error.message).toBe(
      "Only JPEG, PNG, PDF and Excel files can be attached (this file is of an unknown type)",
    );
    expect(renamed.body.error.issues[0].path).toBe("file");

    const gif = new TextEncoder().encode("GIF89a\x01\x00\x01\x00\x00\x00\x00;");
    const gifRes = await upload(ctx.partner, gif, "photo.png");
    expect(gifRes.status).toBe(415);
    expect(gifRes.body.error.message).toContain("(this file is GIF (image/gif))");

    const big = new Uint8Array(11 * 1024 * 1024);
    big.set(PNG_1X1);
    const tooBig = await upload(ctx.partner, big, "huge.png");
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe(
      "The file is too large: attachments can be at most 10 MiB",
    );

    const wrongPurpose = await upload(ctx.partner, PNG_1X1, "a.png", "invoice");
    expect(wrongPurpose.status).toBe(422);
    expect(wrongPurpose.body.error.issues[0].path).toBe("purpose");

    const noFile = await t.app.request(base(), {
      method: "POST",
      headers: { authorization: `Bearer ${ctx.partner}`, "accept-language": "en" },
      body: (() => {
        const form = new FormData();
        form.append("purpose", "report");
        return form;
      })(),
    });
    expect(noFile.status).toBe(422);
    expect(((await noFile.json()) as TestResponse["body"]).error.issues[0].path).toBe("file");

    expect(await snapshot(t.db)).toEqual(before);
    expect(readdirSync(filesRoot)).toEqual([]);
  });

  it("refuses a chunked 64 MiB upload after reading at most the limit, storing nothing", async () => {
    const before = await snapshot(t.db);
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 64 * 1024 * 1024) return controller.close();
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await t.app.request(base(), {
      method: "POST",
      headers: {
        authorization: `Bearer ${ctx.partner}`,
        "content-type": "multipart/form-data; boundary=x",
        "accept-language": "ja",
      },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as TestResponse["body"]).error).toMatchObject({
      code: "file_too_large",
      message: "ファイルが大きすぎます: 添付できるのは 10 MiB までです",
      issues: [{ path: "file" }],
    });
    expect(pulled).toBeLessThanOrEqual(10.5 * 1024 * 1024);
    expect(await snapshot(t.db)).toEqual(before);
    expect(readdirSync(filesRoot)).toEqual([]);
  });

  it("accepts files only while the invoice is a draft or returned", async () => {
    await t.db.update(invoices).set({ status: "underReview" }).where(eq(invoices.id, invoiceId));
    const before = await snapshot(t.db);
    const res = await upload(ctx.partner, PNG_1X1, "late.png");
    expect(res.status).toBe(409);
    expect(await snapshot(t.db)).toEqual(before);
    await t.db.update(invoices).set({ status: "returned" }).where(eq(invoices.id, invoiceId));
    expect((await upload(ctx.partner, PNG_1X1, "fixed.png", "other")).status).toBe(201);
  });

  it("lets the company download once submitted, hides the files from other companies", async () => {
    const created = await upload(ctx.partner, PNG_1X1, "a.png");
    // A draft is the partner's: the company does not see it, nor its files.
    expect((await t.call("GET", base(), { token: ctx.owner })).status).toBe(404);
    await t.db.update(invoices).set({ status: "underReview" }).where(eq(invoices.id, invoiceId));
    expect((await download(ctx.owner, created.body.id)).status).toBe(200);
    // The company may read but not attach.
    expect((await upload(ctx.owner, PNG_1X1, "b.png")).status).toBe(403);

    for (const email of ["owner@other.shimebi.test", "partner@other.shimebi.test"]) {
      const token = await signIn(t, email);
      expect((await t.call("GET", base(), { token })).status).toBe(404);
      expect((await download(token, created.body.id)).status).toBe(404);
      expect((await upload(token, PNG_1X1, "c.png")).status).toBe(404);
    }
    // An attachment id under another invoice's path is not found either.
    expect((await download(ctx.partner, crypto.randomUUID())).status).toBe(404);
  });

  it("names a file by its detected type, without control, bidi or NUL tricks", async () => {
    // A PNG that is also an HTML page: its name must not make it one on the user's disk.
    const polyglot = new Uint8Array([
      ...PNG_1X1,
      ...new TextEncoder().encode("<html><script>alert(1)</script></html>"),
    ]);
    const cases = [
      { bytes: polyglot, name: "poly.html", stored: "poly.png" },
      { bytes: PNG_1X1, name: "report\u202Egnp.exe", stored: "reportgnp.png" },
      { bytes: PNG_1X1, name: "a.png\u0000.html", stored: "a.png" },
      { bytes: PNG_1X1, name: "写真\u200F\u2066 8月\u2069.JPEG", stored: "写真 8月.png" },
      { bytes: await pdfBytes(), name: "\u0007見積書", stored: "見積書.pdf" },
      { bytes: PNG_1X1, name: "photo.PNG", stored: "photo.PNG" },
    ];
    for (const { bytes, name, stored } of cases) {
      const res = await upload(ctx.partner, bytes, name);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.filename, JSON.stringify(name)).toBe(stored);
      const file = await download(ctx.partner, res.body.id);
      expect(file.headers.get("content-disposition")).toBe(
        `attachment; filename="${stored.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(stored)}`,
      );
    }
  });

  it("cleans the download name of a row stored before names were cleaned", async () => {
    const created = await upload(ctx.partner, PNG_1X1, "ok.png");
    await t.db
      .update(attachments)
      .set({ filename: "invoice\u202Efdp.html" })
      .where(eq(attachments.id, created.body.id));
    const file = await download(ctx.partner, created.body.id);
    const header = file.headers.get("content-disposition") ?? "";
    expect(header).toBe(`attachment; filename="invoicefdp.png"; filename*=UTF-8''invoicefdp.png`);
    expect(header).not.toMatch(/%E2%80%AE|html/);
  });
});
