/**
 * Feature extraction for the clinician-utterance classifier.
 *
 * Produces a sparse feature vector (feature name -> value) from the clinician's utterance,
 * the patient's previous turn and an optional prosodic cue. Lexical features are computed
 * on case- and punctuation-free tokens so that punctuated transcripts and raw ASR output
 * share the same weights; punctuation contributes only through the `p:*` features, which
 * are simply absent for unpunctuated text.
 *
 * Pure functions, no browser or Node APIs. Shared by inference (classify.ts) and the
 * training script (scripts/questions/train.ts), so both always see identical features.
 */
import {
  AUX_WORDS,
  FILLERS,
  LEAD_MARKERS,
  STOPWORDS,
  SUBJECT_WORDS,
  WH_WORDS,
  hasPunctuation,
  splitSentences,
  stem,
  tokenize,
} from './normalize';
import { questionClauses, tokenizeWithBreaks } from './clauses';
import { addInputCues } from './input-cues';

export type FeatureVector = Map<string, number>;

export interface FeatureInput {
  text: string;
  prevText?: string | null;
  finalPitchRise?: boolean;
}

/** Number of trailing tokens treated as "the end of the turn" (where questions usually sit). */
const TAIL = 8;

/** Imperatives that open an open-ended request ("tell me about ..."). */
const OPEN_IMPERATIVES: ReadonlySet<string> = new Set(['tell', 'describe', 'explain', 'walk', 'talk', 'help']);

const YOU_WORDS: ReadonlySet<string> = new Set(['you', 'your', 'youre', 'yourself', 'youve', 'youd', 'youll', 'ya']);
const I_WORDS: ReadonlySet<string> = new Set(['i', 'im', 'ive', 'id', 'ill', 'me', 'my', 'myself']);
const WE_WORDS: ReadonlySet<string> = new Set(['we', 'us', 'our', 'were', 'weve', 'lets']);
const BACKCHANNEL: ReadonlySet<string> = new Set([
  ...FILLERS, 'yeah', 'yes', 'no', 'okay', 'ok', 'right', 'sure', 'yep', 'nope', 'alright', 'maybe',
  'i', 'guess', 'dont', 'know', 'so', 'well', 'true', 'exactly',
]);

function bucket(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n > (edges[i] as number)) i++;
  return i;
}

function contentStems(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    if (t.length < 3 || STOPWORDS.has(t) || /^\d+$/.test(t)) continue;
    out.add(stem(t));
  }
  return out;
}

/** Index of the first token that is not a filler / discourse marker ("so um okay what ..." -> "what"). */
function skipLead(tokens: readonly string[], from = 0): number {
  let i = from;
  while (i < tokens.length) {
    const t = tokens[i] as string;
    if (t === 'all' && tokens[i + 1] !== 'right') break;
    if (!LEAD_MARKERS.has(t)) break;
    i++;
  }
  return i;
}

/** Kind of question clause starting at token i, or null. */
function questionStart(tokens: readonly string[], i: number): string | null {
  const t = tokens[i] as string;
  const next = tokens[i + 1];
  if (WH_WORDS.has(t)) {
    // "what you said", "how you feel" inside a declarative are still often questions; keep it,
    // but distinguish "wh + aux" (clear interrogative) from other uses.
    if (next !== undefined && (AUX_WORDS.has(next) || next === 'kind' || next === 'else' || next === 'about')) return 'whq';
    return 'wh';
  }
  if (AUX_WORDS.has(t) && next !== undefined && SUBJECT_WORDS.has(next)) return 'aux';
  if (OPEN_IMPERATIVES.has(t) && (next === 'me' || next === 'us' || next === 'about' || next === 'through')) return 'imp';
  return null;
}

const QUANT_AFTER_HOW: ReadonlySet<string> = new Set(['much', 'many', 'long', 'often', 'old', 'far', 'big', 'bad', 'soon', 'frequently']);

/**
 * Coarse type of the question clause starting at token i (null if none):
 * wh_open (what/how/why...), wh_quant (how much/many/long/often...), wh_fact (when/where/who/which),
 * imp_open ("tell me about"), aux (yes/no inversion: "do you", "is it", "would you").
 */
export function questionType(tokens: readonly string[], i: number): string | null {
  const t = tokens[i] as string;
  const next = tokens[i + 1];
  if (t === 'how' && next !== undefined && QUANT_AFTER_HOW.has(next)) return 'wh_quant';
  if (t === 'what' || t === 'whats' || t === 'how' || t === 'hows' || t === 'why') return 'wh_open';
  if (t === 'when' || t === 'where' || t === 'who' || t === 'whos' || t === 'which') return 'wh_fact';
  if (OPEN_IMPERATIVES.has(t) && (next === 'me' || next === 'us' || next === 'about' || next === 'through')) return 'imp_open';
  if (AUX_WORDS.has(t) && next !== undefined && SUBJECT_WORDS.has(next)) return 'aux';
  return null;
}

/** First question clause in tokens[from..to). */
function firstQuestion(tokens: readonly string[], from: number, to: number): { i: number; type: string } | null {
  for (let i = Math.max(0, from); i < to; i++) {
    const q = questionType(tokens, i);
    if (q !== null) return { i, type: q };
  }
  return null;
}

const TAG_ENDINGS: readonly string[] = [
  'right', 'is that right', 'is that true', 'is that fair', 'is that correct', 'does that make sense',
  'does that sound right', 'am i right', 'yeah', 'okay', 'ok', 'or not', 'or', 'huh', 'no', 'isnt it',
  'arent you', 'dont you', 'didnt you', 'wasnt it', 'is it', 'do you', 'did you',
];

export function extractFeatures(input: FeatureInput): FeatureVector {
  const f: FeatureVector = new Map();
  const text = input.text ?? '';
  const tokens = tokenize(text);
  const n = tokens.length;
  const punct = hasPunctuation(text);
  f.set('bias', 1);
  if (!punct) f.set('nopunct', 1);
  f.set(`len:${bucket(n, [0, 1, 2, 3, 5, 8, 12, 18, 26, 40, 60])}`, 1);

  // ---- bag of words / bigrams over the whole turn (binary)
  // (down-weighted in long turns so that many weak words do not swamp the structural cues)
  const bowScale = 1;
  const padded = ['<s>', ...tokens, '</s>'];
  for (let i = 0; i < padded.length; i++) {
    const t = padded[i] as string;
    if (i > 0 && i < padded.length - 1) f.set(`w:${t}`, bowScale);
    if (i + 1 < padded.length) f.set(`b:${t}_${padded[i + 1]}`, bowScale);
  }

  // ---- turn opening, after fillers and discourse markers
  const s0 = skipLead(tokens);
  f.set(`lead:${bucket(s0, [0, 1, 2, 4])}`, 1);
  if (s0 < n) {
    f.set(`f1:${tokens[s0]}`, 1);
    if (s0 + 1 < n) f.set(`f2:${tokens[s0]}_${tokens[s0 + 1]}`, 1);
    if (s0 + 2 < n) f.set(`f3:${tokens[s0]}_${tokens[s0 + 1]}_${tokens[s0 + 2]}`, 1);
  } else if (n > 0) {
    f.set('f1:<onlylead>', 1);
  }

  // ---- turn ending: last TAIL tokens, last uni/bi/trigram
  const tailStart = Math.max(0, n - TAIL);
  for (let i = tailStart; i < n; i++) {
    f.set(`t:${tokens[i]}`, 1);
    if (i + 1 < n) f.set(`tb:${tokens[i]}_${tokens[i + 1]}`, 1);
  }
  if (n >= 1) f.set(`z1:${tokens[n - 1]}`, 1);
  if (n >= 2) f.set(`z2:${tokens[n - 2]}_${tokens[n - 1]}`, 1);
  if (n >= 3) f.set(`z3:${tokens[n - 3]}_${tokens[n - 2]}_${tokens[n - 1]}`, 1);

  // ---- question clauses anywhere in the token stream (works without punctuation)
  let lastQ = -1;
  let lastQKind = '';
  let firstQ = -1;
  let nQ = 0;
  for (let i = 0; i < n; i++) {
    const k = questionStart(tokens, i);
    if (k === null) continue;
    nQ++;
    if (firstQ < 0) firstQ = i;
    lastQ = i;
    lastQKind = k;
  }
  if (lastQ >= 0) {
    const dist = n - lastQ;
    const db = bucket(dist, [3, 6, 10, 16, 25]);
    const w = tokens[lastQ] as string;
    f.set(`lq:${lastQKind}`, 1);
    f.set(`lqd:${lastQKind}_${db}`, 1);
    f.set(`lqw:${w}`, 1);
    f.set(`lqwd:${w}_${db}`, 1);
    const nx = tokens[lastQ + 1];
    if (nx !== undefined) f.set(`lqb:${w}_${nx}`, 1);
    // question clause is the turn opener (after fillers)
    if (firstQ === s0) f.set(`fq:${lastQKind === 'aux' && firstQ === lastQ ? 'aux' : questionStart(tokens, s0)}`, 1);
    f.set(`nq:${bucket(nQ, [1, 2])}`, 1);
  } else {
    f.set('lq:none', 1);
  }

  // ---- question analysis that needs no punctuation: the first question clause in the last
  // 12 tokens, and the turn-opening clause, each with its coarse type and distance to the end.
  const w12 = Math.max(0, n - 12);
  const tq = firstQuestion(tokens, w12, n);
  const tqType = tq === null ? 'none' : tq.type;
  f.set(`qt:${tqType}`, 1);
  if (tq !== null) f.set(`qtd:${tq.type}_${bucket(n - tq.i, [3, 6, 9])}`, 1);
  const oq = s0 < n ? questionType(tokens, s0) : null;
  f.set(`qo:${oq ?? 'none'}`, 1);
  if (oq !== null) f.set(`qol:${oq}_${bucket(n, [6, 12, 25])}`, 1);
  const tailStr = tokens.slice(-4).join(' ');
  for (const tag of TAG_ENDINGS) {
    if (tailStr === tag || tailStr.endsWith(' ' + tag)) {
      f.set(`tag:${tag}`, 1);
      break;
    }
  }

  // ---- punctuation (only present for punctuated text)
  if (punct) {
    const trimmed = text.trim();
    const last = trimmed.slice(-1);
    const qCount = (text.match(/\?/g) ?? []).length;
    if (last === '?') f.set('p:end?', 1);
    else if (last === '.' || last === '!') f.set('p:end.', 1);
    else if (/[-\u2014\u2013]$/.test(trimmed)) f.set('p:endcut', 1);
    else f.set('p:endother', 1);
    if (qCount > 0) f.set('p:has?', 1);
    if (qCount > 0 && last !== '?') f.set('p:?notend', 1);
    if (qCount > 1) f.set('p:multi?', 1);
    const sents = splitSentences(text);
    f.set(`p:nsent:${bucket(sents.length, [1, 2, 3, 5])}`, 1);
    // the first word(s) of each question sentence, and of the final sentence
    for (const s of sents) {
      if (!s.endsWith('?')) continue;
      const st = tokenize(s);
      const j = skipLead(st);
      if (j < st.length) {
        f.set(`p:q1:${st[j]}`, 1);
        if (j + 1 < st.length) f.set(`p:q2:${st[j]}_${st[j + 1]}`, 1);
      }
      f.set(`p:qlen:${bucket(st.length, [2, 4, 7, 12, 20])}`, 1);
      const qk = j < st.length ? questionStart(st, j) : null;
      f.set(`p:qk:${qk ?? 'decl'}`, 1);
    }
    // the last question sentence: its type (searching inside it, past leading clauses), crossed
    // with whether it ends the turn
    let lastQS = -1;
    for (let i = sents.length - 1; i >= 0; i--) if ((sents[i] as string).endsWith('?')) { lastQS = i; break; }
    if (lastQS >= 0) {
      const st = tokenize(sents[lastQS] as string);
      const j = skipLead(st);
      const atStart = j < st.length ? questionType(st, j) : null;
      const inside = atStart ?? firstQuestion(st, j, st.length)?.type ?? null;
      const kind = atStart !== null ? atStart : inside !== null ? `${inside}_in` : 'decl';
      const final = lastQS === sents.length - 1 ? 'final' : 'mid';
      f.set(`p:lq:${kind}`, 1);
      f.set(`p:lqf:${kind}_${final}`, 1);
      f.set(`p:lql:${kind}_${bucket(st.length, [3, 6, 12])}`, 1);
    } else {
      f.set('p:lq:noq', 1);
      f.set(`p:noq_qt:${tqType}`, 1);
    }
    const lastSent = sents[sents.length - 1];
    if (lastSent !== undefined) {
      const st = tokenize(lastSent);
      const j = skipLead(st);
      if (j < st.length) f.set(`p:l1:${st[j]}`, 1);
      f.set(`p:llen:${bucket(st.length, [2, 4, 7, 12, 20])}`, 1);
    }
  }

  // ---- the last question clause (a cue at a clause boundary; see clauses.ts)
  const bt = tokenizeWithBreaks(text);
  const words = bt.map((t) => t.word);
  {
    const qcs = questionClauses(bt);
    const qc = qcs[qcs.length - 1];
    if (qc === undefined) {
      f.set('c:none', 1);
    } else {
      const m = words.length;
      const d = bucket(m - qc.start, [2, 4, 7, 11, 16, 24]);
      f.set(`c:k:${qc.kind}`, 1);
      f.set(`c:kd:${qc.kind}_${d}`, 1);
      f.set(`c:w1:${words[qc.start]}`, 1);
      if (qc.start + 1 < m) f.set(`c:w2:${words[qc.start]}_${words[qc.start + 1]}`, 1);
      if (qc.start + 2 < m) f.set(`c:w3:${words[qc.start]}_${words[qc.start + 1]}_${words[qc.start + 2]}`, 1);
      for (let i = qc.start; i < Math.min(m, qc.start + 12); i++) f.set(`c:u:${words[i]}`, 1);
      f.set(`c:n:${bucket(qcs.length, [1, 2])}`, 1);
      f.set(`c:at0:${qc.start === s0 ? 1 : 0}`, 1);
      if (punct) {
        // does the clause's sentence end with '?', and is it the last sentence of the turn?
        let q = false;
        let stop = false;
        for (let i = qc.start + 1; i < m; i++) {
          const b = (bt[i] as { before: string }).before;
          if (b.includes('?')) q = true;
          if (/[.?!]/.test(b)) {
            stop = true;
            break;
          }
        }
        if (!stop) q = /\?\W*$/.test(text.trim());
        f.set(`c:pq:${qc.kind}_${q ? 'q' : 'noq'}`, 1);
        f.set(`c:pf:${stop ? 'mid' : 'final'}_${q ? 'q' : 'noq'}`, 1);
      }
    }
  }

  // ---- therapist input: advice, instructions, information, closings (see input-cues.ts)
  addInputCues(bt, words, f);

  // ---- without punctuation the structural cues are less reliable: condition-specific copies
  // let the model adjust their weights for ASR text while sharing the rest.
  if (!punct) {
    for (const [k, v] of [...f]) {
      if (/^(qt|qtd|qo|qol|tag|lq|lqd|lqw|fq|z1|z2|f1|len|lead):/.test(k)) f.set(`np|${k}`, v);
    }
  }

  // ---- pronouns
  let you = 0;
  let me = 0;
  let we = 0;
  for (const t of tokens) {
    if (YOU_WORDS.has(t)) you++;
    else if (I_WORDS.has(t)) me++;
    else if (WE_WORDS.has(t)) we++;
  }
  f.set(`you:${bucket(you, [0, 1, 2, 4])}`, 1);
  f.set(`i:${bucket(me, [0, 1, 3])}`, 1);
  if (we > 0) f.set('we:1', 1);
  if (n > 0) f.set('youfrac', you / n);

  // ---- the patient's previous turn
  // No previous turn (start of the visit, or the patient's words are not transcribed, as in
  // the live extension) gives no context features at all, so the model falls back on the
  // utterance alone; training includes such context-free copies of every example.
  const prev = input.prevText ?? '';
  const ptoks = tokenize(prev);
  const m = ptoks.length;
  if (m > 0) {
    f.set(`pv:len:${bucket(m, [1, 3, 6, 12, 25, 50])}`, 1);
    if (m <= 4 && ptoks.every((t) => BACKCHANNEL.has(t))) f.set('pv:bc', 1);
    if (/\?\s*["']?\s*$/.test(prev.trim())) f.set('pv:end?', 1);
    const pj = skipLead(ptoks);
    if (pj < m && (questionStart(ptoks, pj) !== null)) f.set('pv:q', 1);
    if (/[-\u2014]\s*$/.test(prev.trim())) f.set('pv:cut', 1);

    // lexical overlap between this turn and the patient's turn (reflection cue)
    const cu = contentStems(tokens);
    const cp = contentStems(ptoks);
    let inter = 0;
    for (const s of cu) if (cp.has(s)) inter++;
    const ratio = cu.size > 0 ? inter / cu.size : 0;
    const pratio = cp.size > 0 ? inter / cp.size : 0;
    f.set(`ov:${bucket(inter, [0, 1, 2, 4])}`, 1);
    f.set(`ovr:${bucket(ratio, [0, 0.2, 0.4, 0.6])}`, 1);
    f.set('ovratio', ratio);
    f.set('ovpratio', pratio);
    if (inter > 0 && you > 0) f.set('ov&you', 1);
    // overlap confined to the turn's ending
    const tail = contentStems(tokens.slice(tailStart));
    let tInter = 0;
    for (const s of tail) if (cp.has(s)) tInter++;
    if (tInter > 0) f.set(`ovt:${bucket(tInter, [1, 2])}`, 1);
  }
  f.set(`cw:${bucket(contentStems(tokens).size, [0, 1, 2, 4, 8, 16])}`, 1);

  // ---- prosody: a final pitch rise marks a (declarative) yes/no question.
  // Never seen in training text data, so the classifier applies it as a fixed adjustment
  // (see classify.ts) instead of a learned weight.
  return f;
}
