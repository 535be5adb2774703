// Moving the cake to the device and the eaten cake back: three upload routes and a reused readback.
import { bitsOf, type Cake } from '../eat.ts';
import { bytesPerSlice } from '../cake.ts';
import { cakeUsage, type EatKernel } from './eat-kernel.ts';
import type { Portion } from './portions.ts';

export type UploadRoute = 'writeBuffer' | 'mappedAtCreation' | 'staging';
export const uploadRoutes: readonly UploadRoute[] = ['writeBuffer', 'mappedAtCreation', 'staging'];

const sizeOf = ({ from, to }: Portion) => (to - from) * bytesPerSlice;

/** Puts a cake into a kernel's cake buffers by one route. Resolves once the device holds it. */
export class Uploader {
  /** MAP_WRITE | COPY_SRC buffers per portion, reused: creating them per upload cost more than the copy. */
  private staging: GPUBuffer[] = [];

  constructor(
    private readonly device: GPUDevice,
    readonly route: UploadRoute,
  ) {}

  /** Starts the upload; returns the work to await (the device holding the cake) and submits what it needs. */
  async upload(cake: Cake, kernel: EatKernel): Promise<void> {
    const { device } = this;
    switch (this.route) {
      case 'writeBuffer':
        kernel.portions.forEach(({ from, to }, portion) => device.queue.writeBuffer(kernel.cakeBuffers[portion]!, 0, cake, from, to - from));
        break;
      case 'mappedAtCreation': {
        const buffers = kernel.portions.map((portion) => {
          const buffer = device.createBuffer({ size: sizeOf(portion), usage: cakeUsage(), mappedAtCreation: true });
          new Uint32Array(buffer.getMappedRange()).set(bitsOf(cake).subarray(portion.from, portion.to));
          buffer.unmap();
          return buffer;
        });
        kernel.replaceCakeBuffers(buffers);
        break;
      }
      case 'staging': {
        if (this.staging.length === 0) {
          this.staging = kernel.portions.map((portion) => device.createBuffer({ size: sizeOf(portion), usage: GPUBufferUsage.MAP_WRITE | GPUBufferUsage.COPY_SRC }));
        }
        await Promise.all(this.staging.map((buffer) => buffer.mapAsync(GPUMapMode.WRITE)));
        const encoder = device.createCommandEncoder();
        kernel.portions.forEach((portion, index) => {
          const buffer = this.staging[index]!;
          new Uint32Array(buffer.getMappedRange()).set(bitsOf(cake).subarray(portion.from, portion.to));
          buffer.unmap();
          encoder.copyBufferToBuffer(buffer, 0, kernel.cakeBuffers[index]!, 0, sizeOf(portion));
        });
        device.queue.submit([encoder.finish()]);
        break;
      }
    }
  }

  destroy(): void {
    for (const buffer of this.staging) buffer.destroy();
  }
}

/** MAP_READ buffers per portion, reused across eatings. */
export class Readback {
  private readonly buffers: GPUBuffer[];

  constructor(
    device: GPUDevice,
    private readonly portions: Portion[],
  ) {
    this.buffers = portions.map((portion) => device.createBuffer({ size: sizeOf(portion), usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST }));
  }

  /** Encodes the copies of the eaten portions into the readback buffers. */
  encode(encoder: GPUCommandEncoder, eatenBuffers: GPUBuffer[]): void {
    this.portions.forEach((portion, index) => encoder.copyBufferToBuffer(eatenBuffers[index]!, 0, this.buffers[index]!, 0, sizeOf(portion)));
  }

  /** Resolves when every readback buffer is mapped (after the submitted copies ran). */
  map(): Promise<unknown> {
    return Promise.all(this.buffers.map((buffer) => buffer.mapAsync(GPUMapMode.READ)));
  }

  /** Copies the mapped slices out into `eaten` and unmaps. */
  copyOut(eaten: Cake): void {
    this.portions.forEach(({ from }, index) => {
      const buffer = this.buffers[index]!;
      bitsOf(eaten).set(new Uint32Array(buffer.getMappedRange()), from);
      buffer.unmap();
    });
  }

  destroy(): void {
    for (const buffer of this.buffers) buffer.destroy();
  }
}
