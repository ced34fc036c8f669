/**
 * Calls `fn` for each match of a global pattern in order, as `text.matchAll(re)` yields them, without the
 * copy of the pattern and the iterator matchAll makes on each pass (a record takes some hundred passes).
 * `fn` may use `re` itself: its position is restored after each call.
 */
export function forEachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  if (!re.global) throw new TypeError(`forEachMatch needs a global pattern: /${re.source}/${re.flags}`);
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // an empty match moves on by one character (a whole code point in unicode mode), as matchAll does
    let next = re.lastIndex;
    if (m[0] === '') next += re.unicode && (text.codePointAt(next) ?? 0) > 0xffff ? 2 : 1;
    fn(m);
    re.lastIndex = next;
  }
}
