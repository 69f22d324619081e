/** Raw Discord API payloads (v10 JSON) the loopback fake sends: READY, a guild, messages, interactions. */

/** Ids of the fake application, bot, guild, channel and commands. */
export const FAKE_IDS = {
  application: "100000000000000001",
  bot: "100000000000000001",
  guild: "200000000000000002",
  channel: "300000000000000003",
  command: "400000000000000004",
  messageCommand: "400000000000000005",
} as const;

/** Permission bits used by the tests. */
export const PERMISSIONS = {
  /** View Channel, Send Messages, Read Message History. */
  member: (1n << 10n) | (1n << 11n) | (1n << 16n),
  manageChannels: 1n << 4n,
} as const;

/** The bot's user, as READY and `GET /users/@me` return it. */
export const botUser = { id: FAKE_IDS.bot, username: "dispute-bot", discriminator: "0", global_name: null, avatar: null, bot: true, flags: 0 };

let nextId = 10_000n;
/** A fresh snowflake-like id. */
export function snowflake(): string {
  nextId += 1n;
  return (500000000000000000n + nextId).toString();
}

/** The READY dispatch: the bot user, one (not yet available) guild and the application. */
export function readyPayload(resumeUrl: string): Record<string, unknown> {
  return {
    v: 10,
    user: botUser,
    guilds: [{ id: FAKE_IDS.guild, unavailable: true }],
    session_id: "fake-session",
    resume_gateway_url: resumeUrl,
    shard: [0, 1],
    application: { id: FAKE_IDS.application, flags: 0 },
  };
}

const channelPayload = { id: FAKE_IDS.channel, type: 0, guild_id: FAKE_IDS.guild, name: "general", position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null, rate_limit_per_user: 0 };

/** The GUILD_CREATE dispatch: the guild with one text channel, #general. */
export function guildCreate(): Record<string, unknown> {
  return {
    id: FAKE_IDS.guild,
    name: "Fake Guild",
    icon: null,
    owner_id: "600000000000000006",
    unavailable: false,
    joined_at: "2026-01-01T00:00:00.000Z",
    large: false,
    member_count: 2,
    features: [],
    roles: [{ id: FAKE_IDS.guild, name: "@everyone", permissions: PERMISSIONS.member.toString(), position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
    channels: [channelPayload],
    threads: [],
    members: [],
    emojis: [],
    stickers: [],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    preferred_locale: "en-US",
    premium_tier: 0,
    system_channel_flags: 0,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    nsfw_level: 0,
    afk_timeout: 300,
  };
}

/** A message as Discord returns it, from a (partial) request body. */
export function messagePayload(body: Record<string, unknown>): Record<string, unknown> {
  return {
    id: snowflake(),
    channel_id: FAKE_IDS.channel,
    author: botUser,
    content: "",
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    flags: 0,
    ...Object.fromEntries(Object.entries(body).filter(([key]) => key !== "allowed_mentions")),
  };
}

/** Who performs an interaction. */
export interface FakeMember {
  readonly id: string;
  readonly username: string;
  readonly globalName?: string;
  readonly nick?: string;
  readonly canManageChannel?: boolean;
}

/** A member who may manage the channel, shown by her nickname "Alice". */
export const ALICE: FakeMember = { id: "700000000000000007", username: "alice", globalName: "Alice A.", nick: "Alice", canManageChannel: true };
/** A member without Manage Channels and without a nickname (display name "Bob"). */
export const BOB: FakeMember = { id: "700000000000000008", username: "bob", globalName: "Bob", canManageChannel: false };

/** A member's user object, as interactions and messages carry it. */
function userPayload(member: FakeMember): Record<string, unknown> {
  return { id: member.id, username: member.username, discriminator: "0", global_name: member.globalName ?? null, avatar: null };
}

function memberPayload(member: FakeMember): Record<string, unknown> {
  const permissions = member.canManageChannel ? PERMISSIONS.member | PERMISSIONS.manageChannels : PERMISSIONS.member;
  return {
    user: userPayload(member),
    nick: member.nick ?? null,
    roles: [],
    joined_at: "2026-01-02T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    permissions: permissions.toString(),
  };
}

/** An interaction's id and token, as the fake correlates callbacks and webhooks by token. */
export interface RawInteraction {
  readonly id: string;
  readonly token: string;
  readonly payload: Record<string, unknown>;
}

function interaction(type: number, data: Record<string, unknown>, member: FakeMember, extra: Record<string, unknown> = {}): RawInteraction {
  const id = snowflake();
  const token = `itok-${id}`;
  return {
    id,
    token,
    payload: {
      id,
      token,
      type,
      version: 1,
      application_id: FAKE_IDS.application,
      guild_id: FAKE_IDS.guild,
      channel_id: FAKE_IDS.channel,
      channel: channelPayload,
      member: memberPayload(member),
      app_permissions: (PERMISSIONS.member | PERMISSIONS.manageChannels).toString(),
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": FAKE_IDS.guild },
      context: 0,
      attachment_size_limit: 10_485_760,
      data,
      ...extra,
    },
  };
}

/** A `/dispute` request in structured form, as the test sends it. */
export interface SlashRequest {
  /** Subcommand (`ask`) or group (`digest`). */
  readonly name: string;
  /** Within a group: the subcommand. */
  readonly subcommand?: string;
  readonly options?: Readonly<Record<string, string>>;
}

function optionTree(request: SlashRequest, focused?: string): unknown[] {
  const values = Object.entries(request.options ?? {}).map(([name, value]) => ({ type: 3, name, value, ...(name === focused ? { focused: true } : {}) }));
  if (request.subcommand !== undefined) return [{ type: 2, name: request.name, options: [{ type: 1, name: request.subcommand, options: values }] }];
  return [{ type: 1, name: request.name, options: values }];
}

/** The INTERACTION_CREATE a member's `/dispute …` produces. */
export function slashCommand(request: SlashRequest, member: FakeMember = ALICE): RawInteraction {
  return interaction(2, { id: FAKE_IDS.command, name: "dispute", type: 1, guild_id: FAKE_IDS.guild, options: optionTree(request) }, member);
}

/** The autocomplete interaction while a member types into option `focused`. */
export function autocomplete(request: SlashRequest, focused: string, member: FakeMember = ALICE): RawInteraction {
  return interaction(4, { id: FAKE_IDS.command, name: "dispute", type: 1, guild_id: FAKE_IDS.guild, options: optionTree(request, focused) }, member);
}

/** The "Find sources" message command run on a message with this content. */
export function findSourcesCommand(content: string, member: FakeMember = ALICE, author: FakeMember = BOB): RawInteraction {
  const target = snowflake();
  const message = messagePayload({ id: target, content, author: userPayload(author) });
  return interaction(2, { id: FAKE_IDS.messageCommand, name: "Find sources", type: 3, guild_id: FAKE_IDS.guild, target_id: target, resolved: { messages: { [target]: message } } }, member);
}

/** A click on a button with `customId` under the bot's message (ephemeral unless `messageId` names a posted one). */
export function buttonClick(customId: string, member: FakeMember = ALICE, channelId: string = FAKE_IDS.channel, messageId?: string): RawInteraction {
  const message = messagePayload({
    ...(messageId ? { id: messageId } : { flags: 64 }),
    components: [{ type: 1, components: [{ type: 2, style: 2, label: customId, custom_id: customId }] }],
  });
  const elsewhere = channelId === FAKE_IDS.channel ? {} : { channel_id: channelId, channel: { ...channelPayload, id: channelId } };
  return interaction(3, { custom_id: customId, component_type: 2 }, member, { message, ...elsewhere });
}

/** A public thread in #general, as THREAD_CREATE carries it. */
export function threadChannel(id: string = snowflake()): Record<string, unknown> {
  return {
    id,
    type: 11,
    guild_id: FAKE_IDS.guild,
    parent_id: FAKE_IDS.channel,
    owner_id: ALICE.id,
    name: "lawsuit talk",
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: "2026-03-20T00:00:00.000Z", locked: false, create_timestamp: "2026-03-20T00:00:00.000Z" },
    newly_created: true,
  };
}

/** What a MESSAGE_CREATE says about a message. */
export interface FakeMessage {
  readonly content: string;
  readonly author?: FakeMember;
  /** The bot is mentioned (its `<@id>` is in the content, it is in `mentions`). */
  readonly mentionsBot?: boolean;
  /** A direct message: no guild, the DM channel `channelId`. */
  readonly direct?: boolean;
  readonly channelId?: string;
  /** The channel's type as the gateway names it (`channel_type`): 0 a text channel (default), 11 a public thread; 1 for a direct message. */
  readonly channelType?: number;
  /** The message it replies to (type 19, `message_reference`). */
  readonly replyTo?: string;
  /** Sent by another bot. */
  readonly bot?: boolean;
}

/** The MESSAGE_CREATE dispatch of a member's message (id returned too, for replies to it). */
export function messageCreate(message: FakeMessage): { readonly id: string; readonly payload: Record<string, unknown> } {
  const id = snowflake();
  const author = message.author ?? ALICE;
  const direct = message.direct === true;
  const { user: _user, ...member } = memberPayload(author);
  return {
    id,
    payload: messagePayload({
      id,
      type: message.replyTo ? 19 : 0,
      channel_id: message.channelId ?? FAKE_IDS.channel,
      channel_type: direct ? 1 : (message.channelType ?? 0),
      ...(direct ? {} : { guild_id: FAKE_IDS.guild, member }),
      author: { ...userPayload(author), ...(message.bot ? { bot: true } : {}) },
      content: message.content,
      mentions: message.mentionsBot ? [botUser] : [],
      ...(message.replyTo ? { message_reference: { type: 0, message_id: message.replyTo, channel_id: message.channelId ?? FAKE_IDS.channel, ...(direct ? {} : { guild_id: FAKE_IDS.guild }) } } : {}),
    }),
  };
}
