// A pool friend in the browser: a module Web Worker that answers the pool's messages.
import { answer } from '../pool/eat-friend.ts';
import type { ToFriend } from '../pool/friend.ts';

// The DOM and WebWorker type libraries clash in one tsconfig; this is the part of a worker's scope we use.
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToFriend>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
scope.onmessage = (event: MessageEvent<ToFriend>) =>
  answer(event.data, (reply, transfer = []) => scope.postMessage(reply, transfer));
