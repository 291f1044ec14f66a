import type { SavedMessage } from '@callbridge/core';
import type { CallMessageDto } from '../schemas/call-message-dto.js';

/** CallMessageDTO of a message loaded with its owner's id and name (never their secrets). */
export function toCallMessageDto(message: SavedMessage): CallMessageDto {
  return {
    id: Number(message.id),
    callId: Number(message.callId),
    date: message.date.toISOString(),
    message: message.message,
    owner: message.owner ? { id: Number(message.owner.id), name: message.owner.name } : null,
    timestamp: Number(message.timestamp),
  };
}
