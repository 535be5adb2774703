// Reads a command's `--option value`, `--option=value` and `--flag` arguments, the same way for every `cake`
// command: unknown options, missing values, values on flags and repeats are one-line UsageErrors.
import { UsageError, quoted } from '../src/measure/asked.ts';

export interface OptionRules {
  /** 'bench', 'tune': names the command in the messages that are about the command line as a whole. */
  command: string;
  valueOptions: readonly string[];
  flagOptions: readonly string[];
  /** A whole example that works, for `option`: 'cake tune --n 2^20'. */
  example(option: string): string;
}

/** The options given, each once; a flag's value is 'yes'. */
export function readOptions(argv: string[], rules: OptionRules): Map<string, string> {
  const { command, valueOptions, flagOptions, example } = rules;
  const isOption = (text: string | undefined) => text !== undefined && (valueOptions.includes(text) || flagOptions.includes(text));
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const [option, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const isFlag = flagOptions.includes(option);
    if (!isOption(option)) {
      throw new UsageError(`${command}: unknown option ${quoted(argv[i])}. Options: ${[...valueOptions, ...flagOptions].join(', ')}. Example: ${example('')}`);
    }
    if (isFlag && inline !== undefined) throw new UsageError(`${command}: ${option} takes no value. Example: ${example(option)}`);
    const value = isFlag ? 'yes' : (inline ?? argv[++i]);
    // `--n --rounds heavy`: the next option is not the missing value
    if (value === undefined || value === '' || (inline === undefined && isOption(value))) throw new UsageError(`${command}: ${option} needs a value. Example: ${example(option)}`);
    // the last one winning would hide a typo in a long command line
    if (values.has(option)) throw new UsageError(`${option}: given twice${isFlag ? '' : ` (${quoted(values.get(option))} and ${quoted(value)})`}; give it once. Example: ${example(option)}`);
    values.set(option, value);
  }
  return values;
}
