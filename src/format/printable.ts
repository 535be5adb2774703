// Text from a file we were handed (a baseline's strategy names, a tune cache's adapter) is printed to a terminal:
// escape sequences in it could clear the screen, retitle the window or hide lines. They are removed, and any
// other control character is shown as its code, so what is printed is what the file holds, made visible.

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ESC \), and other two-character escapes (ESC + one character)
const escapeSequence = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|\u001b[\s\S]?/g;
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/g;

/** `text` without terminal escape sequences, its other control characters written as \u001b-style codes. */
export function printable(text: string): string {
  return text.replace(escapeSequence, '').replace(controlCharacter, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
