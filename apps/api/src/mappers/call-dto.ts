import { DomainError, type AttachmentView, type CallView, type TaskView } from '@callbridge/core';
import type { CallJeopardy } from '@callbridge/db';
import type { CallDto, CallJeopardyDto, CallTaskAttachmentDto, CallTaskOutputDto } from '../schemas/call-dto.js';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export function toAttachmentDto(attachment: AttachmentView): CallTaskAttachmentDto {
  return {
    id: Number(attachment.id),
    name: attachment.name,
    type: attachment.type,
    downloaded: attachment.downloaded.toISOString(),
    blobServiceFileName: attachment.blobKey,
  };
}

/** CallTaskResultDTO of a task (spec E29, E37): 404 while the task has no result (Ambiguity 27). */
export function toTaskResultDto(task: Pick<TaskView, 'id' | 'result'>): { attachments: CallTaskAttachmentDto[] } {
  if (!task.result) throw new DomainError(404, `call task ${task.id} has no result yet`);
  return { attachments: task.result.attachments.map(toAttachmentDto) };
}

export function toTaskDto(task: TaskView): CallTaskOutputDto {
  return {
    id: Number(task.id),
    title: task.title,
    status: task.status,
    result: task.result ? { attachments: task.result.attachments.map(toAttachmentDto) } : null,
  };
}

export function toJeopardyDto(jeopardy: CallJeopardy): CallJeopardyDto {
  return {
    id: Number(jeopardy.id),
    callId: Number(jeopardy.callId),
    comment: jeopardy.comment,
    date: jeopardy.date.toISOString(),
    answerComment: jeopardy.answerComment,
    answerDate: iso(jeopardy.answerDate),
    timestamp: Number(jeopardy.timestamp),
  };
}

/** CallDTO (spec §4.5) of a loaded call view; the entity's timeToFix/timeToObject are ttf/tto here. */
export function toCallDto(call: CallView): CallDto {
  return {
    id: Number(call.id),
    number: call.number,
    status: call.status,
    userId: Number(call.ownerId),
    clientName: call.clientName,
    contactPersonName: call.contactPersonName,
    contactPersonPhone: call.contactPersonPhone,
    contactPersonEmail: call.contactPersonEmail,
    created: call.created.toISOString(),
    critical: call.critical,
    descriptionHtmlText: call.descriptionHtmlText,
    descriptionTextForFieldEmployee: call.descriptionTextForFieldEmployee,
    serviceObjectName: call.serviceObjectName,
    serviceObjectAddress: call.serviceObjectAddress,
    serviceObjectLatitude: call.serviceObjectLatitude,
    serviceObjectLongitude: call.serviceObjectLongitude,
    serviceObjectType: call.serviceObjectType,
    comments: call.comments,
    commited: iso(call.commited),
    finished: iso(call.finished),
    ttf: iso(call.timeToFix),
    tto: iso(call.timeToObject),
    tasks: call.tasks.map(toTaskDto),
    jeopardies: call.jeopardies.map(toJeopardyDto),
    availableExpenditureItems: call.availableExpenditureItems.map((item) => ({ id: Number(item.id), name: item.name })),
    timestamp: Number(call.timestamp),
  };
}
