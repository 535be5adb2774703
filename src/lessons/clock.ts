// The clocks behind the lessons' numbers, named once at the top of each telling: a time means little without
// the clock that took it (and a browser's performance.now is coarsened on purpose).
import { hostClockResolutionMs } from '../measure/environment.ts';
import { duration } from './lesson.ts';

export function lessonsClock(): string {
  return `Clocks: every time is a median on the wall clock, performance.now (smallest step here ${duration(hostClockResolutionMs())}); ` +
    "a GPU kernel's own time is on the GPU's timestamp-query clock where the adapter's timestamps are trustworthy, else the wall clock.";
}
