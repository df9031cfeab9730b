/**
 * Discord's mention syntax, in one place: `@everyone`, `@here`, users `<@id>` / `<@!id>`, roles
 * `<@&id>`, channel links `<#id>`. The full-width ＠ never pings, but a reader still sees a mention,
 * so it counts too. Questions arrive with it (a mention of the bot, a mention storm) and answers may
 * carry it (report text, a model reply that obeyed an injected instruction); the answering core never
 * sees or writes it, so it is cleaned here, at the chat edge.
 */
const MENTION = /[@＠](?:everyone|here)(?![A-Za-z])|<(?:[@＠][!&]?|#)[^>\s]*>/giu;

/** The question a chat message asks: mentions and channel links removed, spaces collapsed. */
export function questionText(content: string): string {
  return content.replace(MENTION, ' ').replace(/\s+/gu, ' ').trim();
}

/** The mentions a text carries, as written (for a log line: a reply that tries to ping is suspect). */
export function mentionsIn(text: string): string[] {
  return text.match(MENTION) ?? [];
}

/**
 * Text shown in chat keeps its words but loses the power to ping: a zero-width space after the @.
 * Every message also goes out with `allowedMentions: { parse: [] }`; this keeps the text from looking
 * like a mention and from pinging if it is ever copied elsewhere.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(MENTION, (mention) => mention.replace(/[@＠]/u, (at) => `${at}\u200b`));
}
