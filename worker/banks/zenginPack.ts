// The Zengin code list (全銀協 金融機関コード・支店コード) as the Worker carries it.
//
// The `zengin-code` package is 5 MB of JavaScript; bundled as it is, it adds about 7 MiB to
// the Worker (8.2 MiB in all, far over the 3 MiB `bundle.test.ts` allows). Only code, name
// and kana are needed (a search turns hiragana and romaji queries into katakana), so
// `zenginPackCommand.ts` keeps those, gzips them and writes them as base64 into
// `zenginData.ts`: 0.38 MiB. `zenginPack.test.ts` fails when the installed package and the
// packed copy differ, so an update of the package cannot be forgotten.

/** The shape of `zengin-code`'s export, as far as this module reads it. */
export type RawZengin = Record<
  string,
  {
    code: string;
    name: string;
    kana: string;
    branches: Record<string, { code: string; name: string; kana: string }>;
  }
>;

/**
 * One line per bank ("0001\tみずほ\tミズホ") followed by one line per branch
 * ("001\t東京営業部\tトウキヨウ"), both in code order; a 4-digit code starts a bank.
 */
export function compactZengin(raw: RawZengin): string {
  const lines: string[] = [];
  for (const bankCode of Object.keys(raw).sort()) {
    const bank = raw[bankCode];
    if (!bank) continue;
    lines.push(`${bank.code}\t${bank.name}\t${bank.kana}`);
    for (const branchCode of Object.keys(bank.branches).sort()) {
      const branch = bank.branches[branchCode];
      if (branch) lines.push(`${branch.code}\t${branch.name}\t${branch.kana}`);
    }
  }
  return lines.join("\n");
}

async function pipe(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** gzip, then base64: a plain ASCII string the bundler copies as it is. */
export async function packZengin(text: string): Promise<string> {
  const gzipped = await pipe(new TextEncoder().encode(text), new CompressionStream("gzip"));
  let binary = "";
  for (const byte of gzipped) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export async function unpackZengin(packed: string): Promise<string> {
  const binary = atob(packed);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(await pipe(bytes, new DecompressionStream("gzip")));
}
