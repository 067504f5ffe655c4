import type { PlaceNames, RequestKind, RequestRules } from '../policy/out-of-plan-cues.ts';
import { occursAsUnit, unitText, type UnitText } from './colloquial-expansion.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';
import { placeWordStarts } from '../../ingest/tokenizer.ts';
import { cueText } from './cue-text.ts';
import { unnamedComparison } from './unnamed-comparison.ts';

/**
 * Why a question is outside what the plan can answer, known from the question alone: a request a plan cannot answer
 * by its nature (real-time status, an errand, a contact or recommendation, chit-chat or writing, role-play or
 * fabrication), or a question about another place.
 */
export type OutOfPlan =
  | { kind: RequestKind; cue: string }
  | { kind: 'other-place'; place: string; cue: string }
  | { kind: 'comparison'; word: string; cue: string };

/**
 * The first request family whose cue the message matches. A family marked `unlessNamed` (an instruction to ignore the
 * rules) does not count when the message names an article or part: the question it carries is answered. A question
 * that asks what will be done (policy intent: 以后, 会不会改善) is not refused by the families it overrides (a price,
 * a ticket, an illness in 航班太少了，会改善吗), unless it asks about now (明天会不会刮沙尘暴). Pure.
 */
export function requestKindOf(
  message: string,
  rules: RequestRules,
  namesStructure: boolean,
): OutOfPlan | null {
  const text = cueText(message, rules.dialect);
  return requestKindIn(text, asksWhatWillBeDoneIn(text, rules), rules, namesStructure);
}

/** requestKindOf on the cue text already read, with its policy intent already decided. Pure. */
function requestKindIn(
  text: string,
  asksWhatWillBeDone: boolean,
  rules: RequestRules,
  namesStructure: boolean,
): OutOfPlan | null {
  for (const family of rules.families) {
    if (family.unlessNamed && namesStructure) continue;
    if (asksWhatWillBeDone && rules.policyIntent.overrides.has(family.kind)) continue;
    const match = family.cue.exec(text);
    if (match) return { kind: family.kind, cue: match[0] };
  }
  return null;
}

/**
 * The question asks what will be done (以后, 会不会改善), and not about now (今天, 现在) — unless it asks outright what
 * the plan says (规划里有没有…的办法), when a near-term word only describes the asker's situation. Pure.
 */
function asksWhatWillBeDoneIn(text: string, rules: RequestRules): boolean {
  const { cue, nearTerm, explicit } = rules.policyIntent;
  return cue.test(text) && (!nearTerm.test(text) || explicit.test(text));
}

/**
 * The other place a question is about: one it names (as a word it wrote: not 西安 in 东西|安全) that the document does
 * not name (the plan may speak of 北京), when the question does not also name Wuhai or one of its own places
 * (我在杭州上学，回乌海工作有什么政策 is about Wuhai) — or names Wuhai only to compare it with the other place
 * (`comparesPlaces`: 石嘴山跟乌海比，谁的新能源规划更大). Pure.
 */
export function placeElsewhere(
  message: string,
  places: PlaceNames,
  documentText: string,
  comparesPlaces = false,
): OutOfPlan | null {
  const text = unitText(message);
  const { home, elsewhere } = placesToRead(places, documentText);
  if (!comparesPlaces && firstNamed(text, home) !== undefined) return null;
  const place = firstNamed(text, elsewhere, namesPlace);
  return place ? { kind: 'other-place', place, cue: place } : null;
}

/** What may follow a place's name inside one word: 阜新市, 杭州人. */
const PLACE_SUFFIX = /^[市省区县州盟旗镇村人]/u;

/**
 * Whether the question names a place as a word: the name starts a word and ends one, goes on only with a place
 * suffix (阜新市), or starts a word jieba reads as a place (苏州工业园区); a place's name inside an ordinary word (长治 in
 * 长治久安, 中山 in 中山装, 大同 in 大同小异) is not the place. Latin names as occursAsUnit reads them. Pure but for jieba.
 */
function namesPlace(text: UnitText, name: string): boolean {
  if (!occursAsUnit(text, name)) return false;
  if (/^[a-z]/.test(name)) return true;
  const { normalized, boundaries } = text;
  const places = placeWordStarts(normalized);
  for (
    let start = normalized.indexOf(name);
    start >= 0;
    start = normalized.indexOf(name, start + 1)
  ) {
    const end = start + name.length;
    const endsAsPlace =
      boundaries.has(end) || PLACE_SUFFIX.test(normalized.slice(end)) || places.has(start);
    if (boundaries.has(start) && endsAsPlace) return true;
  }
  return false;
}

interface PlaceToRead {
  name: string;
  /** Without spaces and dots, as occursAsUnit reads a phrase (new york → newyork, u.s. → us). */
  compact: string;
  /** Position in its list (longest name first): the first one named is the one reported. */
  position: number;
}

/** A place list by the first character of each name. */
type PlaceIndex = ReadonlyMap<string, readonly PlaceToRead[]>;

/**
 * The first place of a list (in list order) that the question names: only names starting with one of the question's
 * characters can be in it, so only those are read.
 */
function firstNamed(
  text: UnitText,
  index: PlaceIndex,
  named: (text: UnitText, name: string) => boolean = occursAsUnit,
): string | undefined {
  let first: PlaceToRead | undefined;
  for (const character of new Set(text.normalized))
    for (const place of index.get(character) ?? [])
      if ((!first || place.position < first.position) && named(text, place.compact)) first = place;
  return first?.name;
}

const placesByDocument = new WeakMap<
  PlaceNames,
  { documentText: string; matchText: string; home: PlaceIndex; elsewhere: PlaceIndex }
>();

/**
 * The place lists as questions are read against them, without the places the document names, and the document's text
 * normalised for matching: once per document.
 */
function placesToRead(places: PlaceNames, documentText: string) {
  const known = placesByDocument.get(places);
  if (known?.documentText === documentText) return known;
  const indexOf = (names: readonly string[]): PlaceIndex => {
    const index = new Map<string, PlaceToRead[]>();
    names.forEach((name, position) => {
      const compact = name.replace(/[\s.]/g, '');
      const [first] = compact;
      if (first !== undefined)
        index.set(first, [...(index.get(first) ?? []), { name, compact, position }]);
    });
    return index;
  };
  const prepared = {
    documentText,
    /** The document normalised for matching: what a comparison's things are looked up in. */
    matchText: normalizeForMatch(documentText),
    home: indexOf(places.home),
    elsewhere: indexOf(places.elsewhere.filter((name) => !documentText.includes(name))),
  };
  placesByDocument.set(places, prepared);
  return prepared;
}

/**
 * Out of the plan by the nature of the request, else by place, else as a comparison with something the plan does not
 * name (a question about what will be done is left to retrieval); null when the question may be the plan's. Pure.
 */
export function detectOutOfPlan(
  message: string,
  rules: { requests: RequestRules; places: PlaceNames },
  documentText: string,
  namesStructure: boolean,
): OutOfPlan | null {
  const cue = cueText(message, rules.requests.dialect);
  const asksWhatWillBeDone = asksWhatWillBeDoneIn(cue, rules.requests);
  // Wuhai set beside another place (鄂尔多斯和乌海比，哪个人均GDP更高; 谁的规划更大) asks about the other place as much
  // as Wuhai, whatever it asks of them: the plan weighs Wuhai against no one.
  const comparesPlaces = rules.requests.comparison.cue.test(cue);
  return (
    requestKindIn(cue, asksWhatWillBeDone, rules.requests, namesStructure) ??
    placeElsewhere(message, rules.places, documentText, comparesPlaces) ??
    unnamedElsewhere(cue, rules.places) ??
    (asksWhatWillBeDone
      ? null
      : unnamedComparison(
          message,
          rules.requests,
          placesToRead(rules.places, documentText).matchText,
        ))
  );
}

/** A question about places other than Wuhai that names none (外地的养老政策怎么样, 国外是怎么做的), on the cue text. Pure. */
function unnamedElsewhere(cue: string, places: PlaceNames): OutOfPlan | null {
  const unnamed = places.unnamedElsewhere;
  const match = unnamed?.cue.exec(cue);
  return unnamed && match ? { kind: 'other-place', place: unnamed.label, cue: match[0] } : null;
}
