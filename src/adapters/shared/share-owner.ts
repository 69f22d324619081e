/** Who may share a kept answer: the user it was shown to, in the channel where it was asked. */
export interface ShareOwner {
  readonly user: string;
  /** The channel the answer was asked in (null where the platform names none). */
  readonly channel: string | null;
}

/** Whether `user` pressing share in `channel` may post the answer kept for `owner`. */
export function mayShare(owner: ShareOwner, user: string | undefined, channel: string | null | undefined): boolean {
  return user !== undefined && user === owner.user && (channel ?? null) === owner.channel;
}
