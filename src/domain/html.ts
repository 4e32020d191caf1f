/**
 * HTML built with a tagged template that escapes every interpolated value, so escaping is the
 * default rather than a call to remember: `html\`<p>${name}</p>\`` is safe whatever `name` holds.
 * Trusted markup (another `html` fragment) is inserted as is; arrays are joined.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and quoted attribute values. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);

/** Markup that is already safe: the result of `html`, or `raw` for text the code itself wrote. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue =
  SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const render = (value: HtmlValue): string => {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
};

export const html = (strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml =>
  new SafeHtml(
    strings.reduce((out, text, index) => out + render(values[index - 1] ?? null) + text),
  );

/** Markup the code wrote itself (never data): inserted without escaping. */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the two line separators
 * become \u escapes, so no string in the data can close the element or open a comment.
 */
export const embedJson = (value: unknown): SafeHtml =>
  new SafeHtml(
    JSON.stringify(value).replace(
      /[<>&\u2028\u2029]/g,
      (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  );
