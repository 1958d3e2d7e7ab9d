/**
 * Header values as Istio's webhook checks them (ValidateHTTPHeaderValue and its port of Envoy's
 * header formatter parser): no control characters, and `%` starts a variable (`%HOSTNAME%`,
 * `%REQ(x-id)%`, `%START_TIME(%s)%`) unless it is written `%%`.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

type State = 'literal' | 'name' | 'array' | 'string-start' | 'string' | 'delimiter' | 'args-end' | 'var-end';

/** Why Istio's webhook rejects `value` as a header value, or `undefined` when it accepts it. */
export function headerValueProblem(value: string): string | undefined {
  if (CONTROL.test(value)) return 'contains a control character (a newline, a tab is fine)';
  let state: State = 'literal';
  for (let pos = 0; pos < value.length; pos++) {
    const ch = value[pos];
    const hasNext = pos + 1 < value.length;
    switch (state) {
      case 'literal':
        if (ch !== '%') break;
        if (!hasNext) return `ends with an unescaped '%'`;
        if (value[pos + 1] === '%') {
          pos++;
          break;
        }
        state = 'name';
        break;
      case 'name':
        if (ch === '%') state = 'literal';
        else if (ch === '(') state = 'array';
        break;
      case 'array':
        if (ch === '[') state = 'string-start';
        else if (ch !== ' ') state = 'string';
        break;
      case 'delimiter':
        if (ch === ',') state = 'string-start';
        else if (ch === ']') state = 'args-end';
        else if (ch !== ' ') return `has '${ch}' at position ${pos} where ',', ']' or a space was expected in a variable's arguments`;
        break;
      case 'string-start':
        if (ch === '"') state = 'string';
        else if (ch !== ' ') return `has '${ch}' at position ${pos} where '"' was expected in a variable's arguments`;
        break;
      case 'string':
        if (ch === '\\') {
          if (!hasNext) return 'ends with an unterminated backslash in a variable\'s arguments';
          pos++;
        } else if (ch === ')') {
          state = 'var-end';
        } else if (ch === '"') {
          state = 'delimiter';
        }
        break;
      case 'args-end':
        if (ch === ')') state = 'var-end';
        else if (ch !== ' ') return `has '${ch}' at position ${pos} where ')' was expected after a variable's arguments`;
        break;
      case 'var-end':
        if (ch === '%') state = 'literal';
        else if (ch !== ' ') return `has '${ch}' at position ${pos} where the closing '%' of a variable was expected`;
        break;
    }
  }
  if (state !== 'literal') return 'has an unterminated variable expression (a lone \'%\' starts a variable; write a literal % as %%)';
  return undefined;
}
