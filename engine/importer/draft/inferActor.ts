import { GENERIC_WORDS, nameTokens, sameWord } from './nameTokens.ts';

/** Where a lane is named in an activity text: the word position and how many of its words were found there. */
interface Mention {
  lane: number;
  at: number;
  found: number;
  words: number;
}

function mentions(activityWords: readonly string[], lanes: readonly string[]): Mention[] {
  const result: Mention[] = [];
  lanes.forEach((lane, laneIndex) => {
    const words = nameTokens(lane);
    if (words.length === 0) return;
    const needed = Math.max(1, Math.ceil(words.length * 0.6));
    for (let at = 0; at < activityWords.length; at += 1) {
      const first = activityWords[at] as string;
      if (!words.some((w) => sameWord(w, first))) continue;
      const window = activityWords.slice(at, at + words.length + 1);
      const hits = words.filter((w) => window.some((t) => sameWord(w, t)));
      const found = hits.length;
      // "Admin menerima …" names the lane "Admin Media Sosial" by its first, telling word; a part of a name
      // counts only with a telling word ("Staf Rehsos"), never with "Petugas Dinas Sosial" alone.
      const byFirstWord = sameWord(words[0] as string, first) && !GENERIC_WORDS.has(words[0] as string);
      const telling = hits.some((w) => !GENERIC_WORDS.has(w));
      if ((found >= needed && telling) || found === words.length || byFirstWord) {
        result.push({ lane: laneIndex, at, found, words: words.length });
        break;
      }
    }
  });
  return result;
}

/**
 * The lane that performs a step, read from its activity text when the flowchart marks are lost: the lane named
 * after "oleh" ("… ditandatangani oleh Kabid Linjamsos"), else the lane named first; at one position the lane
 * with more of its words present wins. Undefined when the text names no lane.
 */
export function inferActorLane(activity: string, lanes: readonly string[]): number | undefined {
  const words = nameTokens(activity);
  const found = mentions(words, lanes);
  if (found.length === 0) return undefined;
  const better = (a: Mention, b: Mention): Mention =>
    a.at !== b.at
      ? a.at < b.at
        ? a
        : b
      : a.found !== b.found
        ? a.found > b.found
          ? a
          : b
        : a.words <= b.words
          ? a
          : b;
  const oleh = activity
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  // "dibantu oleh TKSK" names a helper, not the one who does the step.
  const olehAt = oleh.findIndex((w, i) => w === 'oleh' && oleh[i - 1] !== 'dibantu');
  if (olehAt >= 0) {
    // Positions in the expanded word list shift with abbreviations; compare by the words after "oleh".
    const after = nameTokens(oleh.slice(olehAt + 1).join(' '));
    const afterMentions = mentions(after, lanes).filter((m) => m.at <= 1);
    if (afterMentions.length > 0) return afterMentions.reduce(better).lane;
  }
  return found.reduce(better).lane;
}
