/**
 * A base64 value's text, when it decodes to printable text (a Kubernetes Secret's `data:` holds
 * its values so, often with the line break `echo` adds): a placeholder is recognised inside it.
 * Anything else is returned unchanged.
 */
const BASE64 = /^(?:[A-Za-z0-9+/]{4}){1,}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export const decodeBase64 = (value: string): string => {
  if (!BASE64.test(value)) return value;
  const text = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+(?:\r?\n)?$/.test(text) ? text : value;
};
