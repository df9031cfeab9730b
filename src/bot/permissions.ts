import { PermissionFlagsBits, type ChatInputCommandInteraction, type GuildMember, type APIInteractionGuildMember } from 'discord.js';

function hasRole(member: GuildMember | APIInteractionGuildMember | null, roleId: string): boolean {
  if (!member) return false;
  return Array.isArray(member.roles) ? member.roles.includes(roleId) : member.roles.cache.has(roleId);
}

/** Manage Server, or the configured admin role. Never in DMs: there is no server to manage. */
export function isReportAdmin(interaction: ChatInputCommandInteraction, adminRoleId: string | undefined): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  return adminRoleId !== undefined && hasRole(interaction.member, adminRoleId);
}
