import { z } from 'zod';
import { FIELDS_BY_TYPE, isReservedName, STORE_FIELDS, type DocType } from '../../shared/documents';

/**
 * The accept/refuse decision of the document schemas, without zod's parse. A pulled body was
 * checked with zod: walking its objects, unions and arrays, copying each into a result with
 * its defaults, was a fifth of a pulled batch's CPU (profile of 5,000 documents). The document
 * schemas are read once and turned into plain functions that only answer "would zod accept
 * this?": strings, numbers, enums, literals, arrays, objects, unions and the optional,
 * nullable, default and lazy wrappers follow zod's rules (zod 4's definitions, read, never
 * changed); anything else (a refinement, a URL, a record, a transform) is asked of zod itself
 * for that value, so the answer is zod's. A refused body still goes through zod for its
 * wording (remote-write.ts). test/store/body-accept.test.ts compares the decisions with zod's
 * over thousands of damaged bodies.
 */
export type Accept = (value: unknown) => boolean;

/** The parts of zod 4's schema definitions read here. */
interface Def {
  type: string;
  checks?: readonly { _zod: { def: CheckDef } }[];
  coerce?: boolean;
  format?: string;
  pattern?: RegExp;
  entries?: Record<string, unknown>;
  values?: readonly unknown[];
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  options?: readonly z.ZodType[];
  inclusive?: boolean;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  tx?: (v: unknown) => unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const built = new WeakMap<z.ZodType, Accept>();

/** The decision of `schema.safeParse(value).success`, compiled once per schema. */
export function acceptor(schema: z.ZodType): Accept {
  const known = built.get(schema);
  if (known) return known;
  // A lazy schema may refer to itself: its place is taken before its parts are compiled.
  const slot: { accept?: Accept } = {};
  built.set(schema, (v) => slot.accept!(v));
  slot.accept = compile(schema);
  built.set(schema, slot.accept);
  return slot.accept;
}

/** Longest string whose answer a delegated schema remembers, and how many it remembers. */
const MEMO_LENGTH = 100;
const MEMO_SIZE = 4096;

/**
 * Asks zod. Strings are remembered (dates, time zones and languages repeat): the schemas
 * delegated here (regular expressions, calendar dates, time zones) answer the same for the same text.
 */
function delegate(schema: z.ZodType): Accept {
  const memo = new Map<string, boolean>();
  return (v) => {
    if (typeof v !== 'string' || v.length > MEMO_LENGTH) return schema.safeParse(v).success;
    let ok = memo.get(v);
    if (ok === undefined) {
      ok = schema.safeParse(v).success;
      if (memo.size < MEMO_SIZE) memo.set(v, ok);
    }
    return ok;
  };
}

function compile(schema: z.ZodType): Accept {
  const d = defOf(schema);
  const checks = (d.checks ?? []).map((c) => c._zod.def);
  if (d.coerce) return delegate(schema);
  switch (d.type) {
    case 'string':
      return stringAccept(schema, d, checks);
    case 'number':
      return numberAccept(schema, checks);
    case 'array':
      return arrayAccept(schema, d, checks);
    case 'object':
      return checks.length > 0 ? delegate(schema) : objectAccept(schema, d);
  }
  if (checks.length > 0) return delegate(schema);
  switch (d.type) {
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(d.entries ?? {}));
      return (v) => values.has(v);
    }
    case 'literal': {
      const values = new Set(d.values);
      return (v) => values.has(v);
    }
    case 'nullable': {
      const inner = acceptor(d.innerType!);
      return (v) => v === null || inner(v);
    }
    // zod gives a default for undefined without checking it, and an optional takes undefined.
    case 'optional':
    case 'default': {
      const inner = acceptor(d.innerType!);
      return (v) => v === undefined || inner(v);
    }
    case 'lazy': {
      let inner: Accept | undefined;
      const resolve = (): Accept => (inner ??= acceptor((schema as unknown as { _zod: { innerType: z.ZodType } })._zod.innerType));
      return (v) => resolve()(v);
    }
    case 'union': {
      // An exclusive union (xor) refuses a value two options accept: zod decides those.
      if (d.inclusive === false) return delegate(schema);
      const options = d.options!.map(acceptor);
      return (v) => options.some((o) => o(v));
    }
  }
  return delegate(schema);
}

function stringAccept(schema: z.ZodType, d: Def, checks: readonly CheckDef[]): Accept {
  let pattern: RegExp | undefined;
  if (d.format !== undefined) {
    // Formats that are one regular expression in zod; the others (url, ...) are asked of zod.
    if ((d.format !== 'email' && d.format !== 'datetime') || !d.pattern) return delegate(schema);
    pattern = d.pattern;
  }
  const steps: ((s: string) => string | false)[] = [];
  for (const c of checks) {
    if (c.check === 'min_length') steps.push((s) => s.length >= c.minimum! && s);
    else if (c.check === 'max_length') steps.push((s) => s.length <= c.maximum! && s);
    else if (c.check === 'length_equals') steps.push((s) => s.length === c.length! && s);
    else if (c.check === 'string_format' && c.format === 'regex' && c.pattern && !c.pattern.global && !c.pattern.sticky) {
      const re = c.pattern;
      steps.push((s) => re.test(s) && s);
    } else if (c.check === 'overwrite' && c.tx) {
      const tx = c.tx;
      steps.push((s) => tx(s) as string);
    } else return delegate(schema);
  }
  return (v) => {
    if (typeof v !== 'string') return false;
    if (pattern) {
      pattern.lastIndex = 0;
      if (!pattern.test(v)) return false;
    }
    // The empty string passes a check too: only false stops.
    let s: string | false = v;
    for (const step of steps) if ((s = step(s)) === false) return false;
    return true;
  };
}

function numberAccept(schema: z.ZodType, checks: readonly CheckDef[]): Accept {
  const tests: ((n: number) => boolean)[] = [];
  for (const c of checks) {
    const bound = c.value!;
    if (c.check === 'greater_than') tests.push(c.inclusive ? (n) => n >= bound : (n) => n > bound);
    else if (c.check === 'less_than') tests.push(c.inclusive ? (n) => n <= bound : (n) => n < bound);
    else if (c.check === 'number_format' && c.format === 'safeint') tests.push(Number.isSafeInteger);
    else return delegate(schema);
  }
  return (v) => typeof v === 'number' && Number.isFinite(v) && tests.every((t) => t(v));
}

function arrayAccept(schema: z.ZodType, d: Def, checks: readonly CheckDef[]): Accept {
  let min = 0;
  let max = Infinity;
  for (const c of checks) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum!);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum!);
    else if (c.check === 'length_equals') [min, max] = [Math.max(min, c.length!), Math.min(max, c.length!)];
    else return delegate(schema);
  }
  const element = acceptor(d.element!);
  return (v) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) return false;
    for (const item of v) if (!element(item)) return false;
    return true;
  };
}

interface Field {
  key: string;
  accept: Accept;
  /** Whether zod's object takes the key being absent (its optional and default rules, asked of zod). */
  readonly absentOk: boolean;
}

function fieldsOf(shape: Record<string, z.ZodType>): Field[] {
  return Object.keys(shape).map((key) => {
    let absentOk: boolean | undefined;
    return {
      key,
      accept: acceptor(shape[key]!),
      // Asked the first time the key is missing: most bodies have most keys, and each question builds a schema.
      get absentOk() {
        return (absentOk ??= z.object({ [key]: shape[key]! }).safeParse({}).success);
      },
    };
  });
}

function objectAccept(schema: z.ZodType, d: Def): Accept {
  const catchall = d.catchall === undefined ? 'strip' : defOf(d.catchall).type === 'never' ? 'strict' : null;
  if (catchall === null) return delegate(schema);
  const shape = d.shape!;
  const fields = fieldsOf(shape);
  const keys = new Set(Object.keys(shape));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    for (const f of fields) {
      if (f.key in o ? !f.accept(o[f.key]) : !f.absentOk) return false;
    }
    if (catchall === 'strict') for (const k in o) if (!keys.has(k)) return false;
    return true;
  };
}

const byType = new Map<DocType, Accept>();

/**
 * Whether `checkKnownFields(type, body)` accepts the body, without building its result: the
 * fields of the type's schema are checked where the body has them (store fields and `_` names
 * left out, as there), every other field is kept unchecked.
 */
export function knownFieldsAccepted(type: DocType, body: Readonly<Record<string, unknown>>): boolean {
  let accept = byType.get(type);
  if (!accept) {
    const schema = FIELDS_BY_TYPE[type] as unknown as z.ZodType;
    const d = defOf(schema);
    if (d.type !== 'object' || (d.checks ?? []).length > 0) {
      accept = () => false;
    } else {
      const all = fieldsOf(d.shape!);
      // checkKnownFields never passes these on, so to zod they are always absent.
      const left = all.filter((f) => STORE_FIELDS.has(f.key) || isReservedName(f.key));
      const fields = all.filter((f) => !left.includes(f));
      accept = left.some((f) => !f.absentOk) ? () => false : (v) => {
        const o = v as Record<string, unknown>;
        for (const f of fields) {
          if (Object.hasOwn(o, f.key) ? !f.accept(o[f.key]) : !f.absentOk) return false;
        }
        return true;
      };
    }
    byType.set(type, accept);
  }
  return accept(body);
}
