/**
 * A small well-formedness checker for the SSML we send: one <speak> root, balanced known tags, quoted
 * attributes, only the five XML entities (or numeric ones), no stray "<" or "&", and Alexa's limits
 * (breaks of at most 10 s, under 8,000 characters).
 */

const KNOWN_TAGS = new Set(['speak', 's', 'p', 'break', 'emphasis', 'prosody', 'say-as', 'sub', 'phoneme', 'w', 'lang', 'audio', 'amazon:effect', 'amazon:domain', 'amazon:emotion', 'voice']);

export interface SsmlFacts {
  chars: number;
  breaks: number[];
  /** Seconds of silence in all breaks. */
  silence: number;
  text: string;
}

export function checkSsml(ssml: string, maxChars = 8000): { problems: string[]; facts: SsmlFacts } {
  const problems: string[] = [];
  const breaks: number[] = [];
  let text = '';
  const stack: string[] = [];
  let roots = 0;
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);|&|[^<&]+/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(ssml))) {
    consumed += m[0].length;
    const [whole, closing, name, attrs, selfClosing] = m;
    if (whole === '<') {
      problems.push(`stray "<" at ${m.index}`);
      continue;
    }
    if (whole === '&') {
      problems.push(`bare "&" at ${m.index}`);
      continue;
    }
    if (!name) {
      if (whole.startsWith('&')) text += ' ';
      else {
        if (stack.length === 0 && whole.trim()) problems.push(`text outside <speak>: "${whole.slice(0, 20)}"`);
        text += whole;
      }
      continue;
    }
    if (!KNOWN_TAGS.has(name)) problems.push(`unknown tag <${name}>`);
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    if (name === 'speak') {
      roots++;
      if (stack.length > 0) problems.push('nested <speak>');
    } else if (stack.length === 0) problems.push(`<${name}> outside <speak>`);
    if (name === 'break') {
      const time = /time\s*=\s*"(\d+(?:\.\d+)?)(ms|s)"/.exec(attrs ?? '');
      if (!time) problems.push(`break without a time: ${whole}`);
      else {
        const seconds = Number(time[1]) / (time[2] === 'ms' ? 1000 : 1);
        if (seconds > 10) problems.push(`break of ${seconds} s (at most 10 s)`);
        breaks.push(seconds);
      }
      if (!selfClosing) problems.push('<break> must be self-closing');
      continue;
    }
    if (!selfClosing) stack.push(name);
  }
  if (consumed !== ssml.length) problems.push('unparsed characters');
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} <speak> roots`);
  if (ssml.length >= maxChars) problems.push(`${ssml.length} characters (limit ${maxChars})`);
  const silence = breaks.reduce((a, b) => a + b, 0);
  return { problems, facts: { chars: ssml.length, breaks, silence, text: text.replace(/\s+/g, ' ').trim() } };
}

/** The spoken text of an SSML document, entities decoded, tags dropped. */
export function ssmlText(ssml: string): string {
  return ssml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
