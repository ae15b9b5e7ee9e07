import { w } from "./words";

// DOM helpers: elements, buttons that show progress and cannot run twice, and the dialog the
// sidebar asks a confirmation or a reason in (the sidebar's iframe may not open window.confirm).

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) {
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** A button; `secondary` ones are outlined. */
export function button(text: string, id = "", secondary = false): HTMLButtonElement {
  return el("button", {
    type: "button",
    textContent: text,
    ...(id ? { id } : {}),
    ...(secondary ? { className: "secondary" } : {}),
  });
}

/**
 * Runs `work` on a click: the button shows 処理中… and stays disabled until it settles, so a
 * second click while a call runs does nothing. Errors are the handler's to show.
 */
export function onAction(target: HTMLButtonElement, work: () => Promise<unknown> | undefined) {
  let running = false;
  target.onclick = () => {
    if (running) return;
    const label = target.textContent ?? "";
    const wasDisabled = target.disabled;
    running = true;
    target.disabled = true;
    target.classList.add("busy");
    target.setAttribute("aria-busy", "true");
    target.textContent = w("working");
    const done = () => {
      running = false;
      target.classList.remove("busy");
      target.removeAttribute("aria-busy");
      // The handler may have rendered a new panel; an old button is simply left as it was.
      target.textContent = label;
      target.disabled = wasDisabled;
    };
    Promise.resolve().then(work).then(done, done);
  };
}

/** A note in a colour: "ok" green, "warn" amber, "muted" grey. */
export const note = (text: string, className: "ok" | "warn" | "muted" = "muted", id = "") =>
  el("p", { className, ...(id ? { id } : {}) }, text);

export interface DialogOptions {
  id: string;
  title: string;
  body?: (Node | string)[];
  confirm: string;
  /** A text the user must fill before confirming (a reason to return). */
  reason?: { label: string; required: string };
}

/**
 * A modal over the sidebar: resolves with the reason typed (or "" when none is asked) on
 * confirmation, null on cancel.
 */
export function askInDialog(options: DialogOptions): Promise<string | null> {
  return new Promise((resolve) => {
    const reason = options.reason
      ? el("textarea", { id: `${options.id}-reason`, rows: 3, maxLength: 2000 })
      : null;
    const problem = el("p", { className: "field-error", id: `${options.id}-problem` });
    const ok = button(options.confirm, `${options.id}-confirm`);
    const cancel = button(w("cancel"), `${options.id}-cancel`, true);
    const box = el(
      "div",
      { className: "dialog", id: options.id, role: "dialog" },
      el("h3", {}, options.title),
      ...(options.body ?? []),
      ...(reason && options.reason ? [el("label", {}, options.reason.label), reason] : []),
      problem,
      el("div", { className: "buttons" }, ok, cancel),
    );
    const overlay = el("div", { className: "overlay" }, box);
    const close = (value: string | null) => {
      overlay.remove();
      resolve(value);
    };
    ok.onclick = () => {
      const text = reason?.value.trim() ?? "";
      if (reason && options.reason && text === "") {
        problem.textContent = options.reason.required;
        return;
      }
      close(text);
    };
    cancel.onclick = () => close(null);
    document.body.appendChild(overlay);
    (reason ?? ok).focus();
  });
}
