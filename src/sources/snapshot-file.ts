/**
 * The bytes of an index snapshot: a JSON header for the small parts and, after it, every typed
 * array's bytes as they lie in memory, each at an 8-byte boundary. Reading makes the typed arrays
 * views over the file's buffer, so a snapshot loads without copying or deserialising its bulk.
 */

const MAGIC = "DSB1";
const TYPED = "$typed";
const ALIGN = 8;

const CONSTRUCTORS = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const;
type TypedName = keyof typeof CONSTRUCTORS;
type Typed = InstanceType<(typeof CONSTRUCTORS)[TypedName]>;

/** Where a typed array's bytes lie, counted from the start of the data after the header. */
interface TypedRef {
  readonly [TYPED]: TypedName;
  readonly at: number;
  readonly length: number;
}

const padding = (n: number): number => (ALIGN - (n % ALIGN)) % ALIGN;

function typedName(value: object): TypedName | null {
  const name = value.constructor?.name;
  return name !== undefined && Object.hasOwn(CONSTRUCTORS, name) && ArrayBuffer.isView(value) ? (name as TypedName) : null;
}

/**
 * Encodes a tree of plain objects, arrays, strings, numbers, booleans, nulls and typed arrays.
 * Anything else (a Map, a class instance, undefined in an array) is refused, so nothing is lost
 * silently.
 */
export function encodeSnapshot(value: unknown): Buffer {
  const chunks: Uint8Array[] = [];
  let at = 0;
  const walk = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === "string" || typeof v === "boolean") return v;
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new Error(`snapshot: ${path} is not a finite number`);
      return v;
    }
    if (typeof v !== "object") throw new Error(`snapshot: ${path} cannot be stored (${typeof v})`);
    const name = typedName(v);
    if (name !== null) {
      const typed = v as Typed;
      const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
      const ref: TypedRef = { [TYPED]: name, at, length: typed.length };
      chunks.push(bytes, new Uint8Array(padding(bytes.byteLength)));
      at += bytes.byteLength + padding(bytes.byteLength);
      return ref;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, `${path}[${i}]`));
    if (Object.getPrototypeOf(v) !== Object.prototype) throw new Error(`snapshot: ${path} is a ${v.constructor?.name ?? "object"}, not a plain object`);
    if (Object.hasOwn(v, TYPED)) throw new Error(`snapshot: ${path} has a reserved key`);
    return Object.fromEntries(Object.entries(v).map(([key, item]) => [key, walk(item, `${path}.${key}`)]));
  };
  const header = Buffer.from(JSON.stringify(walk(value, "snapshot")), "utf8");
  const lead = Buffer.alloc(8);
  lead.write(MAGIC, 0, "latin1");
  lead.writeUInt32LE(header.byteLength, 4);
  return Buffer.concat([lead, header, new Uint8Array(padding(header.byteLength)), ...chunks]);
}

/**
 * Decodes what {@link encodeSnapshot} wrote. Typed arrays are views over `bytes` where their
 * bytes are aligned in memory, copies where not. Throws on anything that is not a whole snapshot.
 */
export function decodeSnapshot(bytes: Uint8Array): unknown {
  const lead = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (lead.byteLength < 8 || lead.toString("latin1", 0, 4) !== MAGIC) throw new Error("snapshot: not a snapshot file");
  const headerLength = lead.readUInt32LE(4);
  if (8 + headerLength > bytes.byteLength) throw new Error("snapshot: truncated header");
  const header = Buffer.from(bytes.buffer, bytes.byteOffset + 8, headerLength).toString("utf8");
  const dataStart = 8 + headerLength + padding(headerLength);
  const buffer = bytes.buffer as ArrayBuffer;
  const restore = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(restore);
    if (Object.hasOwn(v, TYPED)) {
      const ref = v as TypedRef;
      const make = CONSTRUCTORS[ref[TYPED]];
      if (make === undefined) throw new Error("snapshot: unknown array type");
      const start = dataStart + ref.at;
      const byteLength = ref.length * make.BYTES_PER_ELEMENT;
      if (!Number.isInteger(start) || !Number.isInteger(byteLength) || start + byteLength > bytes.byteLength) throw new Error("snapshot: truncated data");
      const offset = bytes.byteOffset + start;
      return offset % make.BYTES_PER_ELEMENT === 0
        ? new make(buffer, offset, ref.length)
        : new make(buffer.slice(offset, offset + byteLength));
    }
    return Object.fromEntries(Object.entries(v).map(([key, item]) => [key, restore(item)]));
  };
  return restore(JSON.parse(header));
}
