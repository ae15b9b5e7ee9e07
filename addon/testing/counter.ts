/** Calls per method name ("getValues", "setValues", "fetch", ...), shared by every stand-in. */
export class CallCounter {
  readonly calls: Record<string, number> = {};

  count(name: string): void {
    this.calls[name] = (this.calls[name] ?? 0) + 1;
  }

  of(name: string): number {
    return this.calls[name] ?? 0;
  }

  reset(): void {
    for (const name of Object.keys(this.calls)) delete this.calls[name];
  }
}
