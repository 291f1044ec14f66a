import type { CallMessageDto } from '../schemas/call-message-dto.js';

interface MessageWithOwner {
  id: bigint;
  callId: bigint;
  date: Date;
  message: string;
  timestamp: bigint;
  owner: { id: bigint; name: string } | null;
}

/** CallMessageDTO of a message loaded with its owner's id and name (never their secrets). */
export function toCallMessageDto(message: MessageWithOwner): CallMessageDto {
  return {
    id: Number(message.id),
    callId: Number(message.callId),
    date: message.date.toISOString(),
    message: message.message,
    owner: message.owner ? { id: Number(message.owner.id), name: message.owner.name } : null,
    timestamp: Number(message.timestamp),
  };
}
