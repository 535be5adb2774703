// Parses --schedule: static, cyclic[:k], dynamic[:k], guided[:k], several separated by commas, each its own record.
import { UsageError, quoted } from '../src/measure/asked.ts';
import { scheduleKinds, scheduleName, type Schedule, type ScheduleKind } from '../src/pool/schedule.ts';

const example = '--schedule static,dynamic:1024';
const maxChunkSlices = 2 ** 32 - 1; // a chunk is at most a whole cake

function parseSchedule(text: string): Schedule {
  const [kind, k, extra] = text.trim().split(':');
  if (!scheduleKinds.includes(kind as ScheduleKind) || extra !== undefined) {
    throw new UsageError(`--schedule: ${quoted(text)} is not a schedule; use ${scheduleKinds.join(', ')}, the last three optionally with :k slices per chunk (guided: the smallest chunk). Example: ${example}`);
  }
  if (k === undefined) return { kind: kind as ScheduleKind };
  const chunkSlices = Number(k);
  if (kind === 'static') throw new UsageError(`--schedule: ${quoted(text)}: static deals one equal block per friend and takes no :k; use cyclic:${k} for blocks of ${k} dealt round robin. Example: ${example}`);
  if (!/^\d+$/.test(k) || chunkSlices < 1 || chunkSlices > maxChunkSlices) {
    throw new UsageError(`--schedule: ${quoted(text)}: k must be an integer 1..2^32 - 1 slices per chunk. Example: ${example}`);
  }
  return { kind: kind as ScheduleKind, chunkSlices };
}

/** The schedules asked for, each once (static and static, or dynamic:8 twice, would be one record twice). */
export function parseSchedules(text: string): Schedule[] {
  const schedules = text.split(',').map(parseSchedule);
  const names = schedules.map(scheduleName);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new UsageError(`--schedule: ${quoted(repeated)} is listed twice; list each once. Example: ${example}`);
  return schedules;
}
