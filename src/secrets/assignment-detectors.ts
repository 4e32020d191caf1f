/**
 * Values assigned to a secret-named key, in the shapes teams write them: `key = "value"` in
 * Python, JS/TS, Ruby, C#, Java, Kotlin, Go (`var xToken string = …`, `:=`), PHP (`.=`),
 * Terraform and INI; `key: value` in YAML; `"key": "value"` in JSON; `KEY=value` in .env and
 * shell; Make's `?=`, `::=`; a call with the name then the value (`System.setProperty("X_TOKEN",
 * "…")`, `config.put("password", "…")`); a command-line flag (`--password=…`); an XML element
 * or a NuGet `<add key="…Password" value="…"/>`; and `Password=…;` in a connection string. A
 * value must also look random (`looksRandom`), except where the shape itself says it is a
 * password (a connection string, an XML password attribute), where only templates, placeholders
 * and well-known defaults are let through.
 */
import { decodeBase64 } from './decode-base64.js';
import { isPlaceholder } from './is-placeholder.js';
import { looksLikeUrlPassword, looksRandom } from './looks-random.js';
import { ASSIGN, SECRET_KEYWORDS, SECRET_NAME, SECRET_NAME_END } from './secret-name.js';
import type { SecretDetector } from './types.js';

/** Shorter random-looking values are too often identifiers or hashes of nothing secret. */
export const MIN_GENERIC_LENGTH = 12;

/** An unquoted value: up to a blank, a quote, a separator, a bracket or an escape (`\n`). */
const UNQUOTED = '[^\\s"\'`,;(){}\\[\\]<>\\\\&|]';
const QUOTED = '[^"\'`\\r\\n]';
/**
 * A quoted value up to the quote it opened with (group `quote`): it may hold the other quotes, as
 * bytes printed by Python do (`b'_5#y2L"F4Q8z'`).
 */
const IN_QUOTES = '(?:(?!\\k<quote>)[^\\r\\n])';

/**
 * `snake_case_words`, `camelCaseWords` (`withCredentials: defaultToConfig2`), or a version
 * (`jjwt-0.11.2`): code or text, not a credential.
 */
const IDENTIFIER =
  /^[a-z]+(?:_[a-z]+)+[0-9]{0,2}$|^[a-z]+(?:[A-Z][a-z]+)+[0-9]{0,2}$|[0-9]+\.[0-9]+\.[0-9]+/;

/**
 * `a.b.c` whose parts are words (letters, at most two digits at the end), perhaps private
 * (`this.#state.token`) or negated (`!!config.withCredentials`): a member access.
 */
const isMemberAccess = (value: string): boolean =>
  /^!{0,2}#?[A-Za-z_$]+[0-9]{0,2}(?:\.#?[A-Za-z_$]+[0-9]{0,2})+$/.test(value);

/** The words of a secret's name, whole: `Token`, `Credential`, `ApiKey`'s `Key`. */
const SECRET_NAME_WORD = /^(?:pass(?:word|phrase)?|secrets?|tokens?|keys?|credentials?|auth)$/i;

/**
 * `MsSqlTokenCredential`, `SecretManagerClient`: only words in camel case, one of them a word of
 * a secret's name. That names a type or a class (`credential: MsSqlTokenCredential;` in a
 * TypeScript interface); a passphrase of words (`CorrectHorseBatteryStaple`) names none.
 */
const namesASecretType = (value: string): boolean => {
  // A numbered copy of the name keeps it (`CancelToken$1`, `CancelToken_2`, `ECPrivateKey2`).
  const name = value.replace(/[$_]?[0-9]{1,2}$/, '');
  const words = name.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+/g);
  return (
    words !== null && words.join('') === name && words.some((word) => SECRET_NAME_WORD.test(word))
  );
};

/** A value that looks like a credential: random, not an identifier, template or placeholder. */
export const randomValue = (secret: string): boolean =>
  !IDENTIFIER.test(secret) &&
  !isMemberAccess(secret) &&
  !namesASecretType(secret) &&
  looksRandom(secret, MIN_GENERIC_LENGTH) &&
  !isPlaceholder(decodeBase64(secret));

/** A connection string's value: up to a separator, a blank or a quote; no call's `(`, `)` or `,`. */
const PAIR_VALUE = `[^;"'\\s(),]{4,256}`;
const connectionPassword = (secret: string): boolean =>
  looksLikeUrlPassword(secret) && !secret.startsWith('$');

const keywords = [...SECRET_KEYWORDS];

const detector = (
  pattern: string,
  accept: (secret: string) => boolean,
  spansLines = false,
): SecretDetector => ({
  kind: 'generic-secret',
  keywords,
  pattern: new RegExp(pattern, 'dgim'),
  accept,
  spansLines,
});

export const ASSIGNMENT_DETECTORS: readonly SecretDetector[] = [
  // name = "value", name: 'value', "name" => `value`, $name .= "value", var name string = "value"
  // and, in the same pass, NAME=value, name: value, --name=value (up to a blank, a quote or a
  // separator), in the group `bare`: taken whole (a lookahead gives nothing back), and never the
  // name of a function it calls (`password = decodeURIComponent(parsed.password)`)
  detector(
    `${SECRET_NAME_END}${ASSIGN}(?:(?:[@&]|[A-Za-z]{0,2}(?=["'\`]))?(?<quote>["'\`])(?<secret>${IN_QUOTES}{${MIN_GENERIC_LENGTH},4096}?)\\k<quote>|(?=(?<bare>${UNQUOTED}{${MIN_GENERIC_LENGTH},4096}))\\k<bare>(?!\\())`,
    randomValue,
  ),
  // #define NAME "value"
  detector(
    `#[ \\t]{0,4}define[ \\t]{1,8}[A-Za-z0-9_]{0,64}?${SECRET_NAME_END}[ \\t]{1,8}"(?<secret>${QUOTED}{${MIN_GENERIC_LENGTH},4096}?)"`,
    randomValue,
  ),
  // setProperty("NAME", "value"), put('name', 'value'), ["name", "value"]
  detector(
    `["'\`]${SECRET_NAME}["'\`][ \\t]{0,4},[ \\t]{0,4}(?<quote>["'\`])(?<secret>${IN_QUOTES}{${MIN_GENERIC_LENGTH},4096}?)\\k<quote>`,
    randomValue,
  ),
  // --password value, -token value
  detector(
    `-(?<![A-Za-z0-9_-]-)-?${SECRET_NAME}[ \\t]{1,4}["']?(?<secret>${UNQUOTED}{${MIN_GENERIC_LENGTH},4096})`,
    randomValue,
  ),
  // <apiToken>value</apiToken>, attributes of the tag perhaps on lines of their own
  detector(
    `<(?<tag>${SECRET_NAME})(?:[ \\t][^>]{0,200})?>[ \\t]{0,8}(?<secret>[^<\\s]{${MIN_GENERIC_LENGTH},4096})[ \\t]{0,8}</\\k<tag>>`,
    randomValue,
    true,
  ),
  // <add key="ClearTextPassword" value="…" />, <entry name="apiToken" value="…"/>
  detector(
    `(?:key|name)[ \\t]{0,4}=[ \\t]{0,4}"${SECRET_NAME}"[ \\t]{1,8}value[ \\t]{0,4}=[ \\t]{0,4}"(?<secret>[^"\\r\\n]{6,4096})"`,
    looksLikeUrlPassword,
  ),
  // Server=…;User Id=…;Password=…; and libpq's host=… user=… password=…: a pair among others,
  // written `password=…;`, or after a `;` or a user's pair on the line. Code that assigns a
  // password (`password = str(password)`, `password = userPassword;`, `password=None)`) is none.
  detector(`(?:^|[;"'\\s])(?:password|pwd)=(?<secret>${PAIR_VALUE})(?=;)`, connectionPassword),
  detector(
    `(?<=(?:;|\\b(?:user(?:[ _]?id|name)?|uid)=[^\\s;"']{1,256}[ \\t])[ \\t]{0,4})(?:password|pwd)[ \\t]{0,4}=[ \\t]{0,4}(?<secret>${PAIR_VALUE})(?=[;"' \\t]|$)`,
    connectionPassword,
  ),
];
