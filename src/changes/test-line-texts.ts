/** Test helper: line texts for property tests, many of which look like patch syntax. */
import fc from 'fast-check';

/** Line texts that look like patch syntax, plus anything else without a newline. */
const TRICKY_TEXTS = [
  '',
  ' ',
  '-',
  '+',
  '--- a/x',
  '+++ b/x',
  '-- ',
  '@@ -1 +1 @@',
  '@@ -0,0 +1 @@ x',
  'diff --git a/x b/x',
  '\\ No newline at end of file',
  'Binary files a/x and b/x differ',
  'rename from x',
  'index 0000000..1111111',
  'crlf\r',
  '\t tab',
  'é ü 漢字 🙂',
  'x'.repeat(5000),
];
export const lineText = fc.oneof(
  fc.constantFrom(...TRICKY_TEXTS),
  fc.string({ maxLength: 40 }).map((text) => text.replace(/[\n\0]/g, '')),
);
