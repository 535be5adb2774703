// Schedules: how a pool deals its cake's chunks to friends (OpenMP's schedule clause, in the cake's words).
// static: one equal block per friend (today's pools). cyclic: blocks of k slices dealt round robin. dynamic: blocks
// of k slices, each taken by whichever friend is free next. guided: taken like dynamic, but each chunk is a share
// of what is left, so chunks shrink as the cake is eaten (to at least k slices).
import { cut } from './chunks.ts';

export type ScheduleKind = 'static' | 'cyclic' | 'dynamic' | 'guided';
export const scheduleKinds: readonly ScheduleKind[] = ['static', 'cyclic', 'dynamic', 'guided'];

export interface Schedule {
  kind: ScheduleKind;
  /** cyclic and dynamic: slices per chunk; guided: the smallest chunk. Absent: chosen from n (chunkSlicesOf). */
  chunkSlices?: number;
}

export const staticSchedule: Schedule = { kind: 'static' };

/** Chunks per friend when no k is given: enough to even out lumps, few enough that a message per chunk is cheap. */
const defaultChunksPerFriend = 16;
/** guided: each chunk is what is left / (this x friends), so the last friends to finish wait for small chunks. */
const guidedShare = 2;

/** As records and tables name it: 'static', 'dynamic', 'dynamic:64' (k only where the user gave one). */
export function scheduleName(schedule: Schedule): string {
  return schedule.chunkSlices === undefined ? schedule.kind : `${schedule.kind}:${schedule.chunkSlices}`;
}

/** The k a schedule uses on a cake of `slices` eaten by `friends`. */
export function chunkSlicesOf(schedule: Schedule, slices: number, friends: number): number {
  if (schedule.chunkSlices !== undefined) return schedule.chunkSlices;
  const perFriend = schedule.kind === 'guided' ? defaultChunksPerFriend * 4 : defaultChunksPerFriend;
  return Math.max(1, Math.ceil(slices / (friends * perFriend)));
}

/**
 * A schedule made concrete for one cake: chunk j is slices [bounds[j], bounds[j+1]). Owned deals (static, cyclic)
 * give chunk j to friend j % friends; taken deals (dynamic, guided) give each chunk to the first friend to ask.
 */
export interface Deal {
  bounds: Uint32Array;
  isTaken: boolean;
}

export function chunkCount(deal: Deal): number {
  return deal.bounds.length - 1;
}

/** Deals `slices` slices to `friends` friends by `schedule`; `memory` picks a SharedArrayBuffer for shared pools. */
export function dealOf(schedule: Schedule, slices: number, friends: number, isShared = false): Deal {
  const starts = startsOf(schedule, slices, friends);
  const bounds = new Uint32Array(isShared ? new SharedArrayBuffer((starts.length + 1) * 4) : new ArrayBuffer((starts.length + 1) * 4));
  bounds.set(starts);
  bounds[starts.length] = slices;
  return { bounds, isTaken: schedule.kind === 'dynamic' || schedule.kind === 'guided' };
}

function startsOf(schedule: Schedule, slices: number, friends: number): number[] {
  if (schedule.kind === 'static') return cut(slices, friends).map((chunk) => chunk.from);
  const k = chunkSlicesOf(schedule, slices, friends);
  const starts: number[] = [];
  for (let from = 0; from < slices; ) {
    starts.push(from);
    const left = slices - from;
    from += schedule.kind === 'guided' ? Math.max(k, Math.ceil(left / (guidedShare * friends))) : k;
  }
  return starts;
}

/** The chunks an owned deal gives friend `friend`: j = friend, friend + friends, ... (static: one at most). */
export function ownedChunks(deal: Deal, friend: number, friends: number): number[] {
  const owned: number[] = [];
  for (let chunk = friend; chunk < chunkCount(deal); chunk += friends) owned.push(chunk);
  return owned;
}
