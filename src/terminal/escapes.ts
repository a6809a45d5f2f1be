/** Recognising escape sequences in the styled rows drawn on the screen. */

/**
 * A new global pattern matching one escape sequence: CSI (group 1: its parameters, group 2: its final
 * byte), OSC/DCS/SOS/PM/APC strings ended by BEL or ST, and the other escapes.
 */
export function escapeSequences(): RegExp {
  // eslint-disable-next-line no-control-regex
  return /\u001b(?:\[([0-?]*)[ -/]*([@-~])|[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[ -/]*[0-~])/g;
}
