;; WebAssembly SIMD twin of the stream eat function (src/eats/stream.ts, shaders/eats/stream.wgsl): one multiply
;; per slice and round, four slices per i32x4.mul; i32x4.mul wraps mod 2^32 like Math.imul and WGSL's u32.
;; Exports eatSlices(fromByte, toByte, rounds), the ABI of src/simd/kernel.ts: eats [fromByte, toByte) in place.
;; Preconditions: rounds >= 1; fromByte and toByte are multiples of 4; toByte < 2^31.
(module
  (import "cake" "memory" (memory 1 65536))

  (func (export "eatSlices") (param $fromByte i32) (param $toByte i32) (param $rounds i32)
    (local $at i32) (local $round i32) (local $v v128) (local $s i32)
    (local.set $at (local.get $fromByte))
    ;; whole vectors: four slices at a time
    (block $vectorsEaten
      (loop $nextVector
        (br_if $vectorsEaten (i32.gt_u (i32.add (local.get $at) (i32.const 16)) (local.get $toByte)))
        (local.set $v (v128.load (local.get $at)))
        (local.set $round (local.get $rounds))
        (loop $nextRound
          (local.set $v (i32x4.mul (local.get $v) (i32x4.splat (i32.const 3))))
          (br_if $nextRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))
        (v128.store (local.get $at) (local.get $v))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $nextVector)))
    ;; the last 0..3 slices alone
    (block $scalarsEaten
      (loop $nextScalar
        (br_if $scalarsEaten (i32.ge_u (local.get $at) (local.get $toByte)))
        (local.set $s (i32.load (local.get $at)))
        (local.set $round (local.get $rounds))
        (loop $nextRound
          (local.set $s (i32.mul (local.get $s) (i32.const 3)))
          (br_if $nextRound (local.tee $round (i32.sub (local.get $round) (i32.const 1)))))
        (i32.store (local.get $at) (local.get $s))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br $nextScalar))))
)
