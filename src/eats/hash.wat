;; WebAssembly SIMD twin of the hash eat function (src/eats/hash.ts, shaders/eats/hash.wgsl): the same lowbias32 steps in the same order,
;; four slices per i32x4 instruction. scripts/vite-wat-plugin.ts compiles this text at build time.
;;
;; A slice is a u32 at a byte address; every function eats slices in place. One round is
;;   h ^= h >>> 16; h = imul(h, 0x7feb352d); h ^= h >>> 15; h = imul(h, 0x846ca68b); h ^= h >>> 16
;; and i32x4.mul wraps mod 2^32 like Math.imul and WGSL's u32, so all three twins agree bit for bit.
;;
;; Why several eatX functions: one vector's round is a chain of 8 dependent instructions, so a single
;; vector leaves the core waiting on each multiply's latency. Eating several independent vectors per step
;; keeps the vector multiplier busy, and adding scalar slices beside them keeps the scalar multiplier busy
;; too (measured by bench/simd-interleave.ts). eatSlices uses the best step and finishes the tail with the
;; smaller ones. Each eatX eats whole steps from `at` while a step fits before `end`, and returns where it
;; stopped. Preconditions: rounds >= 1; at and end are multiples of 4; end < 2^31 (no address wraps).
(module
  ;; The cake. ?shared-bytes builds a copy of this module whose memory is shared, for pool-simd's friends.
  (import "cake" "memory" (memory 1 65536))

  ;; Eats the slices in [fromByte, toByte) in place: 20 slices per step, then 4, then the last 0..3 alone.
  (func (export "eatSlices") (param $fromByte i32) (param $toByte i32) (param $rounds i32)
    (local $at i32)
    (local.set $at (call $eatVectors4Scalars4 (local.get $fromByte) (local.get $toByte) (local.get $rounds)))
    (local.set $at (call $eatVectors1 (local.get $at) (local.get $toByte) (local.get $rounds)))
    (drop (call $eatScalars1 (local.get $at) (local.get $toByte) (local.get $rounds))))

  ;; One slice per step: the scalar round, as in src/eats/hash.ts.
  (func $eatScalars1 (export "eatScalars1") (param $at i32) (param $end i32) (param $rounds i32) (result i32)
    (local $round i32) (local $p i32)
    (block $eaten
      (loop $nextStep
        (br_if $eaten (i32.gt_u (i32.add (local.get $at) (i32.const 4)) (local.get $end)))
        (local.set $p (i32.load (local.get $at)))
        (local.set $round (local.get $rounds))
        (loop $nextRound
          (local.set $p (i32.xor (local.get $p) (i32.shr_u (local.get $p) (i32.const 16))))
          (local.set $p (i32.mul (local.get $p) (i32.const 0x7feb352d)))
          (local.set $p (i32.xor (local.get $p) (i32.shr_u (local.get $p) (i32.const 15))))
          (local.set $p (i32.mul (local.get $p) (i32.const 0x846ca68b)))
          (local.set $p (i32.xor (local.get $p) (i32.shr_u (local.get $p) (i32.const 16))))
          (br_if $nextRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))
        (i32.store (local.get $at) (local.get $p))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $nextStep)))
    (local.get $at))

  ;; One vector (4 slices) per step: each instruction waits for the one before it.
  (func $eatVectors1 (export "eatVectors1") (param $at i32) (param $end i32) (param $rounds i32) (result i32)
    (local $round i32) (local $a v128) (local $mix1 v128) (local $mix2 v128)
    (local.set $mix1 (i32x4.splat (i32.const 0x7feb352d)))
    (local.set $mix2 (i32x4.splat (i32.const 0x846ca68b)))
    (block $eaten
      (loop $nextStep
        (br_if $eaten (i32.gt_u (i32.add (local.get $at) (i32.const 16)) (local.get $end)))
        (local.set $a (v128.load (local.get $at)))
        (local.set $round (local.get $rounds))
        (loop $nextRound
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix1)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 15))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix2)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (br_if $nextRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))
        (v128.store (local.get $at) (local.get $a))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $nextStep)))
    (local.get $at))

  ;; Two independent vectors (8 slices) per step.
  (func $eatVectors2 (export "eatVectors2") (param $at i32) (param $end i32) (param $rounds i32) (result i32)
    (local $round i32) (local $a v128) (local $b v128) (local $mix1 v128) (local $mix2 v128)
    (local.set $mix1 (i32x4.splat (i32.const 0x7feb352d)))
    (local.set $mix2 (i32x4.splat (i32.const 0x846ca68b)))
    (block $eaten
      (loop $nextStep
        (br_if $eaten (i32.gt_u (i32.add (local.get $at) (i32.const 32)) (local.get $end)))
        (local.set $a (v128.load offset=0 (local.get $at)))
        (local.set $b (v128.load offset=16 (local.get $at)))
        (local.set $round (local.get $rounds))
        (loop $nextRound
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 16))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix1)))
          (local.set $b (i32x4.mul (local.get $b) (local.get $mix1)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 15))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 15))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix2)))
          (local.set $b (i32x4.mul (local.get $b) (local.get $mix2)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 16))))
          (br_if $nextRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))
        (v128.store offset=0 (local.get $at) (local.get $a))
        (v128.store offset=16 (local.get $at) (local.get $b))
        (local.set $at (i32.add (local.get $at) (i32.const 32)))
        (br $nextStep)))
    (local.get $at))

  ;; Four independent vectors (16 slices) per step: enough to cover the multiply's latency.
  (func $eatVectors4 (export "eatVectors4") (param $at i32) (param $end i32) (param $rounds i32) (result i32)
    (local $round i32) (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $mix1 v128) (local $mix2 v128)
    (local.set $mix1 (i32x4.splat (i32.const 0x7feb352d)))
    (local.set $mix2 (i32x4.splat (i32.const 0x846ca68b)))
    (block $eaten
      (loop $nextStep
        (br_if $eaten (i32.gt_u (i32.add (local.get $at) (i32.const 64)) (local.get $end)))
        (local.set $a (v128.load offset=0 (local.get $at)))
        (local.set $b (v128.load offset=16 (local.get $at)))
        (local.set $c (v128.load offset=32 (local.get $at)))
        (local.set $d (v128.load offset=48 (local.get $at)))
        (local.set $round (local.get $rounds))
        (loop $nextRound
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 16))))
          (local.set $c (v128.xor (local.get $c) (i32x4.shr_u (local.get $c) (i32.const 16))))
          (local.set $d (v128.xor (local.get $d) (i32x4.shr_u (local.get $d) (i32.const 16))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix1)))
          (local.set $b (i32x4.mul (local.get $b) (local.get $mix1)))
          (local.set $c (i32x4.mul (local.get $c) (local.get $mix1)))
          (local.set $d (i32x4.mul (local.get $d) (local.get $mix1)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 15))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 15))))
          (local.set $c (v128.xor (local.get $c) (i32x4.shr_u (local.get $c) (i32.const 15))))
          (local.set $d (v128.xor (local.get $d) (i32x4.shr_u (local.get $d) (i32.const 15))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix2)))
          (local.set $b (i32x4.mul (local.get $b) (local.get $mix2)))
          (local.set $c (i32x4.mul (local.get $c) (local.get $mix2)))
          (local.set $d (i32x4.mul (local.get $d) (local.get $mix2)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 16))))
          (local.set $c (v128.xor (local.get $c) (i32x4.shr_u (local.get $c) (i32.const 16))))
          (local.set $d (v128.xor (local.get $d) (i32x4.shr_u (local.get $d) (i32.const 16))))
          (br_if $nextRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))
        (v128.store offset=0 (local.get $at) (local.get $a))
        (v128.store offset=16 (local.get $at) (local.get $b))
        (v128.store offset=32 (local.get $at) (local.get $c))
        (v128.store offset=48 (local.get $at) (local.get $d))
        (local.set $at (i32.add (local.get $at) (i32.const 64)))
        (br $nextStep)))
    (local.get $at))

  ;; Four vectors and four scalar slices (20 slices) per step. The vector multiplier is the bottleneck of
  ;; eatVectors4; the scalar slices run on the integer multiplier beside it, which would otherwise idle.
  (func $eatVectors4Scalars4 (export "eatVectors4Scalars4") (param $at i32) (param $end i32) (param $rounds i32) (result i32)
    (local $round i32) (local $a v128) (local $b v128) (local $c v128) (local $d v128)
    (local $p i32) (local $q i32) (local $r i32) (local $s i32)
    (local $mix1 v128) (local $mix2 v128)
    (local.set $mix1 (i32x4.splat (i32.const 0x7feb352d)))
    (local.set $mix2 (i32x4.splat (i32.const 0x846ca68b)))
    (block $eaten
      (loop $nextStep
        (br_if $eaten (i32.gt_u (i32.add (local.get $at) (i32.const 80)) (local.get $end)))
        (local.set $a (v128.load offset=0 (local.get $at)))
        (local.set $b (v128.load offset=16 (local.get $at)))
        (local.set $c (v128.load offset=32 (local.get $at)))
        (local.set $d (v128.load offset=48 (local.get $at)))
        (local.set $p (i32.load offset=64 (local.get $at)))
        (local.set $q (i32.load offset=68 (local.get $at)))
        (local.set $r (i32.load offset=72 (local.get $at)))
        (local.set $s (i32.load offset=76 (local.get $at)))
        (local.set $round (local.get $rounds))
        (loop $nextRound
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 16))))
          (local.set $c (v128.xor (local.get $c) (i32x4.shr_u (local.get $c) (i32.const 16))))
          (local.set $d (v128.xor (local.get $d) (i32x4.shr_u (local.get $d) (i32.const 16))))
          (local.set $p (i32.xor (local.get $p) (i32.shr_u (local.get $p) (i32.const 16))))
          (local.set $q (i32.xor (local.get $q) (i32.shr_u (local.get $q) (i32.const 16))))
          (local.set $r (i32.xor (local.get $r) (i32.shr_u (local.get $r) (i32.const 16))))
          (local.set $s (i32.xor (local.get $s) (i32.shr_u (local.get $s) (i32.const 16))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix1)))
          (local.set $b (i32x4.mul (local.get $b) (local.get $mix1)))
          (local.set $c (i32x4.mul (local.get $c) (local.get $mix1)))
          (local.set $d (i32x4.mul (local.get $d) (local.get $mix1)))
          (local.set $p (i32.mul (local.get $p) (i32.const 0x7feb352d)))
          (local.set $q (i32.mul (local.get $q) (i32.const 0x7feb352d)))
          (local.set $r (i32.mul (local.get $r) (i32.const 0x7feb352d)))
          (local.set $s (i32.mul (local.get $s) (i32.const 0x7feb352d)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 15))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 15))))
          (local.set $c (v128.xor (local.get $c) (i32x4.shr_u (local.get $c) (i32.const 15))))
          (local.set $d (v128.xor (local.get $d) (i32x4.shr_u (local.get $d) (i32.const 15))))
          (local.set $p (i32.xor (local.get $p) (i32.shr_u (local.get $p) (i32.const 15))))
          (local.set $q (i32.xor (local.get $q) (i32.shr_u (local.get $q) (i32.const 15))))
          (local.set $r (i32.xor (local.get $r) (i32.shr_u (local.get $r) (i32.const 15))))
          (local.set $s (i32.xor (local.get $s) (i32.shr_u (local.get $s) (i32.const 15))))
          (local.set $a (i32x4.mul (local.get $a) (local.get $mix2)))
          (local.set $b (i32x4.mul (local.get $b) (local.get $mix2)))
          (local.set $c (i32x4.mul (local.get $c) (local.get $mix2)))
          (local.set $d (i32x4.mul (local.get $d) (local.get $mix2)))
          (local.set $p (i32.mul (local.get $p) (i32.const 0x846ca68b)))
          (local.set $q (i32.mul (local.get $q) (i32.const 0x846ca68b)))
          (local.set $r (i32.mul (local.get $r) (i32.const 0x846ca68b)))
          (local.set $s (i32.mul (local.get $s) (i32.const 0x846ca68b)))
          (local.set $a (v128.xor (local.get $a) (i32x4.shr_u (local.get $a) (i32.const 16))))
          (local.set $b (v128.xor (local.get $b) (i32x4.shr_u (local.get $b) (i32.const 16))))
          (local.set $c (v128.xor (local.get $c) (i32x4.shr_u (local.get $c) (i32.const 16))))
          (local.set $d (v128.xor (local.get $d) (i32x4.shr_u (local.get $d) (i32.const 16))))
          (local.set $p (i32.xor (local.get $p) (i32.shr_u (local.get $p) (i32.const 16))))
          (local.set $q (i32.xor (local.get $q) (i32.shr_u (local.get $q) (i32.const 16))))
          (local.set $r (i32.xor (local.get $r) (i32.shr_u (local.get $r) (i32.const 16))))
          (local.set $s (i32.xor (local.get $s) (i32.shr_u (local.get $s) (i32.const 16))))
          (br_if $nextRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))
        (v128.store offset=0 (local.get $at) (local.get $a))
        (v128.store offset=16 (local.get $at) (local.get $b))
        (v128.store offset=32 (local.get $at) (local.get $c))
        (v128.store offset=48 (local.get $at) (local.get $d))
        (i32.store offset=64 (local.get $at) (local.get $p))
        (i32.store offset=68 (local.get $at) (local.get $q))
        (i32.store offset=72 (local.get $at) (local.get $r))
        (i32.store offset=76 (local.get $at) (local.get $s))
        (local.set $at (i32.add (local.get $at) (i32.const 80)))
        (br $nextStep)))
    (local.get $at))
)
