// The page's editor for an eat function of your own: the JS twin and the WGSL twin side by side (CodeMirror 6),
// "Use this eat function" to build, check and compile them (src/web/eat-module.ts), a compile error marked at its
// line in the WGSL pane's gutter and named in words below. What is wrong is shown here, never thrown.
import { javascript } from '@codemirror/lang-javascript';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { wgsl } from '@iizukak/codemirror-lang-wgsl';
import { basicSetup, EditorView } from 'codemirror';
import exampleTwin from '../../examples/page-eat/twin.js?raw';
import exampleWgsl from '../../examples/page-eat/eat.wgsl?raw';
import { comparisonOf, type Eat } from '../eat.ts';
import type { Host } from '../host.ts';
import { buildEat, wgslPaneName, type WgslError } from './eat-module.ts';

export interface EatEditor {
  /** The eat function last built from the panes without a fault; undefined before that, and after a failed Use. */
  readonly eat: Eat | undefined;
}

const editedNote = ' Edited since: the eat function in use is the one last used; press Use to eat the edits.';
const element = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) => Object.assign(document.createElement(tag), props);

/** Builds the editor into `section`; `onUse` hears each Use's outcome (the eat function, or undefined). */
export function eatEditor(section: HTMLElement, host: Host, onUse: (eat: Eat | undefined) => void): EatEditor {
  const pane = (title: string, id: string, doc: string, language: ReturnType<typeof javascript>) => {
    const box = element('div', { id, className: 'eat-pane' });
    box.append(element('h3', { textContent: title }));
    const edited = EditorView.updateListener.of((update) => {
      if (update.docChanged && current && !verdict.textContent!.endsWith(editedNote)) verdict.textContent += editedNote;
    });
    const view = new EditorView({ doc, extensions: [basicSetup, EditorView.lineWrapping, language, lintGutter(), edited], parent: box });
    return { box, view };
  };
  const twin = pane('JS twin: a module exporting name, element, cpu (f32: tolerance)', 'eat-twin', exampleTwin, javascript());
  const shader = pane(`WGSL twin: fn eat(x, rounds), the wgsl field (${wgslPaneName})`, 'eat-wgsl', exampleWgsl, wgsl());
  const panes = element('div', { className: 'eat-panes' });
  panes.append(twin.box, shader.box);
  const use = element('button', { id: 'eat-use', type: 'button', textContent: 'Use this eat function' });
  const verdict = element('p', { id: 'eat-verdict', role: 'status', textContent: 'Not in use yet: press "Use this eat function" to check it and compile its WGSL here.' });
  const wgslErrors = element('ul', { id: 'eat-wgsl-errors' });
  section.append(panes, use, verdict, wgslErrors);

  let current: Eat | undefined;
  const show = (words: string, errors: WgslError[], isOk: boolean) => {
    verdict.textContent = words;
    verdict.className = isOk ? 'ok' : 'fault';
    wgslErrors.replaceChildren(...errors.map((error) => element('li', { textContent: `${wgslPaneName} line ${error.line}, column ${error.column}: ${error.message}` })));
    wgslErrors.querySelectorAll('li').forEach((item, index) => (item.dataset.line = String(errors[index]!.line)));
    shader.view.dispatch(setDiagnostics(shader.view.state, errors.map((error) => diagnosticAt(shader.view, error))));
  };
  use.onclick = async () => {
    use.disabled = true;
    verdict.textContent = 'Checking the JS twin and compiling the WGSL on this page\'s GPU...';
    try {
      const built = await buildEat(twin.view.state.doc.toString(), shader.view.state.doc.toString(), host);
      current = 'eat' in built ? built.eat : undefined;
      if ('eat' in built) show(inUse(built.eat, host), [], true);
      else show(`Not in use: ${built.error}`, built.wgslErrors, false);
    } catch (error) {
      current = undefined;
      show(`Not in use: ${error instanceof Error ? error.message : String(error)}`, [], false);
    } finally {
      use.disabled = false;
      onUse(current);
    }
  };
  return {
    get eat() {
      return current;
    },
  };
}

function inUse(eat: Eat, host: Host): string {
  const compiled = host.gpu ? 'its WGSL compiled on this page\'s GPU' : 'its WGSL not compiled (this page has no WebGPU, so no gpu strategy will eat it)';
  return `In use: ${eat.name} (${eat.element}, ${comparisonOf(eat)}): its JS twin checked on a probe cake, ${compiled}. Eat, Sweep, Tune and the lessons eat it now.`;
}

/** A lint marker from the error's column to the end of its line (WGSL columns count from 1). */
function diagnosticAt(view: EditorView, error: WgslError): Diagnostic {
  const line = view.state.doc.line(Math.min(Math.max(error.line, 1), view.state.doc.lines));
  const from = Math.min(line.from + Math.max(error.column - 1, 0), line.to);
  return { from, to: Math.max(line.to, from), severity: 'error', message: `line ${error.line}, column ${error.column}: ${error.message}` };
}
