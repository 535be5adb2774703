// How gpu-stream cuts a cake into chunks and how many it keeps in flight: within the device's binding and
// buffer limits and within a device memory budget (--device-memory), so a small device can be acted out on any
// adapter. The ring holds `slots` chunks on the device, each twice (the uneaten chunk and its eaten twin).
import { bytesPerSlice } from '../cake.ts';

export const defaultInFlight = 3; // upload, kernel and readback of three chunks at once
export const maxInFlight = 16;
/** Below this a chunk's dispatch and map round trips (about 0.1 ms each on lavapipe) outweigh its copies. */
const smallestDefaultChunkBytes = 2 ** 20;
/** A default chunk is at most this share of the cake, so the pipeline fills and drains over many chunks. */
const defaultChunksPerCake = 16;
/** Device bytes per slot besides its two chunks: the timestamps' resolve buffer. */
export const slotExtraBytes = 256;
export const mealBytes = 16;

export interface StreamSizes {
  chunkBytes: number;
  /** Slots in the ring: --in-flight, or fewer when the cake has fewer chunks. */
  slots: number;
  chunks: number;
  /** Device memory the ring takes. */
  deviceBytes: number;
}

type Limits = Pick<GPUSupportedLimits, 'maxStorageBufferBindingSize' | 'maxBufferSize'>;

/** A byte size in words: 64 KiB, 1.5 MiB. */
export function sizeWords(bytes: number): string {
  return bytes < 2 ** 20 ? `${+(bytes / 2 ** 10).toFixed(3)} KiB` : `${+(bytes / 2 ** 20).toFixed(3)} MiB`;
}
const mib = sizeWords;
const toSlices = (bytes: number) => Math.floor(bytes / bytesPerSlice) * bytesPerSlice;

/** Device memory a ring of `slots` chunks of `chunkBytes` takes. */
export function ringDeviceBytes(chunkBytes: number, slots: number): number {
  return slots * (2 * chunkBytes + slotExtraBytes) + mealBytes;
}

/**
 * The chunk size and slots for a cake of `cakeBytes` on a device with `limits`. Throws an Error naming the
 * limit when an asked --chunk or --in-flight cannot fit.
 */
export function streamSizes(cakeBytes: number, limits: Limits, asked: { chunkBytes?: number; inFlight?: number; deviceMemoryBytes?: number }): StreamSizes {
  const inFlight = asked.inFlight ?? defaultInFlight;
  const bindingBytes = toSlices(Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize));
  const budgetBytes = asked.deviceMemoryBytes ?? Infinity;
  const budgetChunkBytes = toSlices((budgetBytes - mealBytes) / inFlight / 2 - slotExtraBytes);
  if (asked.chunkBytes !== undefined) {
    if (asked.chunkBytes > bindingBytes) {
      throw new Error(`--chunk ${mib(asked.chunkBytes)} is over this device's storage binding and buffer limit (${mib(bindingBytes)}). Use --chunk <= ${mib(bindingBytes)}, or leave --chunk out.`);
    }
    if (asked.chunkBytes > budgetChunkBytes) {
      throw new Error(
        `--chunk ${mib(asked.chunkBytes)} x --in-flight ${inFlight} needs ${mib(ringDeviceBytes(asked.chunkBytes, inFlight))} of device memory, over --device-memory ${mib(budgetBytes)}. ` +
          `Use --chunk <= ${mib(Math.max(0, budgetChunkBytes))} or fewer in flight.`,
      );
    }
  }
  if (budgetChunkBytes < bytesPerSlice) throw new Error(`--device-memory ${mib(budgetBytes)} holds no chunk of one slice with --in-flight ${inFlight}; give it at least ${ringDeviceBytes(bytesPerSlice, inFlight)} bytes.`);
  const wanted = asked.chunkBytes ?? Math.max(smallestDefaultChunkBytes, toSlices(Math.ceil(cakeBytes / defaultChunksPerCake / bytesPerSlice) * bytesPerSlice));
  const chunkBytes = Math.max(bytesPerSlice, Math.min(wanted, bindingBytes, budgetChunkBytes, cakeBytes));
  const chunks = Math.ceil(cakeBytes / chunkBytes);
  const slots = Math.max(1, Math.min(inFlight, chunks));
  return { chunkBytes, slots, chunks, deviceBytes: ringDeviceBytes(chunkBytes, slots) };
}
