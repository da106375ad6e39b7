/**
 * The bot scopes the app asks for when a workspace installs it through OAuth; slack/manifest*.json declare the
 * same list (the manifest test holds them together and to the Web API methods the code calls).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'im:write', 'users:read', 'dnd:read', 'users.profile:read', 'im:history'] as const;
