// The cake through the device in chunks: chunk i+1 is written and uploaded while chunk i is eaten and chunk i-1
// is read back, through a ring of slots made once (src/gpu/stream-ring.ts). The device never holds more than
// the ring, so cakes larger than a binding, a buffer or a --device-memory budget are eaten too; the host holds
// the cake, its eaten copy and the ring's staging buffers, never another whole copy.
import { bytesPerSlice } from '../cake.ts';
import { bitsOf, newCake, type Cake } from '../eat.ts';
import { openGpu, type Gpu } from '../gpu/device.ts';
import { timestampClockPrefix } from '../gpu/kernel-clock.ts';
import { gpuUnavailable, hasTrustedTimestamps } from '../gpu/start.ts';
import { stampBytes, stampsPerChunk, StreamRing, type Slot } from '../gpu/stream-ring.ts';
import { streamSizes } from '../gpu/stream-sizes.ts';
import { streamTimeline, type ChunkTrip } from '../gpu/stream-timeline.ts';
import { waitFor, waitUsed, type WaitPolicy } from '../gpu/wait.ts';
import type { Host } from '../host.ts';
import type { EatOptions, Phases, StartupCost, Strategy, StrategyEntry } from '../strategy.ts';
import { stageTotals, type Timeline } from '../timeline.ts';

const defaultWorkgroupSize = 64;

class GpuStream implements Strategy {
  readonly name = 'gpu-stream';
  private gpu!: Gpu;
  ring!: StreamRing;
  private wait: WaitPolicy = 'nap';
  private cake: Cake = new Uint32Array(0);
  private eatenCake: Cake = new Uint32Array(0);
  private trips: ChunkTrip[] = [];

  constructor(private readonly host: Host) {}

  get clock(): string {
    return this.ring?.hasStamps
      ? `${timestampClockPrefix} per chunk, aligned to performance.now (device copies too); host writes and copy-outs: performance.now`
      : 'performance.now (no trustworthy timestamp-query, or --kernel-clock wall: kernel = submit to map, device copies included)';
  }

  async prepare(cake: Cake, options: EatOptions): Promise<StartupCost[]> {
    if (!this.host.gpu) throw new Error(gpuUnavailable(this.host));
    this.cake = cake;
    this.eatenCake = newCake(options.eat.element, cake.length);
    this.wait = options.wait ?? 'nap';
    let startMs = performance.now();
    this.gpu = await openGpu(this.host.gpu, { limits: options.gpuLimits ?? 'adapter' });
    const startup: StartupCost[] = [{ name: 'adapter + device request', ms: performance.now() - startMs }];
    const sizes = streamSizes(cake.byteLength, this.gpu.device.limits, options);
    const hasStamps = options.kernelClock !== 'wall' && (await hasTrustedTimestamps(this.gpu, startup));
    const workgroupSize = typeof options.workgroupSize === 'number' ? options.workgroupSize : defaultWorkgroupSize;
    startMs = performance.now();
    this.ring = await StreamRing.create(this.gpu, options.eat, cake.length, options.rounds, sizes, workgroupSize, hasStamps);
    startup.push({ name: `shader module + pipeline + ring (${sizes.slots} slots)`, ms: performance.now() - startMs });
    return startup;
  }

  async eat(): Promise<Phases> {
    const startMs = performance.now();
    const at = () => performance.now() - startMs;
    const { slots, sizes } = this.ring;
    const chunkSlices = sizes.chunkBytes / bytesPerSlice;
    const busy: (Promise<void> | undefined)[] = slots.map(() => undefined);
    this.trips = [];
    for (let chunk = 0; chunk < sizes.chunks; chunk++) {
      const s = chunk % slots.length;
      if (busy[s]) await waitFor(busy[s], this.wait); // the slot's last chunk is copied out and its staging mapped again
      const slot = slots[s]!;
      const from = chunk * chunkSlices;
      const to = Math.min(this.cake.length, from + chunkSlices);
      const writeMs = at();
      new Uint32Array(slot.up.getMappedRange(0, (to - from) * bytesPerSlice)).set(bitsOf(this.cake).subarray(from, to));
      slot.up.unmap();
      const encoder = this.gpu.device.createCommandEncoder();
      this.ring.encode(encoder, slot, to - from);
      const commands = encoder.finish();
      const submitMs = at();
      this.gpu.device.queue.submit([commands]);
      const trip = { writeMs, submitMs, submittedMs: at(), mappedMs: 0, copiedMs: 0 };
      this.trips.push(trip);
      busy[s] = this.readBack(slot, from, to, trip, at);
    }
    await waitFor(Promise.all(busy), this.wait);
    this.gpu.check();
    const { upload = 0, kernel = 0, readback = 0 } = stageTotals(streamTimeline(this.trips));
    return { upload, kernel, readback };
  }

  /** Waits for the chunk's readback (and the slot's staging to be writable again), then copies it out. */
  private async readBack(slot: Slot, from: number, to: number, trip: ChunkTrip, at: () => number): Promise<void> {
    const bytes = stampBytes + (to - from) * bytesPerSlice;
    await Promise.all([slot.down.mapAsync(GPUMapMode.READ, 0, bytes), slot.up.mapAsync(GPUMapMode.WRITE)]);
    trip.mappedMs = at();
    const range = slot.down.getMappedRange(0, bytes);
    if (this.ring.hasStamps) trip.stampsNs = [...new BigInt64Array(range, 0, stampsPerChunk)];
    bitsOf(this.eatenCake).set(new Uint32Array(range, stampBytes, to - from), from);
    slot.down.unmap();
    trip.copiedMs = at();
  }

  timeline(): Timeline | undefined {
    return this.trips.length > 0 ? streamTimeline(this.trips) : undefined;
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  bytesCopied(): number {
    return 2 * this.cake.byteLength;
  }

  settings(): Record<string, string | number> {
    const { chunkBytes, slots, chunks, deviceBytes } = this.ring.sizes;
    return { workgroupSize: this.ring.workgroupSize, kernel: 'eat.wgsl', chunkBytes, inFlight: slots, chunks, deviceBytes, wait: waitUsed(this.wait), adapter: this.gpu.adapterSummary.description };
  }

  async dispose(): Promise<void> {
    this.ring?.destroy();
    this.gpu?.destroy();
  }
}

export const gpuStream: StrategyEntry = {
  name: 'gpu-stream',
  summary: 'WebGPU in chunks: upload, eat and read back overlap through a ring of buffers; cakes larger than the device',
  family: 'gpu',
  colour: '#005f87', // deep cerulean: a GPU blue darker than gpu's
  unavailable: gpuUnavailable,
  create: (host) => new GpuStream(host),
};
