/** The database cannot be used: the message names the database (a path, or a URL without password) and the reason. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

/** One line saying why a database call failed, with the driver's error code when the message lacks it. */
export function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(error);
  return typeof e?.code === "string" && !message.includes(e.code) ? `${message} (${e.code})` : message;
}
