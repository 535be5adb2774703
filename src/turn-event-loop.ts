// Lets the event loop turn: timers, I/O and signals (Ctrl-C in Node) queued behind synchronous work get their
// turn. A bare `await` on a settled promise only runs microtasks, so a long run of synchronous eatings would
// otherwise hold every one of them back until the whole record ends.
export const turnEventLoop = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
