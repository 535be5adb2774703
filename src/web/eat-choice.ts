// Which eat function the page eats: a built-in from the picker (or the address's ?eat=NAME), or "your own" from the
// editor once "Use this eat function" has checked and compiled it. Every run asks here at its start.
import type { Eat } from '../eat.ts';
import { defaultEat, eats, findEat } from '../eats/index.ts';
import type { Host } from '../host.ts';
import type { EatEditor } from './eat-editor.ts';

export const ownChoice = 'own';

export interface EatChoice {
  /** The eat function runs eat now; undefined while "your own" is picked but none is in use. */
  current(): Eat | undefined;
  /** Why nothing can eat (for the status line), when current() is undefined. */
  readonly whyNone: string;
}

/**
 * Fills `picker` with the built-ins (name, element, summary) and "your own", builds the editor into `editorSection`
 * (shown while "your own" is picked), and tells `onChange` whenever the page's eat function changes.
 */
export function eatChoice(picker: HTMLSelectElement, editorSection: HTMLElement, host: Host, asked: string | undefined, onChange: (eat: Eat | undefined) => void): EatChoice {
  for (const eat of eats) picker.add(new Option(`${eat.name} (${eat.element}): ${eat.summary}`, eat.name));
  picker.add(new Option('your own: write it in the editor below', ownChoice));
  picker.value = (asked && findEat(asked)?.name) || defaultEat.name;
  // The editor (CodeMirror: a large share of the page's code) loads the first time "your own" is picked.
  let editor: Promise<EatEditor> | undefined;
  let loaded: EatEditor | undefined;
  const current = () => (picker.value === ownChoice ? loaded?.eat : findEat(picker.value));
  picker.onchange = async () => {
    editorSection.hidden = picker.value !== ownChoice;
    if (picker.value === ownChoice) {
      editor ??= import('./eat-editor.ts').then(({ eatEditor }) => eatEditor(editorSection, host, () => onChange(current())));
      loaded = await editor;
    }
    onChange(current());
  };
  editorSection.hidden = true;
  return {
    current,
    whyNone: 'Your own eat function is not in use: fix what the editor names and press "Use this eat function" (or pick a built-in). Nothing was eaten.',
  };
}
