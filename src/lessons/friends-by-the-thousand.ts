// Lesson: the GPU invites friends by the thousand (workgroups), and moving the cake to them has a price.
import { kernelClockOf } from '../gpu/kernel-clock.ts';
import { measureStrategy, duration, type Lesson } from './lesson.ts';

const slices = 2 ** 20;
const rounds = 64; // medium: enough eating for the GPU's thousands of friends to matter
const workgroupSize = 64;

export const friendsByTheThousand: Lesson = {
  claim: 'Friends by the thousand: the GPU eats in workgroups',
  async run(context) {
    if (!context.host.gpu) {
      return { lines: [`No GPU lesson on this machine: ${context.host.gpuMissing ?? 'no WebGPU.'}`], verified: 'nothing measured, so nothing claimed' };
    }
    const loop = await measureStrategy(context, 'loop', slices, rounds);
    const friends = await measureStrategy(context, 'pool-shared', slices, rounds);
    const gpu = await measureStrategy(context, 'gpu', slices, rounds);
    const resident = await measureStrategy(context, 'gpu-resident', slices, rounds);
    const moveMs = (gpu.phasesMs.upload ?? 0) + (gpu.phasesMs.readback ?? 0) + (gpu.phasesMs['copy-out'] ?? 0);
    return {
      lines: [
        `${slices} slices, ${rounds} rounds: the loop ${duration(loop.medianMs)}, ${friends.settings.poolSize} friends ${duration(friends.medianMs)}.`,
        `The GPU (${gpu.settings.adapter}) sends ${Math.ceil(slices / workgroupSize)} workgroups of ${workgroupSize} friends: ` +
          `${duration(gpu.medianMs)} with the cake's trip there and back (${duration(moveMs)} of it moving data; ` +
          `the kernel itself ${duration(gpu.phasesMs.kernel ?? NaN)} on the ${kernelClockOf(gpu) === 'timestamp-query' ? "GPU's timestamp-query" : 'wall'} clock), ` +
          `${duration(resident.medianMs)} when the cake already lives on the GPU: ${(loop.medianMs / gpu.medianMs).toFixed(1)}x and ${(loop.medianMs / resident.medianMs).toFixed(1)}x the loop.`,
      ],
      verified: `both GPU cakes equal the CPU twin's slice for slice (checksum ${gpu.checksum})`,
    };
  },
};
