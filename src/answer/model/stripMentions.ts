// Discord pings: @everyone, @here, users <@id> / <@!id>, roles <@&id>. Full-width ＠ never pings, but
// NFKC-minded readers would still see a mention, so it goes too.
const MENTION = /[@＠](?:everyone|here)\b|<[@＠][!&]?[^>\s]*>/giu;

/**
 * Removes mention syntax from model output. Defence in depth: messages already go out with
 * `allowedMentions: { parse: [] }`, but a reply that tries to ping is also a sign of an obeyed
 * injection, and the text should not read as a ping in logs or terminals either.
 */
export function stripMentions(text: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const stripped = text.replace(MENTION, (mention) => {
    removed.push(mention);
    return '';
  });
  if (removed.length === 0) return { text, removed };
  const tidied = stripped
    .split('\n')
    .map((line) => line.replace(/[ \t]{2,}/g, ' ').replace(/^[ \t]+(?=\S)/, '').replace(/[ \t]+$/, ''))
    .join('\n')
    .trim();
  return { text: tidied, removed };
}
