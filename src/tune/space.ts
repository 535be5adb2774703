// The tuning space of the eat kernel's shape, built from an adapter's limits: every combination of the shapes'
// axes (src/gpu/shapes.ts), legal or not. Illegal shapes are results with a reason, never crashes.

import { grids, layouts, loads, slicesPerInvocationChoices, whyIllegal, workgroupSizesFor, type Grid, type Layout, type Load, type Shape, type ShapeLimits } from '../gpu/shapes.ts';

/** Axis values of the space, in order; every shape is one value from each axis. */
export interface ShapeAxes {
  workgroupSize: number[];
  slicesPerInvocation: number[];
  layout: Layout[];
  load: Load[];
  grid: Grid[];
}

export const axisNames = ['workgroupSize', 'slicesPerInvocation', 'layout', 'load', 'grid'] as const;

export interface ShapeSpace {
  axes: ShapeAxes;
  /** Every combination of axis values, legal or not, in axis order. */
  all: Shape[];
  legal: Shape[];
  illegal: { shape: Shape; reason: string }[];
}

/**
 * The space for a cake of `slices` slices on a device with `limits`; `workgroupSizes` narrows that axis (sizes
 * over the limits stay in the space, as illegal shapes with their reason).
 */
export function buildSpace(limits: ShapeLimits, slices: number, workgroupSizes = workgroupSizesFor(limits)): ShapeSpace {
  const axes: ShapeAxes = {
    workgroupSize: [...workgroupSizes].sort((a, b) => a - b),
    slicesPerInvocation: [...slicesPerInvocationChoices],
    layout: [...layouts],
    load: [...loads],
    grid: [...grids],
  };
  const all: Shape[] = [];
  for (const workgroupSize of axes.workgroupSize)
    for (const slicesPerInvocation of axes.slicesPerInvocation)
      for (const layout of axes.layout)
        for (const load of axes.load) for (const grid of axes.grid) all.push({ workgroupSize, slicesPerInvocation, layout, load, grid });
  const legal: Shape[] = [];
  const illegal: ShapeSpace['illegal'] = [];
  for (const shape of all) {
    const reason = whyIllegal(shape, slices, limits);
    if (reason) illegal.push({ shape, reason });
    else legal.push(shape);
  }
  return { axes, all, legal, illegal };
}
