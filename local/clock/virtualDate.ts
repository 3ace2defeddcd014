/**
 * Makes `Date.now()`, `new Date()` and `Date()` in this process read the runtime clock, because the app
 * reads time only through them. Everything else about Date is the real thing: `new Date(x)` with
 * arguments, `Date.parse`, `Date.UTC`, `instanceof Date` (both ways) and subclassing keep working, and the
 * created objects are genuine Date objects.
 *
 * Not covered (they keep real time): timers (setTimeout, setInterval), `performance.now()`,
 * `process.hrtime()`, Date objects made inside Node itself (file stats, HTTP Date headers), TLS
 * certificate validity, and `Intl.DateTimeFormat#format()` called without a date.
 */
export function installVirtualDate(now: () => number): () => void {
  const RealDate = globalThis.Date;

  // A plain function rather than a class: `Date()` called without `new` must keep working (it returns a string).
  function VirtualDate(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target) as unknown;
  }
  Object.setPrototypeOf(VirtualDate, RealDate);
  VirtualDate.prototype = RealDate.prototype;
  Object.defineProperty(VirtualDate, "now", { value: () => now(), writable: true, configurable: true });
  Object.defineProperty(VirtualDate, "name", { value: "Date" });
  Object.defineProperty(VirtualDate, "length", { value: 7 });

  globalThis.Date = VirtualDate as unknown as DateConstructor;
  return () => {
    globalThis.Date = RealDate;
  };
}
