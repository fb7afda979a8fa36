/**
 * Lets a call through at most once per `intervalMs`; the first always goes. Progress reports each
 * repaint a notification in the window, and a few a second read as smooth while leaving the window's
 * time to the work itself.
 */
export function throttled<A extends unknown[]>(
  intervalMs: number,
  call: (...args: A) => void,
  now: () => number = Date.now,
): (...args: A) => void {
  let last: number | undefined;
  return (...args: A) => {
    const time = now();
    if (last !== undefined && time - last < intervalMs) return;
    last = time;
    call(...args);
  };
}
