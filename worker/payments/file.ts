import { getSettings } from "../companySettings/service";
import type { Deps } from "../deps";
import { ApiError } from "../http/errors";
import { headerFrom, type Say } from "./rules";
import { type PaymentRun, runLines } from "./service";
import { type ZenginTransfer, zenginBytes, zenginText } from "./zengin";

/**
 * The run's 全銀 総合振込 file: its pending domestic transfers, with the company's own account
 * and 委託者コード. Refused (422) while any payee's data is invalid, naming each partner, so a
 * file the bank would reject is never made; overseas payees are paid apart and not in it.
 */
export async function runFile(deps: Pick<Deps, "db">, run: PaymentRun, say: Say) {
  const settings = await getSettings(deps, run.companyId);
  const header = await headerFrom(settings.transfer, run.paymentDate, say);
  const lines = (await runLines(deps, run, say)).filter((l) => l.item.status === "pending");
  const issues = lines.flatMap((l) => (l.payee.kind === "invalid" ? l.payee.issues : []));
  if (issues.length > 0) {
    throw new ApiError(
      422,
      "invalid_payees",
      say(
        `振込先に${issues.length}件の問題があります。直してからファイルを作成してください`,
        `${issues.length} payee problem(s) to correct before the file can be made`,
      ),
      issues,
    );
  }
  const transfers: ZenginTransfer[] = lines.flatMap((l) =>
    l.payee.kind === "domestic" ? [l.payee.transfer] : [],
  );
  if (transfers.length === 0) {
    const message = say(
      "この支払には振込ファイルに載せる未払いの国内振込がありません",
      "This run has no unpaid domestic transfer to put in a file",
    );
    throw new ApiError(409, "nothing_to_transfer", message, [{ path: "items", message }]);
  }
  const lineEnding = settings.transfer?.lineEnding ?? "crlf";
  return {
    bytes: zenginBytes(zenginText(header, transfers, lineEnding)),
    filename: `sogofurikomi-${run.paymentDate}.txt`,
    count: transfers.length,
    total: transfers.reduce((sum, t) => sum + t.amount, 0),
  };
}
