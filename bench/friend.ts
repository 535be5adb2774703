// A pool friend in Node: a worker_thread that answers the pool's messages.
import { parentPort } from 'node:worker_threads';
import { answer } from '../src/pool/eat-friend.ts';

const port = parentPort!;
port.on('message', (message) => answer(message, (reply, transfer) => port.postMessage(reply, transfer as never)));
