// The slice type for u32 eat functions: kernel frames say Slice, and src/gpu/shaders.ts puts this file beside them.
alias Slice = u32;
