// Kernel time from timestamp queries when the device has them (else the caller falls back to wall clock), and
// a probe of how fine and how trustworthy those timestamps are.

const timestampBytes = 2 * 8; // begin and end timestamps, u64 each

/** Times one compute pass with timestamp queries; read() resolves after the pass, with no extra round trip. */
export class PassTimer {
  private readonly querySet: GPUQuerySet;
  private readonly resolved: GPUBuffer;
  private readonly readable: GPUBuffer;

  constructor(device: GPUDevice) {
    this.querySet = device.createQuerySet({ type: 'timestamp', count: 2 });
    this.resolved = device.createBuffer({ size: timestampBytes, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
    this.readable = device.createBuffer({ size: timestampBytes, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  }

  get timestampWrites(): GPUComputePassTimestampWrites {
    return { querySet: this.querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 };
  }

  /** Call after the timed pass ends, in the same command encoder. */
  resolve(encoder: GPUCommandEncoder): void {
    encoder.resolveQuerySet(this.querySet, 0, 2, this.resolved, 0);
    encoder.copyBufferToBuffer(this.resolved, 0, this.readable, 0, timestampBytes);
  }

  /** The pass's duration in ms (negative or zero when the timestamps are broken: callers check). */
  async read(): Promise<number> {
    const [begin, end] = await this.readStamps();
    return Number(end - begin) / 1e6;
  }

  /** The pass's begin and end on the GPU's clock, in ns (for a timeline: src/gpu/align.ts). */
  async readStamps(): Promise<[bigint, bigint]> {
    await this.readable.mapAsync(GPUMapMode.READ);
    const [begin, end] = new BigInt64Array(this.readable.getMappedRange());
    this.readable.unmap();
    return [begin!, end!];
  }

  destroy(): void {
    this.querySet.destroy();
    this.resolved.destroy();
    this.readable.destroy();
  }
}

export interface TimestampTrust {
  /** Smallest nonzero pass duration seen, in ns: an upper bound on the timer's step. */
  smallestStepNs: number;
  /** Share of tiny passes whose duration read zero or negative. */
  zeroOrNegativeShare: number;
  passes: number;
}

const probePasses = 200; // enough tiny passes to see the step; takes well under a second on software GPUs

/** Times many one-workgroup noop passes to see how fine the timestamps are and whether they go backwards. */
export async function probeTimestamps(device: GPUDevice, noop: GPUComputePipeline, passes = probePasses): Promise<TimestampTrust> {
  const timer = new PassTimer(device);
  let smallestStepNs = Infinity;
  let zeroOrNegative = 0;
  try {
    for (let pass = 0; pass < passes; pass++) {
      const encoder = device.createCommandEncoder();
      const computePass = encoder.beginComputePass({ timestampWrites: timer.timestampWrites });
      computePass.setPipeline(noop);
      computePass.dispatchWorkgroups(1);
      computePass.end();
      timer.resolve(encoder);
      device.queue.submit([encoder.finish()]);
      const ns = (await timer.read()) * 1e6;
      if (ns <= 0) zeroOrNegative++;
      else smallestStepNs = Math.min(smallestStepNs, ns);
    }
  } finally {
    timer.destroy();
  }
  return { smallestStepNs, zeroOrNegativeShare: zeroOrNegative / passes, passes };
}

const maxBrokenShare = 0.1; // more zero or negative readings than this and the kernel phase falls back to wall clock

/** Whether a probe's timestamps can time kernels: nonzero, ordered readings almost always. */
export function isTrustworthy(trust: TimestampTrust): boolean {
  return trust.zeroOrNegativeShare <= maxBrokenShare && Number.isFinite(trust.smallestStepNs);
}
