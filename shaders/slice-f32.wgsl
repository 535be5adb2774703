// The slice type for f32 eat functions: kernel frames say Slice, and src/gpu/shaders.ts puts this file beside them.
alias Slice = f32;
