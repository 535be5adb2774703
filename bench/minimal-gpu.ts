// The least code that does gpu's work (writeBuffer, dispatch, copy, mapAsync, copy out) with no abstraction:
// run beside `gpu`, it turns the harness's own overhead into a measured ratio. It waits the way plain code does
// (a bare await), so Dawn's busy polling is part of its cost. Cakes up to one storage binding only (2^25 slices
// on lavapipe); larger ones fail with the device's own validation message.
import { bitsOf, newCake, type Cake } from '../src/eat.ts';
import { codeOf, frames, kernelFor } from '../src/gpu/shaders.ts';
import type { Host } from '../src/host.ts';
import type { EatOptions, Phases, Strategy, StrategyEntry } from '../src/strategy.ts';

class MinimalGpu implements Strategy {
  readonly name = 'minimal-gpu';
  readonly clock = 'performance.now (wall, end to end)';
  private device!: GPUDevice;
  private pipeline!: GPUComputePipeline;
  private bindGroup!: GPUBindGroup;
  private cakeBuffer!: GPUBuffer;
  private eatenBuffer!: GPUBuffer;
  private readBuffer!: GPUBuffer;
  private cake: Cake = new Uint32Array(0);
  private eatenCake: Cake = new Uint32Array(0);
  private grid: [number, number] = [0, 0];

  constructor(private readonly host: Host) {}

  async prepare(cake: Cake, { eat, rounds }: EatOptions) {
    const adapter = (await this.host.gpu!.requestAdapter())!;
    this.device = await adapter.requestDevice({ requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize, maxBufferSize: adapter.limits.maxBufferSize } });
    const kernel = kernelFor(frames.eat, eat);
    const module = this.device.createShaderModule({ code: codeOf(kernel) });
    this.pipeline = this.device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: kernel.entryPoint } });
    const size = cake.byteLength;
    this.cakeBuffer = this.device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
    this.eatenBuffer = this.device.createBuffer({ size, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC });
    const meal = this.device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    this.device.queue.writeBuffer(meal, 0, new Uint32Array([rounds, 0, 0, 0]));
    this.readBuffer = this.device.createBuffer({ size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    this.bindGroup = this.device.createBindGroup({
      layout: this.pipeline.getBindGroupLayout(0),
      entries: [this.cakeBuffer, this.eatenBuffer, meal].map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    this.cake = cake;
    this.eatenCake = newCake(eat.element, cake.length);
    const workgroups = Math.ceil(cake.length / 64); // eat.wgsl's default workgroupSize
    const x = Math.min(workgroups, 65535); // then rows of y, as eat.wgsl indexes them
    this.grid = [x, Math.ceil(workgroups / x)];
    return [];
  }

  async eat(): Promise<Phases> {
    const startMs = performance.now();
    this.device.queue.writeBuffer(this.cakeBuffer, 0, this.cake);
    const encoder = this.device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(this.pipeline);
    pass.setBindGroup(0, this.bindGroup);
    pass.dispatchWorkgroups(...this.grid);
    pass.end();
    encoder.copyBufferToBuffer(this.eatenBuffer, 0, this.readBuffer, 0, this.cake.byteLength);
    this.device.queue.submit([encoder.finish()]);
    await this.readBuffer.mapAsync(GPUMapMode.READ);
    bitsOf(this.eatenCake).set(new Uint32Array(this.readBuffer.getMappedRange()));
    this.readBuffer.unmap();
    return { total: performance.now() - startMs };
  }

  eaten(): Cake {
    return this.eatenCake;
  }

  bytesCopied(): number {
    return 2 * this.cake.byteLength; // up to the device and back, like gpu
  }

  async dispose(): Promise<void> {
    this.device?.destroy();
  }
}

export const minimalGpu: StrategyEntry = {
  name: 'minimal-gpu',
  summary: 'the least WebGPU code for the same work (no harness, plain await): the baseline gpu is compared with',
  family: 'gpu',
  colour: '#000075', // navy: the plainest of the GPU blues
  unavailable: (host) => (host.gpu ? undefined : (host.gpuMissing ?? 'this host has no WebGPU.')),
  create: (host) => new MinimalGpu(host),
};
