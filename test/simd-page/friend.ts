// A pool friend in a Web Worker: the browser twin of bench/friend.ts, for the simd browser test.
import { answer } from '../../src/pool/eat-friend.ts';

const scope = self as unknown as Worker;
scope.onmessage = (event: MessageEvent) => answer(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? []));
